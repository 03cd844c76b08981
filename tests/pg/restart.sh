#!/bin/sh
# The server restarts under an open TUI (issue 13). A block locked before
# the restart is still locked after it; the TUI connects again by itself
# and says so; the next change is saved. With the server down, a change is
# reported as not saved and is not there when the server is back; the one
# after it is.
set -eu
. "$WIJKLAST_SRC/tests/pg_cluster.sh"
pg_attach
export WIJKLAST_TODAY=2026-11-23
. "$WIJKLAST_SRC/tests/e2e/tmux.inc"
db=$(pg_db restart)
"$WIJKLAST" --db "$db" demo >/dev/null || fail "demo failed"
# the first block of the Planner: Monday 30 Nov morning, Centrum's
first="SELECT locked FROM block WHERE team_id = (SELECT id FROM team WHERE code = 'CEN') AND date = '2026-11-30' AND part = 'ochtend'"
locked() { pg_psql -d restart -c "$first"; }
[ "$(locked)" = 0 ] || fail "the demo's first block is locked already"

start 100 30 -- --db "'$db'"
wait_for "City total"
keys 3
wait_for "Mon 30 Nov 2026 morning"
keys L
wait_for "5 locked"
poll "the lock did not reach the server" sh -c "[ \"\$(psql -qAt -d restart -c \"$first\")\" = 1 ]"

# --- a restart: nothing acknowledged is lost, the TUI says it is back
pg_restart
wait_for "Connected again to the database server"
[ "$(locked)" = 1 ] || fail "the lock was lost in the restart"
keys L
poll "the unlock did not reach the server" sh -c "[ \"\$(psql -qAt -d restart -c \"$first\")\" = 0 ]"

# --- the server away: the change is refused as not saved, and is not
# there afterwards; once the server is back the next one is
pg_down
keys L
wait_for "Not saved"
pg_up
wait_for "Connected again to the database server"
[ "$(locked)" = 0 ] || fail "a change reported as not saved was saved"
keys L
poll "the lock after the outage did not reach the server" sh -c "[ \"\$(psql -qAt -d restart -c \"$first\")\" = 1 ]"
hides "EXIT=" || fail "the TUI ended"
echo "pg/restart: ok"
