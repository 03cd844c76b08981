#!/bin/sh
# The forecast where people see it (issue #11): the Overview's "OVER in"
# column says for each team what `wijklast forecast` says (weeks until the
# median reaches OVER, blank when not within the horizon), at 80x24 too;
# the Trend view draws the fan after the history and → walks into it, the
# figures of a coming week those of the forecast. Every wait is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
cli forecast --format json >forecast.json || fail "forecast failed"
# "CEN 1", "STR -" ...: each team's over_in
/usr/bin/python3 -c 'import json, sys
for t in json.load(open(sys.argv[1]))["teams"]:
    print(t["code"], t["over_in"] if t["over_in"] else "-")' \
    forecast.json >over_in.txt || fail "forecast json"
grep -q " [0-9]" over_in.txt || fail "no team goes OVER: the demo changed"

start 80 24
wait_for "OVER in"
wait_re "CEN .* [0-9]+ wk" # the forecast is made after the first frame,
wait_gone "…"                # a slice of the teams shown at a time
while read -r code n; do
	line=$(screen | grep -E "^. $code ")
	[ -n "$line" ] || fail "no row for $code"
	if [ "$n" = - ]; then
		echo "$line" | grep -qE "[0-9]+ wk" &&
		    fail "$code shows OVER in, the forecast says not: $line"
	else
		echo "$line" | grep -qE " $n wk " ||
		    fail "$code: the forecast says $n wk: $line"
	fi
done <over_in.txt

# the Trend: history, then the fan; → onto the first coming week
keys 6
wait_for "CEN · Centrum · 12 weeks"
wait_for "░"
wait_for "━"
keys Right
wait_re "2026-W49, .* · forecast median [0-9]+% "
# the json has four decimals: the screen's whole percent within one of it
shown=$(screen | sed -n 's/.*forecast median \([0-9]*\)% .*/\1/p')
/usr/bin/python3 -c 'import json, sys
w = json.load(open(sys.argv[1]))["teams"][0]["weeks"][0]
sys.exit(abs(w["p50"] * 100 - int(sys.argv[2])) > 1)' forecast.json \
    "$shown" || fail "the Trend's median $shown% is not the forecast's"
# the labels' row: the cursor's week whole among them
screen | grep "W38" | grep -q "W49" ||
    fail "the cursor's week label W49 is not shown whole"
keys Q
wait_for "EXIT=0"
echo "tui_forecast: OVER in for every team, the fan, its figures: ok"
