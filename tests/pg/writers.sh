#!/bin/sh
# Eight writers at once on PostgreSQL (issue 13): tests/torture/writers.py
# with its CLI writers for 20 s — imports, plan --apply, snapshots,
# exports, reports — while two TUIs lock and unlock intake blocks in
# their Planners. Nothing lost or invented, every row audited, conflicts
# reported as such; both TUIs still up and showing the data as it is.
set -eu
. "$WIJKLAST_SRC/tests/pg_cluster.sh"
pg_attach
export WIJKLAST_TODAY=2026-11-23
. "$WIJKLAST_SRC/tests/e2e/tmux.inc"
db=$(pg_db writers)
PATH="$pg_bin:$PATH"
export PATH
mkdir work
# the city first, and both TUIs in their Planners, then the writers
"$WIJKLAST" --db "$db" demo --teams 3 >/dev/null || fail "demo failed"
for t in a b; do
	on $t start 100 30 -- --db "'$db'"
	on $t wait_for "City total"
	on $t keys 3
	on $t wait_for "slots to plan"
done
WRITERS_DEMO=0 WRITERS_DB="postgresql:///writers" /usr/bin/python3 \
    "$WIJKLAST_SRC/tests/torture/writers.py" "$WIJKLAST" ./work 20 6 \
    >writers.out 2>&1 &
writers=$!
end=$(($(date +%s) + 15))
while [ "$(date +%s)" -lt $end ]; do
	for t in a b; do
		on $t keys L
	done
	sleep 0.5
done
wait $writers || { cat writers.out; fail "the writers found a problem"; }
cat writers.out
grep -q " 0 problems" writers.out || fail "writers: $(cat writers.out)"
# both TUIs are still up and answer keys
for t in a b; do
	on $t keys Escape 1
	on $t wait_for "City total"
	on $t hides "EXIT=" || fail "$t: the TUI ended"
done
locks=$(pg_psql -d writers -c "SELECT count(*) FROM audit WHERE tbl = 'block' AND action = 'update'")
[ "$locks" -gt 0 ] || fail "no block was locked or moved"
echo "pg/writers: ok ($locks block changes audited)"
