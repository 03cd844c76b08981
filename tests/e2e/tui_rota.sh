#!/bin/sh
# A teamcoach changes West's intake rota in the Planner (e): Tuesday morning
# 4 → 3 h, a Wednesday afternoon slot added, the Thursday afternoon slot
# removed, the planned blocks following after one question; the CLI's dump
# and the grid agree. Then + adds an extra block in the freed slot and d
# removes another. Three u's undo it all: the dumps of the rota and the
# blocks are byte for byte as before. Last a look at the form in Dutch.
# Every wait is bounded.
WIJKLAST_TODAY=2026-11-23 # the horizon: 2026-W49 .. 2027-W03
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
# the dumps end their lines with CRLF (RFC 4180)
cr=$(printf '\r')
cli dump rota >rota0.csv || fail "dump rota failed"
cli dump blocks >blocks0.csv || fail "dump blocks failed"
grep -q "^WST,do,middag,4$cr\$" rota0.csv ||
    fail "the demo's West has no Thu pm"
grep -q '^WST,wo,middag,' rota0.csv && fail "the demo's West has a Wed pm"
grep -q '^WST,2026-12-' blocks0.csv || fail "no planned blocks for West"

start 100 30
wait_for "Centrum"
select_down "West"
keys 3
wait_for "WST · West"
wait_for "Thu pm"
hides "Wed pm" || fail "West shows a Wed pm column before the change"

# --- e: the whole rota in one form
keys e
wait_for "Intake rota of West (empty: no slot)"
wait_for "Intake per week: slots 8 → 8, hours 32.0 → 32.0"
keys Down Down C-u 3      # Tue morning
keys Down Down Down 4     # Wed afternoon: a new slot
keys Down Down C-u        # Thu afternoon: gone
wait_for "Intake per week: slots 8 → 8, hours 32.0 → 31.0"
wait_re "Planned blocks from 2026-W49 on: [0-9]+ in removed slots, [0-9]+ with"
keys C-s
wait_re "Planned blocks from 2026-W49 on: remove [0-9]+, give [0-9]+ the new"
keys y
wait_re "Intake rota saved; planned blocks: [0-9]+ removed, [0-9]+ with the new"
wait_for "Wed pm"
wait_gone "Thu pm"

cli dump rota >rota1.csv || fail "dump rota failed"
grep -q "^WST,di,ochtend,3$cr\$" rota1.csv || fail "Tue morning is not 3 h"
grep -q "^WST,wo,middag,4$cr\$" rota1.csv || fail "no Wed afternoon slot"
grep -q '^WST,do,middag,' rota1.csv && fail "the Thu afternoon slot stayed"
[ "$(grep -vc '^WST,' rota1.csv)" = "$(grep -vc '^WST,' rota0.csv)" ] ||
    fail "other teams' rotas changed"
cli dump blocks >blocks1.csv || fail "dump blocks failed"
# from next week on: no Thursday afternoons, Tuesday mornings of 3 h; this
# week's blocks as they were
awk -F, '$1 == "WST" && $2 >= "2026-11-30" { sub("\r", "");
    print $2, $3, $6 }' \
    blocks1.csv >west1.txt
[ -s west1.txt ] || fail "West has no blocks left"
while read -r day part hours; do
	wd=$(date -d "$day" +%u)
	[ "$wd $part" = "4 middag" ] && fail "the Thu afternoon $day stayed"
	[ "$wd $part" = "2 ochtend" ] && [ "$hours" != 3 ] &&
	    fail "Tue morning $day kept $hours h"
done <west1.txt
awk -F, '$1 == "WST" && $2 < "2026-11-30"' blocks0.csv >week0.csv
awk -F, '$1 == "WST" && $2 < "2026-11-30"' blocks1.csv >week1.csv
cmp -s week0.csv week1.csv || fail "blocks of this week or before changed"

# --- +: an extra block in the freed slot, Thu 10 Dec afternoon
keys +
wait_for "New intake block of West"
keys C-u 2026-12-10 Down a Down Down Right
wait_for "Thu 10 Dec 2026"
wait_re "Holder  ‹ [^ ]"
keys C-s
wait_for "Intake block Thu 10 Dec afternoon added"
wait_for "Thu pm"
# the same slot again is refused next to the date
keys +
wait_for "New intake block of West"
keys C-u 2026-12-10 Down a C-s
wait_for "✗ that afternoon has an intake block already"
keys Escape
wait_for "Cancelled: nothing changed"
cli dump blocks | grep -q '^WST,2026-12-10,middag,WST' ||
    fail "the extra block is not in the database"

# --- d: the block under the cursor (the first cell: Mon 30 Nov morning)
keys d
wait_for "Remove the intake block Mon 30 Nov morning ("
keys y
wait_for "Intake block Mon 30 Nov morning removed"
cli dump blocks | grep -q '^WST,2026-11-30,ochtend,' &&
    fail "the removed block is still there"
keys d
wait_for "No intake block here to remove"

# --- undo all three
keys u
wait_for "Undone: intake block Mon 30 Nov morning removed"
keys u
wait_for "Undone: intake block Thu 10 Dec afternoon added"
keys u
wait_re "Undone: intake rota of WST and [0-9]+ intake blocks changed"
wait_gone "Wed pm"
wait_for "Thu pm"
cli dump rota >rota2.csv || fail "dump rota failed"
cli dump blocks >blocks2.csv || fail "dump blocks failed"
cmp -s rota0.csv rota2.csv || fail "undo did not restore the rota"
cmp -s blocks0.csv blocks2.csv || fail "undo did not restore the blocks"
keys Q
wait_for "EXIT=0"

# --- the form in Dutch, 80x24
start_dutch 80 24
wait_for "Centrum"
select_down "West"
keys 3
wait_for "WST · West"
keys e
wait_for "Intakerooster van West (leeg: geen dagdeel)"
wait_for "Intake per week: dagdelen 8 → 8, uren 32,0 → 32,0"
keys Escape
wait_for "Geannuleerd"
keys Q
wait_for "EXIT=0"

cat ./tui.err 2>/dev/null
echo "tui_rota: all checks passed"
