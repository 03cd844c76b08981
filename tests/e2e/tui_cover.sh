#!/bin/sh
# Sick leave over someone's intake blocks, end to end: the absence form
# saves a 100 % absence of a colleague who holds blocks in it, then offers
# to hand them over; the Planner shows the fair hand-over as a proposal
# (only those blocks move) and a applies it. The CLI then reports no block
# held by someone absent; u undoes the hand-over and the Planner marks the
# blocks with ! again, as report and plan do. Every wait is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
# someone of Centrum who holds a block in the weeks of the sick leave
cli plan CEN --format json >plan.json || fail "plan failed"
holder=$(/usr/bin/python3 -c 'import json, sys
p = json.load(open(sys.argv[1]))
print(next(b["before"] for b in p["blocks"]
           if b["before"] and "2026-12-07" <= b["date"] <= "2026-12-18"))' \
    plan.json) || fail "nobody holds a block in 2026-W50/51"
report before.json --team CEN
name=$(field before.json "$holder" name)
blocks=$(/usr/bin/python3 -c 'import json, sys
p = json.load(open(sys.argv[1]))
print(sum(1 for b in p["blocks"] if b["before"] == sys.argv[2]
          and "2026-12-07" <= b["date"] <= "2026-12-20"))' plan.json "$holder")

start 100 30
wait_for "Centrum"
keys g Enter
wait_for "Team total"
select_down "$name"
keys Enter
wait_for "$holder · $name · Centrum"
select_down "Absences ("
keys a
wait_for "New absence of $name"
keys C-u 2026-12-07 Down C-u 2026-12-20
wait_for "Sun 20 Dec 2026"
# the preview shows the weeks the absence covers, not the shown week
wait_re "2026-W50: capacity [0-9.]+ → 0\.0 h, load [0-9]+% → — ▲ OVER"
wait_re "2026-W51: capacity [0-9.]+ → 0\.0 h"
hides "2026-W48: capacity" || fail "the preview shows the week on screen"
keys C-s
if [ "$blocks" -eq 1 ]; then
	wait_for "Absence saved. $name holds 1 intake block in this absence"
else
	wait_for "Absence saved. $name holds $blocks intake blocks in this"
fi
keys y
wait_for "3 Planner"
wait_re "Hand-over: $blocks blocks? to colleagues"
wait_re "proposal: $blocks of $blocks slots? changes?"
keys a
wait_for "(y/n)"
keys y
wait_for "Applied $blocks change"
for w in 2026-W50 2026-W51; do
	report "after-$w.json" --team CEN --week "$w"
	grep -q '"absent_blocks": [1-9]' "after-$w.json" &&
	    fail "$w: a block is still held by someone absent"
done
cli plan CEN >plan-after.txt
grep -q "Held by someone absent" plan-after.txt &&
    fail "plan still lists blocks held by someone absent"

# u: the blocks are back with the absent colleague, and flagged
keys u
wait_re "Undone: (intake block .* moved from $name|$blocks intake blocks changed)"
wait_re "! $blocks blocks? held by someone absent"
shows_re "![0-9]{2}" || fail "no ! cell in the grid"
report undone.json --team CEN --week 2026-W50
grep -q '"absent_blocks": [1-9]' undone.json ||
    fail "report does not count the blocks held by someone absent"
cli plan CEN | grep -q "Held by someone absent" ||
    fail "plan does not list the blocks held by someone absent"
keys Q
wait_for "EXIT=0"

cat ./tui.err 2>/dev/null
echo "tui_cover: all checks passed"
