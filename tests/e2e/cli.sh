# The CLI end to end: import a small city from CSV, compare the JSON report
# with figures worked out by hand, and check every exit status of SPEC §9.
# Run by tests/run-all from a scratch folder with $WIJKLAST set.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
city="$here/city"
W=${WIJKLAST:?}
export WIJKLAST_TODAY=2026-11-23
db=./city.db
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# expect STATUS CMD...: run it, keep stdout/stderr in ./out ./err, check status
expect() {
	want=$1; shift
	set +e
	"$@" >out 2>err
	got=$?
	set -e
	if [ "$got" != "$want" ]; then
		fail "$* -> exit $got, want $want"
		sed 's/^/  stderr: /' err
	fi
}

# grep_err PATTERN: stderr of the last command holds PATTERN
grep_err() {
	grep -q -- "$1" err || { fail "stderr lacks '$1'"; sed 's/^/  stderr: /' err; }
}

for kind in teams employees rota blocks activities absences cases; do
	expect 0 "$W" --db "$db" import "$kind" "$city/$kind.csv"
done
expect 0 "$W" --db "$db" report --week 2026-W48 --format json
/usr/bin/python3 "$here/compare_json.py" "$city/expected-2026-W48.json" out ||
	fail "report --format json differs from the hand-computed figures"
# current = 2026-W48 because WIJKLAST_TODAY pins today
expect 0 "$W" --db "$db" report --format json
grep -q '"week": "2026-W48"' out || fail "current week is not 2026-W48"
expect 0 "$W" --db "$db" report --team ZUI --format json
grep -q '"NRD"' out && fail "--team ZUI shows NRD"
expect 0 "$W" --db "$db" report --format csv
/usr/bin/python3 -c '
import csv, sys
rows = list(csv.DictReader(open("out", newline="", encoding="utf-8")))
n3 = [r for r in rows if r["code"] == "N3"][0]
assert n3["load"] == "1.250" and n3["status"] == "OVER", n3
z1 = [r for r in rows if r["code"] == "Z1"][0]
assert z1["load"] == "" and z1["status"] == "OVER", z1
assert open("out", "rb").read().count(b"\r\n") == len(rows) + 1
' || fail "report --format csv"
expect 0 "$W" --db "$db" report
grep -q 'Sevda Yıldız' out || fail "text report lacks a name"
grep -q 'no capacity' out || fail "text report lacks 'no capacity'"

# Importing the same file twice is an error on duplicate keys, nothing written.
expect 65 "$W" --db "$db" import cases "$city/cases.csv"
grep_err "cases.csv:2: ref: "
# A bad row among good ones: FILE:LINE: column: problem, nothing written.
cat >bad.csv <<'CSV'
code,name,team,discipline,contract_hours,workdays,start,end
N9,Goed Persoon,NRD,jeugd,36,,2026-01-01,
N8,Fout Persoon,NRD,jeugd,-3,,2026-02-30,
CSV
expect 65 "$W" --db "$db" import employees bad.csv
grep_err "bad.csv:3: contract_hours: "
grep_err "bad.csv:3: start: "
expect 0 "$W" --db "$db" report --format json
grep -q '"N9"' out && fail "the good row of a bad file was written"
expect 65 "$W" --db "$db" import employees bad.csv --dry-run
# The BSN guard.
printf 'ref,team,employee,type,phase,opened,closed\n111222333,NRD,N1,JGD,actief,2026-01-05,\n' >bsn.csv
expect 65 "$W" --db "$db" import cases bsn.csv
grep_err "bsn.csv:2: ref: "
grep_err "BSN"
# Missing input file, unknown kind.
expect 66 "$W" --db "$db" import teams ./nope.csv
expect 64 "$W" --db "$db" import nonsense "$city/teams.csv"

# Usage errors: bad week, a week that does not exist, unknown team, options.
expect 64 "$W" --db "$db" report --week 2026-48
expect 64 "$W" --db "$db" report --week 2025-W53
grep_err "2025"
expect 0 "$W" --db "$db" report --week 2026-W53 --format json
expect 64 "$W" --db "$db" report --team XYZ
expect 64 "$W" --db "$db" report --format xml
expect 64 "$W" --db "$db" --bogus
expect 64 "$W" --db "$db" frobnicate
expect 0 "$W" --help
grep -q 'report' out || fail "--help lacks report"
expect 0 "$W" --version
grep -q '^wijklast [0-9]' out || fail "--version"

# The TUI refuses to run without a terminal.
expect 64 "$W" --db "$db" </dev/null
grep_err "terminal"

# Writing to a full disk: exit 74.
if [ -w /dev/full ]; then
	set +e
	"$W" --db "$db" report --format json >/dev/full 2>err
	got=$?
	set -e
	[ "$got" = 74 ] || fail "report to /dev/full -> $got, want 74"
