#!/bin/sh
# The demo's everyday journeys on whatever day this runs: the Overview, a
# Team view, a week forward and back, the planner's proposal applied and
# undone (next week's report back byte for byte), and every export. Every
# expectation comes from the program itself (the CLI's report and plan), so
# this passes on any date: tests/sweep runs it with "today" pinned to dates
# chosen to hurt; tests/run-all runs it on the real clock. With
# SWEEP_DEMO_DAY set the demo is made on that day and the journeys run on
# WIJKLAST_TODAY (e.g. before the demo's first case).
. "$(dirname "$0")/tmux.inc"

if [ -n "${SWEEP_DEMO_DAY:-}" ]; then
	WIJKLAST_TODAY=$SWEEP_DEMO_DAY "$WIJKLAST" demo --db ./demo.db \
	    >/dev/null || fail "demo on $SWEEP_DEMO_DAY failed"
else
	"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
fi

# json_string KEY FILE / json_number KEY FILE: a top-level value
json_string() { sed -n "s/^  \"$1\": \"\\([^\"]*\\)\",\$/\\1/p" "$2"; }
json_number() { sed -n "s/^  \"$1\": \\([0-9.]*\\),\$/\\1/p" "$2"; }

report now.json
report next0.json --week next
this_week=$(json_string week now.json)
next_week=$(json_string week next0.json)
[ -n "$this_week" ] && [ -n "$next_week" ] || fail "no weeks in the report"
first=$(sed -n 's/^    {"code": "\([^"]*\)", "name": "\([^"]*\)".*/\1 \2/p' \
    now.json | head -n 1)
team=${first%% *} name=${first#* }
[ -n "$team" ] || fail "no team in the report"
cli plan "$team" --format json >plan0.json || fail "plan $team failed"
changes=$(json_number changes plan0.json)
[ -n "$changes" ] || fail "no change count in the plan"

start 100 30
wait_for "$name"
wait_for "$this_week"
wait_for "(this week)"
wait_for "1 Overview"
wait_for "2 Team" # the tab names stay whatever the week's dates
keys g
wait_selected "$team "

# the Team view, a week forward and back
keys Enter
wait_for "Team total"
wait_for "$name"
keys ']'
wait_for "$next_week"
wait_gone "(this week)"
keys '['
wait_for "$this_week"
wait_for "(this week)"

# the planner: the TUI proposes what the CLI proposes
keys 3
wait_for "3 Planner"
keys r
if [ "$changes" -gt 0 ]; then
	wait_re "proposal: $changes of [0-9]+ slots change"
	keys a
	wait_for "(y/n)"
	keys y
	wait_for "Applied $changes changes; u undoes it"
	cli plan "$team" --format json >plan1.json
	[ "$(json_number changes plan1.json)" = 0 ] ||
	    fail "after applying, the CLI still plans changes"
	keys u
	wait_for "Undone"
	report next1.json --week next
	cmp -s next0.json next1.json ||
	    fail "undo did not restore next week's report"
else
	wait_re "balanced already|nothing to plan|No slots"
fi
until shows "EXIT="; do
	keys q
	sleep 0.2
done
wait_for "EXIT=0"

# every export of this week and last, read back
for week in current last; do
	for f in csv json md html xlsx; do
		cli export --week "$week" --format "$f" -o "out.$f" ||
		    fail "export $week $f failed"
		[ -s "out.$f" ] || fail "export $week $f is empty"
	done
	cli export --week "$week" --format csv --dialect excel-nl \
	    -o out-nl.csv || fail "export $week excel-nl failed"
	/usr/bin/python3 -c 'import json, sys; json.load(open(sys.argv[1]))' \
	    out.json || fail "export $week json does not parse"
	/usr/bin/python3 -c 'import openpyxl, sys
openpyxl.load_workbook(sys.argv[1])' out.xlsx ||
	    fail "export $week xlsx does not open"
done
cli check >/dev/null || fail "check found a problem after the journeys"

cat ./tui.err 2>/dev/null
echo "tui_journey: all checks passed on $this_week"
