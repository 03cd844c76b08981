#!/bin/sh
# Keeping the team current in the TUI (issue #9): Koen Pierik (CEN09, 10 open
# cases, intake blocks ahead) moves from Centrum to Noord. The question what
# happens to his cases and blocks is asked; each handling chosen happens —
# handed over fairly (no open case or later block left with him in Centrum),
# taken along (his cases go to Noord with him), and, when he leaves instead,
# the waiting list with the blocks left unfilled — and one u restores every
# record byte for byte (dump). A new colleague and a renamed team round it
# off. Every wait is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"

# every kind as the import format has it, to compare before and after
snap() {
	for k in teams employees cases blocks; do
		cli dump "$k" -o "$1.$k.csv" || fail "dump $k failed"
	done
}
same() {
	for k in teams employees cases blocks; do
		cmp -s "$1.$k.csv" "$2.$k.csv" ||
		    fail "$3: $k differ ($(diff "$1.$k.csv" "$2.$k.csv" |
		    head -5))"
	done
}
# open cases (no closed date) held by CEN09 in team $1; blocks of CEN09 on
# or after today
open_cases() {
	cli dump cases | tr -d '\r' |
	    awk -F, -v t="$1" '$3 == "CEN09" && $2 == t && $7 == ""' | wc -l
}
later_blocks() {
	cli dump blocks | tr -d '\r' |
	    awk -F, '$4 == "CEN09" && $2 >= "2026-11-23"' | wc -l
}
waiting() {
	cli dump cases | tr -d '\r' |
	    awk -F, '$2 == "CEN" && $3 == "" && $7 == ""' | wc -l
}

snap before
[ "$(open_cases CEN)" -eq 10 ] || fail "the demo changed: CEN09 holds \
$(open_cases CEN) open cases, not 10"
blocks0=$(later_blocks)
[ "$blocks0" -gt 0 ] || fail "the demo changed: CEN09 holds no later blocks"
waiting0=$(waiting)

start 100 30
wait_for "Centrum"
keys Enter
wait_for "CEN · Centrum"
# Koen Pierik: the third row (by load), his details below the table; a
# move takes him out of the list, so after an undo he is picked again
pick_koen() {
	keys g
	wait_for "CEN23 · volwassenen"
	keys Down
	wait_for "CEN17 · ggz"
	keys Down
	wait_for "CEN09 · ggz"
}
pick_koen

# 1. the move, handed over fairly (the offered default)
keys e
wait_for "Employee CEN09"
keys Down Down Down Down # name, discipline, hours, workdays: to team
keys Right
wait_for "NRD · Noord"
wait_for "Team Noord:" # the preview: both teams' loads
keys C-s
wait_for "Koen Pierik moves to Noord"
wait_for "10 open cases"
wait_for "Hand over fairly to colleagues"
wait_re "Projected loads over 8 weeks"
wait_re "\\+[0-9]+ cases?.*% → [0-9]+%"
keys C-s
wait_for "Employee saved"
[ "$(open_cases CEN)" -eq 0 ] || fail "open cases left with CEN09 in CEN"
[ "$(open_cases NRD)" -eq 0 ] || fail "handed-over cases went to NRD"
[ "$(later_blocks)" -eq 0 ] || fail "intake blocks left with CEN09"
[ "$(waiting)" -eq "$waiting0" ] || fail "cases went to the waiting list"
cli dump employees | grep -q '^CEN09,Koen Pierik,NRD,' ||
    fail "CEN09 is not in NRD"
# every handed-over case is with a colleague in Centrum
cli dump cases | tr -d '\r' |
    awk -F, '$2 == "CEN" && $7 == "" && $3 != "" { print $3 }' |
    sort -u >holders
cli dump employees | tr -d '\r' | awk -F, '$3 == "CEN" { print $1 }' |
    sort -u >members
[ -z "$(comm -23 holders members)" ] ||
    fail "a Centrum case is held outside Centrum: $(comm -23 holders members)"
keys u
wait_for "Undone: Koen Pierik moved to team Noord, with"
snap undone1
same before undone1 "undo of the fair hand-over"

# 2. the move again, the cases taken along
pick_koen
keys e
wait_for "Employee CEN09"
keys Down Down Down Down Right C-s
wait_for "Koen Pierik moves to Noord"
keys Left # from "hand over fairly" to "take them along to Noord"
wait_for "Take them along to Noord"
wait_for "10 cases move along to Noord"
keys C-s
wait_for "Employee saved"
[ "$(open_cases NRD)" -eq 10 ] || fail "the cases did not go along to NRD"
[ "$(open_cases CEN)" -eq 0 ] || fail "cases left behind in CEN"
[ "$(later_blocks)" -eq 0 ] || fail "Centrum's blocks stayed with CEN09"
keys u
wait_for "Undone: Koen Pierik moved to team Noord"
snap undone2
same before undone2 "undo of the move with the cases along"

# 3. he leaves instead: waiting list, blocks unfilled
pick_koen
keys x
wait_for "Koen Pierik leaves: the last working day"
keys C-s
wait_for "Koen Pierik leaves, last day Mon 23 Nov 2026: the cases go now"
keys Right # hand over fairly -> the waiting list
wait_for "The team's waiting list"
keys Down Left # blocks: hand over fairly -> leave unfilled
wait_for "Leave them unfilled"
wait_for "10 cases to the waiting list"
keys C-s
wait_for "Contract ended"
[ "$(open_cases CEN)" -eq 0 ] || fail "cases left with the leaver"
[ "$(waiting)" -eq $((waiting0 + 10)) ] ||
    fail "the waiting list holds $(waiting), not $((waiting0 + 10))"
[ "$(later_blocks)" -eq 0 ] || fail "blocks left with the leaver"
cli dump employees | grep -q '^CEN09,.*,2026-11-23' ||
    fail "CEN09 has no end date"
keys u
wait_for "Undone: Koen Pierik leaves on 2026-11-23"
snap undone3
same before undone3 "undo of the leaver"

# 4. a new colleague in Centrum; a team renamed in the Overview
keys a
wait_for "New employee"
keys -l "CEN99"
keys Tab
keys -l "Nieuwe Collega"
keys C-s
wait_for "Employee added"
cli dump employees | grep -q '^CEN99,Nieuwe Collega,CEN,' ||
    fail "the new employee is not in the data"
keys Escape
wait_for "Overview"
keys e
wait_for "Team CEN"
keys C-u # the name: the code is the key, not editable
keys -l "Centrum-Oost"
keys C-s
wait_for "Team saved"
cli dump teams | grep -q '^CEN,Centrum-Oost,' || fail "the team kept its name"
keys u
wait_for "Undone: team CEN changed"
keys u
wait_for "Undone: new employee Nieuwe Collega"
snap undone4
same before undone4 "undo of the new employee and the team's name"

# a leaver in the CLI's import is refused the same way (sync.sh) — and
# bad values are refused in the form, next to the field
keys Enter
wait_for "CEN · Centrum"
keys e
wait_for "Employee CEN"
keys Down Down C-u
keys -l "45"
keys Tab
wait_for "\"45\" must be more than 0 and at most 40"
keys C-s # refused while the field is wrong
wait_for "\"45\" must be more than 0 and at most 40"
keys Escape
wait_for "Cancelled: nothing changed"
keys Q
wait_for "EXIT=0"
echo "tui_team_move: move, hand-over, along, leaver, new, rename, undo: ok"