fi

# Config errors: file:line: key: problem, exit 78.
printf 'thresholds: {\n  room = 1.5;\n};\n' >bad.cfg
expect 78 "$W" --db "$db" --config bad.cfg report
grep_err "bad.cfg:2: thresholds.room"
expect 78 "$W" --db "$db" --config ./missing.cfg report

# A database another process holds: exit 75 after the busy timeout.
/usr/bin/python3 - "$db" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
open("locked", "w").close()
time.sleep(8)
con.execute("ROLLBACK")
PY
holder=$!
i=0; while [ ! -f locked ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
printf 'code,name,area\nOST,Oost,\n' >more-teams.csv
expect 75 "$W" --db "$db" import teams more-teams.csv
grep_err "busy"
wait $holder

# A mistyped --db never creates an empty database for a read-only command.
expect 66 "$W" --db ./no/such.db report
[ ! -e ./no ] || fail "report created ./no"
expect 66 "$W" --db ./nothere.db check

# Snapshots: last week frozen, then a late change to it leaves it as it was.
expect 0 "$W" --db "$db" snapshot
grep -q '2026-W47' out || fail "snapshot did not default to last week"
expect 0 "$W" --db "$db" report --week last --format json
cp out w47-before.json
printf 'ref,team,employee,type,phase,opened,closed\nLATE-1,NRD,N1,HG,actief,2026-11-17,2026-11-20\n' >late.csv
expect 0 "$W" --db "$db" import cases late.csv
expect 0 "$W" --db "$db" report --week last --format json
cmp -s out w47-before.json || fail "a frozen week changed after a late edit"
expect 0 "$W" --db "$db" snapshot --week last
expect 0 "$W" --db "$db" report --week last --format json
cmp -s out w47-before.json && fail "an explicit snapshot did not re-freeze"
cp out w47-refrozen.json
# Planning weeks that have begun is refused; so is freezing an open week.
expect 64 "$W" --db "$db" plan NRD --from 2026-W40
expect 64 "$W" --db "$db" plan NRD --from current
expect 64 "$W" --db "$db" snapshot --week current
# An import is setting up: it forgets the automatic snapshots (2026-W46 was
# frozen by viewing it) so the imported history shows; explicit ones stay.
expect 0 "$W" --db "$db" report --week 2026-W46 --format json
cp out w46-before.json
printf 'ref,team,employee,type,phase,opened,closed\nLATE-2,NRD,N1,HG,actief,2026-11-10,2026-11-17\n' >late2.csv
expect 0 "$W" --db "$db" import cases late2.csv
expect 0 "$W" --db "$db" report --week 2026-W46 --format json
cmp -s out w46-before.json && fail "an import left an automatic snapshot"
expect 0 "$W" --db "$db" report --week last --format json
cmp -s out w47-refrozen.json || fail "an import dropped an explicit snapshot"

# check and backup.
expect 0 "$W" --db "$db" check
expect 0 "$W" --db "$db" backup ./copy.db
expect 0 "$W" --db ./copy.db report --week 2026-W48 --format json
/usr/bin/python3 "$here/compare_json.py" "$city/expected-2026-W48.json" out ||
	fail "the backup reports different figures"
expect 73 "$W" --db "$db" backup ./no/such/dir/copy.db

# demo refuses a database that holds data, and fills an empty one.
expect 1 "$W" --db "$db" demo
grep_err "already holds data"
expect 0 "$W" --db ./demo.db demo
[ "$(stat -c %a ./demo.db)" = 600 ] || fail "demo.db is not mode 600"
expect 0 "$W" --db ./demo.db report --format json
/usr/bin/python3 -c '
import json
r = json.load(open("out"))
assert len(r["teams"]) == 10, len(r["teams"])
assert any(t["status"] == "OVER" for t in r["teams"])
assert len(r["employees"]) >= 120
' || fail "demo report"
expect 0 "$W" --db ./demo.db check

# Team codes are unique regardless of case, so any case finds the team.
"$W" --db "$db" report --team NRD --format json >upper.json
"$W" --db "$db" report --team nrd --format json >lower.json ||
    fail "report --team nrd: no such team"
cmp -s upper.json lower.json || fail "--team nrd is not --team NRD"

# A demo with a bad --teams leaves no database behind, and every range
# message says the same range.
for n in 0 1000; do
	expect 64 "$W" demo --db ./bad-demo.db --teams "$n"
	grep -q "is not a number from 1 to 999" err ||
	    fail "demo --teams $n: $(cat err)"
	[ ! -e ./bad-demo.db ] || fail "demo --teams $n left bad-demo.db"
done

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "cli: all good"
