#!/bin/sh
# The Intake planner end to end, driven through a private tmux server like
# tui.sh: the grid with its week labels; r shows a proposal whose summary
# matches the CLI's plan; a applies it after a confirmation (the CLI then
# plans no change and next week's report differs); u restores next week's
# report byte for byte and Ctrl-R redoes it; m opens the chooser, L locks.
# Undo is per session, so the CLI checks run while the TUI is open. Then
# 80x24 without colour, and in Dutch. Every wait is bounded.
WIJKLAST_TODAY=2026-11-23 # the demo and the horizon: 2026-W49 .. 2027-W03
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

# json_number KEY FILE: a top-level number of the plan's JSON
json_number() { sed -n "s/^  \"$1\": \\([0-9.]*\\),\$/\\1/p" "$2"; }
# percents FRACTION: the whole percentages a TUI may show for a load the
# JSON rounds to three decimals, as an ERE alternation ("149" or "148|149")
percents() {
	awk -v x="$1" 'BEGIN {
		lo = int(x * 100 + 0.5 - 0.0005); hi = int(x * 100 + 0.5 + 0.0005)
		if (lo == hi) print lo; else print lo "|" hi }'
}

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
cli plan CEN --format json >plan0.json || fail "plan CEN failed"
report next0.json --week next
changes=$(json_number changes plan0.json)
balanced=$(percents "$(json_number max_load plan0.json)")
split=$(percents "$(json_number equal_split_max_load plan0.json)")
[ -n "$changes" ] && [ "$changes" -gt 0 ] ||
    fail "the demo's plan for CEN changes nothing (changes=$changes)"

# --- colour, English, 100x30: open Centrum's planner with 3
start 100 30
wait_for "Centrum"
keys g # Centrum is the first team
keys 3
wait_for "3 Planner"
wait_for "2026-W49 – 2027-W03 (8 weeks)"
for week in 2026-W49 2026-W50 2026-W51 2026-W52 2026-W53 2027-W01 \
    2027-W02 2027-W03; do
	wait_for "$week"
done
for col in "Mon am" "Tue pm" "Fri pm" Employee Blocks "Press ? for help"; do
	wait_for "$col"
done
wait_for "CEN · Centrum · 72 slots to plan"
wait_for "Highest projected load now"
# the cursor follows arrows and clicks; the line below the grid says where
wait_for "Mon 30 Nov 2026 morning · 4.0 h · "
keys Down Right l
wait_for "Tue 8 Dec 2026 morning · 4.0 h · "
wait_for " · locked" # "#12": Gijs Koster holds it, locked
x=$(screen | sed -n 3p)
x=${x%%Fri pm*}
click "${#x}" 10 # Fri pm of the eighth week
wait_for "Fri 22 Jan 2027 afternoon · 4.0 h · "

# r: the proposal, as the CLI planned it
keys r
poll "no summary with equal split $split% and balanced $balanced%" \
    shows_re "equal split: highest load ($split)%; balanced: highest load \
($balanced)% \\(now [0-9]+%\\)"
wait_for "proposal: $changes of 72 slots change"
wait_for "Why none"
wait_for "a block would raise their load"
shows_re "[0-9·]→[0-9?]" || fail "no changed cell (old→new) in the grid"
screen -e | grep -q "$esc\\[[0-9;]*36m" || fail "changed cells not coloured"

# Esc drops the proposal, r makes it again
keys Escape
wait_for "Proposal dropped"
wait_for "Highest projected load now"
keys r
wait_for "proposal: $changes of 72 slots change"

# a asks first; n changes nothing
keys a
wait_for "Apply $changes changes to the intake blocks of Centrum? (y/n)"
keys n
wait_for "Nothing changed"
cli plan CEN --format json >plan1.json
[ "$(json_number changes plan1.json)" = "$changes" ] ||
    fail "answering n changed the plan"

# a, y applies: the CLI sees it at once (the TUI stays open for undo)
keys a
wait_for "(y/n)"
keys y
wait_for "Applied $changes changes; u undoes it"
poll "the planner does not show the applied plan" \
    shows_re "Highest projected load now ($balanced)%"
cli plan CEN --format json >plan2.json
[ "$(json_number changes plan2.json)" = 0 ] ||
    fail "after applying, plan CEN still changes $(json_number changes \
plan2.json) blocks"
report next1.json --week next
cmp -s next0.json next1.json && fail "applying did not change next week"

# the Team view shows the new intake hours of next week
keys 2
wait_for "Team total"
keys ']'
wait_for "2026-W49"
keys 3
wait_for "Highest projected load now"

# u restores the exact previous state; Ctrl-R redoes
keys u
wait_for "Undone"
report next2.json --week next
cmp -s next0.json next2.json || fail "undo did not restore next week"
keys C-r
wait_for "Redone"
cli plan CEN --format json >plan3.json
[ "$(json_number changes plan3.json)" = 0 ] || fail "redo did not reapply"

# m: the chooser with loads before → after; Esc closes it
keys m
wait_for "Enter: choose  Esc: cancel"
shows_re "[0-9]+% → [0-9]+%" || fail "no loads in the chooser"
keys Escape
wait_gone "Enter: choose"
# L locks the block under the cursor; u unlocks it
keys L
wait_for "Locked: the planner leaves this block as it is"
keys u
wait_for "Undone"

# q goes back where the planner was opened from (the Team view), then to
# the Overview, then quits
keys q
wait_for "Team total"
keys q
wait_for "City total"
keys q
wait_for "EXIT=0"

# --- 80x24 without colour: the whole grid fits, nothing wraps
start 80 24 NO_COLOR=1
wait_for "Huiselijk Geweld"
keys g p
wait_for "2027-W03"
wait_for "Fri pm"
keys r
poll "no balanced $balanced% at 80x24" \
    shows_re "balanced: highest load ($balanced)%"
wait_for "The plan is balanced already"
[ "$(screen | wc -l)" -eq 24 ] || fail "the screen is not 24 lines"
screen | head -n 1 | grep -q "^ wijklast .*3 Planner" ||
    fail "the title bar is not the first line"
screen | sed -n 3p | grep -q "^Week .*Fri pm$" ||
    fail "the grid's header is not the third line"
screen | sed -n 24p | grep -q "Press ? for help" ||
    fail "the status line is not the last line"
screen -e | grep -Eq "$esc\\[([0-9;]*;)?3[0-7](;[0-9;]*)?m" &&
    fail "colours on the screen with NO_COLOR=1"
keys q
wait_for "City total"
keys q
wait_for "EXIT=0"

# --- Dutch
start_dutch 80 24
wait_for "Totaal stad"
keys g p
wait_for "3 Planning"
wait_for "ma o"
wait_for "dagdelen te plannen"
keys r
poll "no Dutch summary" shows_re "gelijk verdeeld: hoogste last ($split)%"
keys m
wait_for "Enter: kiezen"
keys Escape
wait_gone "Enter: kiezen"
keys q
wait_for "Totaal stad"
keys q
wait_for "EXIT=0"

# whatever the program wrote to stderr (sanitizer reports: run-all checks)
cat ./tui.err 2>/dev/null
echo "tui_planner: all checks passed"
