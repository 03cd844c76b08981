#!/bin/sh
# One behaviour on both backends (issue 13): the demo written to SQLite and
# to PostgreSQL gives byte-identical report, plan, forecast, dump and
# exports (csv, json, md, html, xlsx); `migrate --to` copies the SQLite
# file into an empty PostgreSQL database and verifies it, refuses one that
# holds data, and the copy answers like the original — also after the same
# import into each.
set -eu
. "$WIJKLAST_SRC/tests/pg_cluster.sh"
pg_attach
export WIJKLAST_TODAY=2026-11-25
# an xlsx records when it was made: the same second for both
export SOURCE_DATE_EPOCH=1795000000
fail() { echo "FAIL: $*"; exit 1; }

pg=$(pg_db same)
"$WIJKLAST" --db ./demo.db demo >/dev/null
"$WIJKLAST" --db "$pg" demo >/dev/null

same() { # same NAME ARGS...: the command on both, the same bytes
	name=$1
	shift
	"$WIJKLAST" --db ./demo.db "$@" >"lite.$name" ||
	    fail "$name on SQLite failed"
	"$WIJKLAST" --db "$pg" "$@" >"pg.$name" ||
	    fail "$name on PostgreSQL failed"
	cmp -s "lite.$name" "pg.$name" || {
		diff "lite.$name" "pg.$name" | head -20
		fail "$name differs between SQLite and PostgreSQL"
	}
	[ -s "lite.$name" ] || fail "$name is empty"
}
for f in text json csv; do
	same "report.$f" report --week 2026-W48 --format "$f"
	same "past.$f" report --week 2026-W30 --format "$f"
done
same plan.txt plan CEN --format text
same plan.json plan NRD --format json
same forecast.csv forecast --format csv
same cases.csv dump cases
same employees.csv dump employees
for f in csv json md html xlsx; do
	same "export.$f" export --week 2026-W48 --format "$f" -o -
done
same team.html export --week 2026-W47 --team CEN --format html -o -

# --- migrate: the file into an empty PostgreSQL database, verified
copy=$(pg_db copy)
out=$("$WIJKLAST" --db ./demo.db migrate --to "$copy") ||
    fail "migrate failed: $out"
echo "$out"
echo "$out" | grep -q "verified" || fail "migrate did not say it verified"
echo "$out" | grep -Eq "report of [0-9]+ weeks identical" ||
    fail "migrate did not compare the weeks' reports"
# the audit and the undo history came along: the counts agree
for t in audit change_log snapshot_week snapshot_team cases; do
	n=$(sqlite3 ./demo.db "SELECT count(*) FROM $t")
	m=$(pg_psql -d copy -c "SELECT count(*) FROM $t")
	[ "$n" = "$m" ] || fail "$t: $n rows in the file, $m in the copy"
done
# a second migrate into it is refused, and changes nothing
before=$(pg_psql -d copy -c "SELECT count(*) FROM cases")
if "$WIJKLAST" --db ./demo.db migrate --to "$copy" 2>err.txt; then
	fail "a migrate into a database with data was accepted"
fi
grep -q "already holds data" err.txt || fail "no reason: $(cat err.txt)"
[ "$(pg_psql -d copy -c "SELECT count(*) FROM cases")" = "$before" ] ||
    fail "the refused migrate changed the copy"

# --- the same import into the file and into the copy: the same figures
printf 'ref,team,employee,type,phase,opened,closed\nZ-NEW-1,CEN,,HG,intake,2026-11-24,\n' >new.csv
"$WIJKLAST" --db ./demo.db import cases new.csv >/dev/null
"$WIJKLAST" --db "$copy" import cases new.csv >/dev/null
pg=$copy
same after-import.json report --week 2026-W48 --format json
same after-import-cases.csv dump cases
grep -q "Z-NEW-1" lite.after-import-cases.csv || fail "the import did not land"

# --- and back: the server's copy into a new file, which holds the same
"$WIJKLAST" --db "$copy" migrate --to ./back.db >/dev/null ||
    fail "migrate back into a file failed"
for kind in teams employees cases blocks absences activities rota; do
	"$WIJKLAST" --db ./demo.db dump "$kind" >"orig.$kind"
	"$WIJKLAST" --db ./back.db dump "$kind" >"back.$kind"
	cmp -s "orig.$kind" "back.$kind" || fail "$kind differ after the round trip"
done
[ "$(stat -c %a back.db)" = 600 ] || fail "the file copy is not private"
# a migrate that cannot finish leaves no file behind
if "$WIJKLAST" --db ./demo.db migrate --to "$copy" 2>/dev/null; then
	fail "a second migrate into the server's copy was accepted"
fi

# --- init on a server's empty database: the schema, once
empty=$(pg_db empty)
"$WIJKLAST" --db "$empty" init | grep -q 'an empty wijklast database' ||
    fail "init did not say it made the schema"
"$WIJKLAST" --db "$empty" init | grep -q 'already; left as it was' ||
    fail "a second init did not leave it"
[ "$(pg_psql -d empty -c "SELECT version FROM wijklast_schema")" = 4 ] ||
    fail "no schema version 4"
echo "pg/same: ok"
