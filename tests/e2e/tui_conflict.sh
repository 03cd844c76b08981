#!/bin/sh
# Two people edit the same record, end to end: two TUIs (a and b), each on a
# private tmux server of its own, on one database. a opens the form of a
# record and leaves it open; b changes the same record and saves; then a
# saves. a must be refused with "changed by someone else", nothing of a's
# edit may reach the database (the CLI's report is b's, byte for byte), and
# a's screen shows b's values. Once for a side activity in the Employee
# view, once for a case in the Cases view. Every wait is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
report base.json --team CEN
# the first employee of Centrum with side activities this week
code=$(grep -F '"team": "CEN"' base.json | grep -vF '"side_hours": 0.00,' |
    sed -n 's/.*"code": "\([^"]*\)".*/\1/p' | sed -n 1p)
[ -n "$code" ] || fail "nobody in the demo's Centrum has side activities"
name=$(field base.json "$code" name)

# --- both open that employee's first side activity
for t in a b; do
	on $t start 100 30
	on $t wait_for "City total"
	on $t keys g Enter
	on $t wait_for "Team total"
	on $t select_down "$name"
	on $t keys Enter
	on $t wait_for "$code · $name · Centrum"
	on $t select_down "Side activities ("
	on $t keys j
done
# its name: the first column of the row below the section's header
activity=$(on a screen | grep -A1 -F "Side activities (" | tail -n 1 |
    sed 's/^ *//; s/  .*//')
[ -n "$activity" ] || fail "no side activity of $name to edit"
for t in a b; do
	on $t wait_selected "$activity"
done

# a changes name and hours, and leaves the form open
on a keys e
on a wait_for "Side activity of $name"
on a keys C-u "Conflict A" Tab Tab C-u 9
on a wait_re "side activities [0-9.]+ → [0-9.]+ h, load"
# b changes the same activity and saves
on b keys e
on b wait_for "Side activity of $name"
on b keys C-u "Conflict B" Tab Tab C-u 3 C-s
on b wait_for "Side activity saved; u undoes it"
on b wait_for "Conflict B"
report b.json --team CEN
cmp -s base.json b.json && fail "b's side activity did not reach the report"
# a saves: refused, nothing written, b's values on a's screen
on a keys C-s
on a wait_for \
    "change side activity: it was changed or deleted by someone else"
on a wait_gone "Side activity of $name"
on a wait_for "Conflict B"
on a hides "Conflict A" || fail "a: the refused name is on the screen"
on a screen | grep -F "Conflict B" | grep -qE " 3\\.0 " ||
    fail "a: the row does not show b's 3.0 hours"
report a.json --team CEN
cmp -s b.json a.json || fail "a's refused side activity changed the report"

# --- the same with a case: a's form moves the phase back, b's f forward
for t in a b; do
	on $t keys 5
	on $t wait_for "Filter: team:CEN status:open"
done
ref=$(on a screen | sed -n 4p | awk '{ print $1 }')
for t in a b; do
	on $t wait_selected "$ref"
done
on a keys e
on a wait_for "Case $ref"
on a keys Tab Tab Tab Left
on a wait_re "2026-W48, .* → "
on b keys f
on b wait_re "$ref is in phase [a-z]+ now; u undoes it"
phase=$(on b screen | sed -n "s/.*$ref is in phase \\([a-z]*\\) now.*/\\1/p")
report b.json --team CEN
cmp -s a.json b.json && fail "b's phase did not reach the report"
on a keys C-s
on a wait_for "case $ref was changed by someone else"
on a wait_gone "Case $ref"
on a screen | grep -F "$ref " | grep -qF " $phase " ||
    fail "a: the row of $ref does not show b's phase $phase"
report a.json --team CEN
cmp -s b.json a.json || fail "a's refused case changed the report"

on a keys Q
on b keys Q
on a wait_for "EXIT=0"
on b wait_for "EXIT=0"
# whatever the program wrote to stderr (sanitizer reports: run-all checks)
cat ./tui.err 2>/dev/null
echo "tui_conflict: all checks passed"
