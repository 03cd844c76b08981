#!/bin/sh
# Cover, end to end (issue #10): Koen Pierik (CEN09: 10 open cases, intake
# blocks ahead) falls ill for three weeks. Saving the absence brings up the
# cover proposal — his cases and blocks to colleagues, with their loads
# before → after and how close to the best possible; applying it empties his
# row in the Team view and fills his colleagues'. Two u's (the cover, the
# absence) give back the report byte for byte; ^R twice redoes both. Back
# after the absence, o proposes giving the cases back, and does. Every wait
# is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
report before.json --team CEN --week 2026-W49
open_cases() { # open cases held by $1
	cli dump cases | tr -d '\r' |
	    awk -F, -v e="$1" '$3 == e && $7 == ""' | wc -l
}
[ "$(open_cases CEN09)" -eq 10 ] || fail "the demo changed: CEN09 holds \
$(open_cases CEN09) open cases, not 10"

start 100 30
wait_for "Centrum"
keys Enter
wait_for "CEN · Centrum"
keys Down # Koen Pierik, the third by load
wait_for "CEN17 · ggz"
keys Down
wait_for "CEN09 · ggz"
keys Enter
wait_for "CEN09 · Koen Pierik · Centrum"
select_down "Absences ("
keys a
wait_for "New absence of Koen Pierik"
keys C-u 2026-11-23 Down C-u 2026-12-14 # ill from today
wait_for "Mon 14 Dec 2026"
keys C-s

# the proposal comes up at once
wait_for "Cover for Koen Pierik, Mon 23 Nov 2026 – Mon 14 Dec 2026"
wait_for "10 open cases"
wait_for "Hand over fairly to colleagues"
wait_re "Projected loads over 4 weeks from Mon 23 Nov 2026"
wait_re "\\+[0-9]+ cases?.*: [0-9]+% → [0-9]+%"
wait_re "Highest of those taking cases [0-9]+%, best possible at least \
[0-9]+%"
keys C-s
wait_for "Absence saved; cover applied"
[ "$(open_cases CEN09)" -eq 0 ] || fail "CEN09 still holds open cases"
cli dump blocks | tr -d '\r' | awk -F, '$4 == "CEN09" &&
    $2 >= "2026-11-23" && $2 <= "2026-12-14"' | grep -q . &&
    fail "CEN09 still holds a block in the absence"
cli cover CEN09 --format json >left.json || fail "cover failed"
grep -q '"to": "CEN' left.json && fail "cover proposes more after applying"

# the Team view: his row has no case hours left, his colleagues more
keys Escape
wait_for "CEN · Centrum"
wait_re "Koen Pierik +[0-9.]+ +[0-9.]+ +0\\.0 "
report after.json --team CEN --week 2026-W49
cmp -s before.json after.json && fail "the cover changed no figure"

# u twice: the cover, then the absence; the report is back byte for byte
keys u
wait_re "Undone: cover for Koen Pierik: [0-9]+ cases and blocks"
keys u
wait_for "Undone: absence of Koen Pierik added"
report undone.json --team CEN --week 2026-W49
cmp -s before.json undone.json ||
    fail "undo did not restore the report: $(diff before.json undone.json |
    head -5)"
[ "$(open_cases CEN09)" -eq 10 ] || fail "undo left CEN09 without cases"
keys C-r
wait_for "Redone: absence of Koen Pierik added"
keys C-r
wait_re "Redone: cover for Koen Pierik: [0-9]+ cases and blocks"
[ "$(open_cases CEN09)" -eq 0 ] || fail "redo did not hand over again"
keys Q
wait_for "EXIT=0"

# back on 15 December: o proposes giving the cases back
WIJKLAST_TODAY=2026-12-15
start 100 30
wait_for "Centrum"
keys Enter
wait_for "CEN · Centrum"
select_down "Koen Pierik"
keys o
wait_for "Koen Pierik is back: the cases of their cover"
wait_for "Give them back to Koen Pierik"
keys C-s
wait_for "Cases given back"
back=$(open_cases CEN09)
[ "$back" -ge 10 ] || fail "only $back cases came back"
cli cover CEN09 --return --format json >return.json ||
    fail "cover --return failed"
grep -q '"to": "CEN09"' return.json && fail "cases are still out as cover"
keys Q
wait_for "EXIT=0"
echo "tui_cover: absence, cover, undo, redo, return: ok"
