#!/bin/sh
# The forms end to end, through a private tmux server like tui.sh. A new case
# with an impossible date (2026-02-30) is refused with the reason next to the
# date, on leaving the field and again on save, and nothing is written (the
# CLI's report is unchanged byte for byte); a ref that is a BSN is refused
# with the validator's message; Esc cancels a filled-in form without writing.
# A side activity takes "1,5" hours; a case is added; u and Ctrl-R walk back
# and forth through exactly those states of the CLI's report. Undo is per
# session, so the CLI checks run while the TUI is open. Every wait is
# bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

# the line below the one holding LABEL holds TEXT: a message next to a field
below() { screen | grep -A1 -F -- "$1" | tail -n 1 | grep -qF -- "$2"; }

# same A B MESSAGE: the two reports are equal byte for byte
same() { cmp -s "$1" "$2" || fail "$3"; }

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
report base.json

start 80 24
wait_for "Centrum"
keys g 5
wait_for "Filter: team:CEN status:open"

# --- a new case with 2026-02-30: refused next to the date, nothing written
keys a
wait_for "New case in Centrum"
keys Z-FORMS-1 Tab Tab Tab Tab C-u 2026-02-30 Tab
poll "no message next to Opened" below "│ Opened " \
    '✗ "2026-02-30" is not a date'
keys C-s
# the status line repeats the field's message (polled: the message next to
# the field is there before C-s is handled), and the form stays
poll "the status line does not repeat the message of the field" \
    shows_re '^"2026-02-30" is not a date'
wait_for "New case in Centrum"
report now.json
same base.json now.json "a refused case changed the report"

# --- the BSN guard: the validator's message next to the ref
keys Escape
wait_for "Cancelled: nothing changed"
keys a
wait_for "New case in Centrum"
keys 123456782 Tab
poll "no BSN message next to the reference" below "│ Reference " \
    '"123456782" looks like a citizen service number (BSN)'
keys C-s
wait_for "New case in Centrum"
keys Escape
wait_gone "New case in Centrum"
report now.json
same base.json now.json "a BSN ref changed the report"

# --- Esc cancels a form that would save
keys a
wait_for "New case in Centrum"
keys Z-FORMS-2
wait_for "Z-FORMS-2"
keys Escape
wait_for "Cancelled: nothing changed"
report now.json
same base.json now.json "a cancelled form changed the report"

# --- a side activity of 1,5 hours (decimal comma) for an employee
keys 2
wait_for "Team total"
wait_re "h/week( · .*)? · cases:"
# the last row (the lowest load): the line below the table names its code
details() { screen | sed -n 23p | awk '{ print $1 }'; }
first=$(details)
keys G
poll "G did not select another employee" test "$(details)" != "$first"
who=$(details)
side=$(field base.json "$who" side_hours)
[ -n "$side" ] || fail "no employee $who in the report"
keys Enter
wait_for "$who · "
select_down "Side activities ("
keys a
wait_for "New side activity of"
keys "Werkgroep formulieren" Tab Tab 1,5 Tab
poll "no load before → after for 1,5 h" shows_re \
    "side activities [0-9.]+ → [0-9.]+ h, load [0-9]+% → [0-9]+%"
keys C-s
wait_for "Side activity saved; u undoes it"
wait_for "Werkgroep formulieren"
report activity.json
want=$(awk -v a="$side" 'BEGIN { printf "%.2f", a + 1.5 }')
[ "$(field activity.json "$who" side_hours)" = "$want" ] ||
    fail "side hours of $who: $(field activity.json "$who" side_hours), \
want $want"

# --- a case for the same employee, from the Employee view
keys g
poll "the first row is not selected" selected "Open cases ("
# Enter on a heading edits nothing and adds nothing: it says so
keys Enter
wait_for "Open cases is a heading: select a row, or a adds one"
hides "New case in" || fail "Enter on a heading opened a new case"
keys a
wait_for "New case in Centrum"
keys Z-FORMS-3
poll "no effect of the new case on the load" shows_re \
    "2026-W48, .*: [0-9]+% → [0-9]+% "
keys C-s
wait_for "Case added; u undoes it"
wait_for "Z-FORMS-3"
report case.json
cmp -s activity.json case.json && fail "adding a case changed nothing"

# --- u and Ctrl-R walk the states back and forth, exactly
keys u
wait_for "Undone"
report now.json
same activity.json now.json "undo did not remove the case exactly"
keys u
wait_for 'Undone: side activity "Werkgroep formulieren" of '
# gone from the list (the status line above says what was undone)
poll "the second undo did not finish" eval \
    '! screen | sed \$d | grep -qF "Werkgroep formulieren"'
report now.json
same base.json now.json "undo did not restore the first state exactly"
keys C-r
wait_for "Redone"
wait_for "Werkgroep formulieren"
report now.json
same activity.json now.json "redo did not bring back the side activity"
keys C-r
wait_for "Z-FORMS-3"
report now.json
same case.json now.json "redo did not bring back the case"

keys q
wait_for "Team total"
keys q q
wait_for "EXIT=0"

# whatever the program wrote to stderr (sanitizer reports: run-all checks)
cat ./tui.err 2>/dev/null
echo "tui_forms: all checks passed"
