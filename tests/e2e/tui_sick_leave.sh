#!/bin/sh
# A colleague falls ill, end to end through a private tmux server like
# tui.sh: a teamcoach opens an employee with room (the lowest load of
# Centrum), records a sick leave — 100 % ziek from today for two weeks —
# through the absence form, and sees the employee turn OVER (the CLI's
# report too). Then, in the Cases view of that employee, two cases move to a
# colleague with room: the form shows both loads before → after before the
# confirmation, and afterwards the CLI's case hours of the giver go down and
# the receiver's up by exactly the hours of those cases; the Team view says
# why the giver has no capacity. Last, the Employee view in Dutch: Dutch
# labels and decimal commas. Every wait is bounded.
WIJKLAST_TODAY=2026-11-23 # a Monday: the sick leave runs to 2026-12-06
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

# near A B: two numbers of hours agree within the 0.005 h of SPEC §3
near() {
	awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 0.005 && \
	    d > -0.005) }'
}
# case_hours TYPE PHASE: a case's weekly hours with the built-in defaults
case_hours() {
	awk -v t="$1" -v p="$2" 'BEGIN {
		h["JGD"] = 2; h["JGDC"] = 3.5; h["VOL"] = 1.5; h["WMO"] = 1
		h["FIN"] = 2; h["HG"] = 4; h["GGZ"] = 3
		f["intake"] = 1.5; f["actief"] = 1; f["afschalen"] = 0.5
		if (!(t in h) || !(p in f)) exit 1
		printf "%.2f\n", h[t] * f[p] }'
}

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
report before.json --team CEN
# with room: status ROOM; the giver has the lowest load of them
room=$(grep -F '"team": "CEN"' before.json | grep -F '"status": "ROOM"' |
    sed -n 's/.*"code": "\([^"]*\)".*"load": \([0-9.]*\),.*/\2 \1/p' |
    sort -n | awk '{ print $2 }')
giver=$(echo "$room" | sed -n 1p)
receiver=$(echo "$room" | sed -n 2p)
[ -n "$giver" ] && [ -n "$receiver" ] ||
    fail "the demo's Centrum has fewer than two employees with room"
giver_name=$(field before.json "$giver" name)
receiver_name=$(field before.json "$receiver" name)
receiver_first=${receiver_name%% *}

# --- the employee with room, from the Team view (sorted by load: last)
start 100 30
wait_for "Centrum"
keys g Enter
wait_for "Team total"
keys G
wait_selected "$giver_name"
keys Enter
wait_for "$giver · $giver_name · Centrum"
for label in Available Capacity Demand Load "Open cases (" \
    "Side activities (" "Absences (" "Intake blocks ("; do
	wait_for "$label"
done
poll "the Load line does not say ROOM" shows_re "^ Load +[0-9]+% ○ ROOM"

# --- the sick leave, through the form: 100 % ziek, 2026-11-23 .. 12-06
select_down "Absences ("
keys a
wait_for "New absence of $giver_name"
wait_for "Mon 23 Nov 2026" # Start: today
keys Down C-u 2026-12-06
wait_for "Sun 6 Dec 2026"
keys Tab Tab
poll "the form does not show the capacity going to 0" \
    shows_re "2026-W48: capacity [0-9.]+ → 0\\.0 h, load [0-9]+% → — ▲ OVER"
keys C-s
# cases or blocks of theirs in the absence: the cover question comes up;
# not now (tui_cover.sh does)
wait_re "Absence saved|Cover for "
if shows "Cover for "; then
	keys Escape
	wait_for "Absence saved; nothing handed over; o proposes it again"
else
	wait_for "u undoes it"
fi
wait_gone "New absence of"
poll "the Load line does not say OVER" shows_re "^ Load +— ▲ OVER no capacity"
wait_for "ziek 100% Mon–Sun"
shows "2026-11-23 2026-12-06 14 days" || fail "the absence is not listed"
report sick.json --team CEN
[ "$(field sick.json "$giver" status)" = OVER ] ||
    fail "the CLI does not report $giver OVER"
