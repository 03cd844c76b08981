#!/bin/sh
# Two people on one database, end to end: two TUIs, each on a private tmux
# server of its own. Cases imported with the CLI show up in both within a
# few seconds without a key pressed, with "someone else changed the data"
# on the status line and the selection kept; a block locked in one TUI's
# planner reaches the other the same way, and the one that made the change
# is not told about it. Every wait is bounded.
set -u
: "${WIJKLAST:?set WIJKLAST to the wijklast binary}"
LANG=${LANG:-C.UTF-8}
WIJKLAST_TODAY=2026-11-23
export LANG WIJKLAST_TODAY
unset TMUX LC_ALL LANGUAGE NO_COLOR
here=$(pwd)
esc=$(printf '\033')
updated="someone else changed the data"

fail() {
	echo "FAIL: $*"
	for t in a b; do
		echo "--- screen $t:"
		tmux -S "$here/sock.$t" capture-pane -p -t tui 2>/dev/null
	done
	[ -s ./tui.err ] && { echo "--- stderr:"; cat ./tui.err; }
	exit 1
}

stop_all() {
	for t in a b; do
		[ -S "$here/sock.$t" ] &&
		    tmux -S "$here/sock.$t" kill-server 2>/dev/null
	done
}
trap stop_all EXIT
trap 'exit 1' HUP INT TERM

command -v tmux >/dev/null 2>&1 || fail "tmux is not installed"

# screen T / keys T ...: the screen of, keys to, TUI a or b
screen() { t=$1; shift; tmux -S "$here/sock.$t" capture-pane -p -t tui "$@"; }
keys() { t=$1; shift; tmux -S "$here/sock.$t" send-keys -t tui "$@"; }

# poll MESSAGE TEST...: run TEST every 0.1 s until it holds, at most 10 s.
poll() {
	message=$1
	shift
	i=0
	while [ $i -lt 100 ]; do
		"$@" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "$message"
}
shows() { screen "$1" | grep -qF -- "$2"; }
hides() { ! shows "$1" "$2"; }
wait_for() { poll "$1: \"$2\" did not appear" shows "$1" "$2"; }
wait_gone() { poll "$1: \"$2\" did not go away" hides "$1" "$2"; }
# the row holding the text is drawn reversed: the selection
selected() { screen "$1" -e | grep -F -- "$2" | grep -qF "$esc[7m"; }

# start T: TUI a or b on the demo, 100x30, on a server of its own
start() {
	tmux -S "$here/sock.$1" -f /dev/null new-session -d -s tui -x 100 \
	    -y 30 -c "$here" "env TERM=tmux-256color ESCDELAY=25 \
	    WIJKLAST_TODAY=$WIJKLAST_TODAY '$WIJKLAST' --db ./demo.db \
	    2>>./tui.err; echo EXIT=\$?; sleep 60" ||
	    fail "tmux $1 did not start"
}

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
start a
start b
for t in a b; do
	wait_for $t "City total"
	wait_for $t "6 · 21.8 h" # Centrum's waiting list
done
keys b j # b selects Noord
poll "b: Noord is not selected" selected b "NRD "

# --- the CLI adds two cases to Centrum's waiting list
cat >./cases.csv <<'EOF'
ref,team,employee,type,phase,opened,closed
ZZ-1,CEN,,HG,intake,2026-11-20,
ZZ-2,CEN,,HG,intake,2026-11-20,
EOF
"$WIJKLAST" import cases ./cases.csv --db ./demo.db >/dev/null ||
    fail "import failed"
for t in a b; do
	wait_for $t "8 · 33.8 h"
	wait_for $t "$updated"
done
selected b "NRD " || fail "b: the selection moved off Noord"

# --- a locks a block in its planner; b is told, a is not
keys a g 3
wait_for a "Mon 30 Nov 2026 morning · 4.0 h · "
keys b ']' '[' # b's message goes with its next key
wait_gone b "$updated"
keys a L
wait_for a "Locked: the planner leaves this block as it is"
wait_for b "$updated"
shows a "$updated" && fail "a was told of its own change"
keys a u
wait_for a "Undone"

keys a Q
keys b Q
wait_for a "EXIT=0"
wait_for b "EXIT=0"
cat ./tui.err
echo "tui_two_users: all checks passed"
