#!/bin/sh
# A change that commits after a later one is still seen (issue 13, review):
# on PostgreSQL audit ids are drawn as rows are written, and transactions
# commit in another order. Session A adds a case and waits before it
# commits; session B adds one and commits at once; the open TUI shows B's,
# and A's once A commits — without a key, within the poll.
set -eu
. "$WIJKLAST_SRC/tests/pg_cluster.sh"
pg_attach
export WIJKLAST_TODAY=2026-11-23
. "$WIJKLAST_SRC/tests/e2e/tmux.inc"
db=$(pg_db late)
"$WIJKLAST" --db "$db" demo >/dev/null || fail "demo failed"
start 100 30 -- --db "'$db'"
wait_for "6 / 21.8 h" # Centrum's waiting list
add() { # add REF: an intake case for Centrum's waiting list
	echo "INSERT INTO cases (ref, team_id, type, phase, opened)
	    SELECT '$1', id, 'HG', 'intake', '2026-11-20' FROM team
	    WHERE code = 'CEN';"
}
# A: written now, committed in 4 s
pg_psql -d late -c "BEGIN; $(add LATE-A) SELECT pg_sleep(4); COMMIT;" \
    >/dev/null &
a=$!
sleep 1
# B: written after A's row (a higher audit id), committed first
pg_psql -d late -c "$(add LATE-B)" >/dev/null
wait_for "7 / "
wait $a
wait_for "8 / "
echo "pg/late_commit: ok"