[ "$(field sick.json "$giver" load)" = null ] ||
    fail "the CLI reports a load for $giver without capacity"
near "$(field sick.json "$giver" capacity)" 0 ||
    fail "the CLI reports capacity for $giver"

# --- two cases to the colleague with room, through the Cases view
keys c
wait_for "Filter: employee:$giver status:open"
moved=0
for n in 1 2; do
	# the first row is selected: its ref, type and phase
	row=$(screen | sed -n 4p)
	ref=$(echo "$row" | awk '{ print $1 }')
	type_phase=$(echo "$row" | awk '{
		for (i = 2; i < NF; i++)
			if ($i ~ /^(intake|actief|afschalen)$/) {
				print $(i - 1), $i; exit } }')
	hours=$(case_hours $type_phase) ||
	    fail "no hours for the case on row 4: $row"
	moved=$(awk -v a="$moved" -v b="$hours" 'BEGIN { print a + b }')
	wait_selected "$ref"
	keys m
	wait_for "Move case $ref"
	keys "$receiver_first"
	wait_for "‹ $receiver_name "
	# before → after for both, before anything is confirmed
	poll "no load before → after for $receiver_name" shows_re \
	    "2026-W48, to $receiver_name: [0-9]+% → [0-9]+% "
	poll "no load before → after for $giver_name" shows_re \
	    "2026-W48, from $giver_name: — → — ▲ OVER"
	keys Enter
	poll "no confirmation with the receiver's loads" shows_re \
	    "Move $ref to $receiver_name \\([0-9]+% → [0-9]+%\\)\\? \\(y/n\\)"
	keys y
	wait_for "$ref went to $receiver_name; u undoes it"
	wait_gone "Move case"
done
report moved.json --team CEN
for who in "$giver -" "$receiver +"; do
	set -- $who
	was=$(field sick.json "$1" case_hours)
	now=$(field moved.json "$1" case_hours)
	want=$(awk -v a="$was" -v b="$moved" -v s="$2" \
	    'BEGIN { print s == "+" ? a + b : a - b }')
	near "$now" "$want" ||
	    fail "case hours of $1: $was → $now, want $want ($2$moved)"
done

# the Team view shows the receiver's new load
pct=$(awk -v x="$(field moved.json "$receiver" load)" \
    'BEGIN { printf "%d", x * 100 + 0.5 }')
keys Escape
wait_for "$giver · $giver_name"
keys Escape
wait_for "Team total"
poll "the Team view does not show $receiver_name at $pct%" \
    shows_re "$receiver_name +.* $pct% "
# the giver is selected: the line under the table says why
wait_for "$giver · "
wait_for " h/week · absent (ziek 100% Mon–Sun) · cases: "
keys q
wait_for "City total"
keys q
wait_for "EXIT=0"

# --- Dutch: the Employee view's labels and decimal commas
start_dutch 80 24
wait_for "Totaal stad"
keys g Enter
wait_for "Totaal team"
keys 4
wait_for "4 Medewerker"
for label in Beschikbaar Capaciteit Vraag Werklast "Open casussen (" \
    "Nevenactiviteiten (" "Afwezigheid (" "Intakeblokken (" "u/week"; do
	wait_for "$label"
done
shows_re "^ Beschikbaar +[0-9]+,[0-9] u " ||
    fail "no decimal comma in the available hours"
shows_re "casusuren \\+ [0-9]+,[0-9] intake" ||
    fail "no decimal comma in the demand"
shows_re "^  [^ ].* [0-9]+,[0-9]$" || fail "no decimal comma in the rows"
keys q
wait_for "Totaal team"
keys q q
wait_for "EXIT=0"

# whatever the program wrote to stderr (sanitizer reports: run-all checks)
cat ./tui.err 2>/dev/null
echo "tui_sick_leave: all checks passed"
