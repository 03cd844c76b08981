#!/bin/sh
# Small traps of the user trial, each pinned: a case's reference cannot be
# edited once it exists (the form starts on the next field); letters typed
# in a choice field start a new search when the ones before find nothing
# (g, then h: HG, not "gh" and a beep); a move previewed from a past week
# shows the week it takes effect in; f on a case in the last phase asks
# before going back to intake. Every wait is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
# sql QUERY: one value from the database, as the tests read it
sql() {
	/usr/bin/python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' \
	    ./demo.db "$1"
}

start 100 30
wait_for "Centrum"
keys 5
wait_for "Filter: team:CEN status:open"
ref=$(screen | sed -n 4p | awk '{ print $1 }')
[ -n "$ref" ] || fail "no case on the first row"
keys e
wait_for "Case $ref"
# typing goes to the Employee field, never into the reference
keys Q
keys Down g h
wait_for "‹ HG · Huiselijk geweld ›"
keys C-s
wait_for "Case saved"
[ "$(sql "select count(*) from cases where ref = '$ref'")" = 1 ] ||
    fail "the reference $ref changed"
[ "$(sql "select type from cases where ref = '$ref'")" = HG ] ||
    fail "typing g then h did not choose HG"

# a move previewed from a past week shows the week it takes effect in:
# this week (2026-W48), not the week on screen
keys '['
wait_for "2026-W47"
keys m
wait_for "Move case $ref"
wait_re "2026-W48, to .*: [0-9]+% → [0-9]+%"
hides "2026-W47, to" || fail "the move previews a week that is over"
keys Escape
wait_gone "Move case $ref"
keys ']'

# f in the last phase asks first; n changes nothing
keys /
wait_for "Filter the cases"
keys C-u "team:CEN status:open phase:afschalen" Enter
wait_for "phase:afschalen"
last=$(screen | sed -n 4p | awk '{ print $1 }')
keys f
wait_for "$last is in the last phase (afschalen). Back to intake? (y/n)"
keys n
wait_for "Nothing changed"
[ "$(sql "select phase from cases where ref = '$last'")" = afschalen ] ||
    fail "f moved $last out of afschalen without asking"
keys Q
wait_for "EXIT=0"

cat ./tui.err 2>/dev/null
echo "tui_traps: all checks passed"
