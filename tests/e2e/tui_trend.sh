#!/bin/sh
# The Trend view and the Overview's sparklines end to end, driven through a
# private tmux server like tui.sh: sparklines at 80x24 and 200x50; T shows a
# team's trend (bars, threshold lines, week labels, the cursor's figures),
# + widens it, ← moves the cursor; from the Team view an employee's trend;
# then LANG=C draws in ASCII only, and a config keys group rebinds quit to x
# (the hints and the help show it, x quits). Every wait is bounded.
WIJKLAST_TODAY=2026-11-23 # the shown week: 2026-W48
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

# no byte above 0x7f anywhere on the screen
ascii_only() { ! screen | LC_ALL=C grep -q "$(printf '[\200-\377]')"; }

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
member=$("$WIJKLAST" report --db ./demo.db --team CEN |
    awk '$1 == "CEN01" { print $2; exit }')
[ -n "$member" ] || fail "no employee CEN01 in the demo's report"

# --- sparklines in the Overview at 80x24 and 200x50
spark='[▁▂▃▄▅▆▇█]{8}'
for size in "80 24" "200 50"; do
	# shellcheck disable=SC2086 # two words on purpose
	start $size
	wait_for "City total"
	wait_for "Trend"
	screen | grep -F "CEN " | grep -qE -- "$spark" ||
	    fail "no sparkline in the row of CEN at $size"
	screen | grep -F "City total" | grep -qE -- "$spark" ||
	    fail "no sparkline in the total at $size"
done

# --- a team's trend (at 200x50 still)
keys T
wait_for "CEN · Centrum · 12 weeks: 2026-W37 – 2026-W48"
wait_re "W37 +W38 +W39"
wait_for "W48"
wait_for "110%"
wait_for "▲ OVER"
wait_for "█"
wait_for "2026-W48, 23–29 Nov · "
wait_for "demand"
wait_for "capacity"
keys +
wait_for "16 weeks: 2026-W33 – 2026-W48"
keys Left
wait_for "2026-W47, 16–22 Nov · "
keys Escape
wait_for "City total"

# --- an employee's trend from the Team view, at 80x24
tmux -S "$sock" resize-window -t tui -x 80 -y 24
keys Enter
wait_for "Team total"
keys g T # the range stays as it was
wait_for "· CEN Centrum · 16 weeks"
wait_for "W48"
wait_for "cases "
wait_for "intake "
first=$(screen | sed -n 2p)
keys j # the next member of the team
poll "j did not step to the next member" eval \
    '[ "$(screen | sed -n 2p)" != "$first" ]'
wait_for "· CEN Centrum · 16 weeks"
keys T # from the employee to the team
wait_for "CEN · Centrum · 16 weeks"
keys q
wait_for "Team total"
keys q q
wait_for "EXIT=0"

# --- LANG=C: ASCII only, in the Overview, the Team view and the Trend (wide
# enough for the week's dates in the title)
start 120 24 LANG=C
wait_for "City total"
wait_for "2026-W48, 23-29 Nov"
ascii_only || fail "bytes above 0x7f in the Overview with LANG=C"
keys Enter
wait_for "Team total"
ascii_only || fail "bytes above 0x7f in the Team view with LANG=C"
keys T
wait_for "W48"
wait_for "#"
ascii_only || fail "bytes above 0x7f in the Trend with LANG=C"
keys Q
wait_for "EXIT=0"

# --- a keys group: quit is x; the hints and the help say so; q does
# nothing now
cat >./keys.cfg <<'EOF'
keys = { quit = "x"; week_next = [ "n", "F5" ]; };
EOF
start 100 50 -- --config ./keys.cfg
wait_for "City total"
wait_for "x: quit  Enter: team"
wait_for "[ n: week" # week_prev keeps [, week_next is n
hides "q: quit" || fail "the hints still show q for quit"
keys '?'
wait_for "Press any key to close the help"
screen | grep -F "Quit (in the other views: back)" | grep -qE '^ +x ' ||
    fail "the help does not show x for quit"
screen | grep -F "Next week" | grep -qE '^ +n F5 ' ||
    fail "the help does not show n F5 for next week"
keys Escape
wait_for "City total"
keys n
wait_for "2026-W49"
keys q
wait_for "Unknown key q"
keys x
wait_for "EXIT=0"

# a bad keys group: refused with the file, line and key (status 78)
printf 'keys = {\n  quit = "x";\n  help = "x";\n};\n' >./bad.cfg
"$WIJKLAST" --db ./demo.db --config ./bad.cfg report >/dev/null 2>./err
rc=$?
[ "$rc" -eq 78 ] || fail "a key bound twice: status $rc, want 78"
grep -qF "bad.cfg:3: keys.help: x is bound twice: also to quit" ./err ||
    fail "no file:line: key message: $(cat ./err)"

cat ./tui.err
echo "tui_trend: all checks passed"
