#!/bin/sh
# Two people on one database, end to end: two TUIs, each on a private tmux
# server of its own. Cases imported with the CLI show up in both within a
# few seconds without a key pressed, with "someone else changed the data"
# on the status line and the selection kept; a block locked in one TUI's
# planner reaches the other the same way, and the one that made the change
# is not told about it. Every wait is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"
updated="someone else changed the data"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
on a start 100 30
on b start 100 30
for t in a b; do
	on $t wait_for "City total"
	on $t wait_for "6 / 21.8 h" # Centrum's waiting list
done
on b keys j # b selects Noord
on b wait_selected "NRD "

# --- the CLI adds two cases to Centrum's waiting list
cat >./cases.csv <<'EOF'
ref,team,employee,type,phase,opened,closed
ZZ-1,CEN,,HG,intake,2026-11-20,
ZZ-2,CEN,,HG,intake,2026-11-20,
EOF
"$WIJKLAST" import cases ./cases.csv --db ./demo.db >/dev/null ||
    fail "import failed"
for t in a b; do
	on $t wait_for "8 / 33.8 h"
	on $t wait_for "$updated"
done
on b selected "NRD " || fail "b: the selection moved off Noord"

# --- a locks a block in its planner; b is told, a is not
on a keys g 3
on a wait_for "Mon 30 Nov 2026 morning · 4.0 h · "
on b keys ']' '[' # b's message goes with its next key
on b wait_gone "$updated"
on a keys L
on a wait_for "Locked: the planner leaves this block as it is"
on b wait_for "$updated"
on a shows "$updated" && fail "a was told of its own change"
on a keys u
on a wait_for "Undone"

on a keys Q
on b keys Q
on a wait_for "EXIT=0"
on b wait_for "EXIT=0"
cat ./tui.err
echo "tui_two_users: all checks passed"
