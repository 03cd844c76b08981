#!/bin/sh
# Undo as a teamcoach meets it: move an intake block, then lock it (one
# record changed twice), u twice — both undone, the block's week's report back
# byte for byte, the status saying what was undone; Ctrl-R redoes. Then the
# terminal is closed by mistake: in a new session u still undoes the last
# change. Every wait is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
report next0.json --week 2026-W50

start 100 30
wait_for "Centrum"
keys g 3
wait_for "Highest projected load now"
keys Down Right # Mon 7 Dec 2026 afternoon: Wilma Pattiasina's
wait_for "Mon 7 Dec 2026 afternoon"
keys m
wait_for "Enter: choose  Esc: cancel"
keys Enter
wait_for "(y/n)"
keys y
wait_for "u undoes it"
keys L
wait_for "Locked: the planner leaves this block as it is"
report next1.json --week 2026-W50
cmp -s next0.json next1.json && fail "the move did not change its week"

keys u
wait_for "Undone: intake block Mon 7 Dec afternoon locked"
keys u
wait_for "Undone: intake block Mon 7 Dec afternoon moved from Wilma"
report next2.json --week 2026-W50
cmp -s next0.json next2.json || fail "two undos did not restore its week"
keys u
wait_for "nothing to undo"
keys C-r
wait_for "Redone: intake block Mon 7 Dec afternoon moved from Wilma"
keys C-r
wait_for "Redone: intake block Mon 7 Dec afternoon locked"
report next3.json --week 2026-W50
cmp -s next1.json next3.json || fail "two redos did not bring it back"
keys Q
wait_for "EXIT=0"

# a new session: the last change is still there to undo
start 100 30
wait_for "Centrum"
keys u
wait_for "Undone: intake block Mon 7 Dec afternoon locked"
keys u
wait_for "Undone: intake block Mon 7 Dec afternoon moved from Wilma"
report next4.json --week 2026-W50
cmp -s next0.json next4.json || fail "undo after reopening did not restore"
keys Q
wait_for "EXIT=0"

cat ./tui.err 2>/dev/null
echo "tui_undo: all checks passed"
