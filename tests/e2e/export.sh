# The export command end to end on the demo: every format read back with an
# independent reader (Python's csv, json, html.parser and xml, openpyxl) and
# compared with `report --format json` of the same week; ISO week edges; the
# formula guard; the exit statuses of failed writes, which leave no file.
# Run by tests/run-all from a scratch folder with $WIJKLAST set.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
W=${WIJKLAST:?}
PY=/usr/bin/python3 # Debian's, with openpyxl (NOTES.md)
export WIJKLAST_TODAY=2026-11-23
export LC_ALL=C.UTF-8 # English headings, whatever the caller's locale
umask 022
db=./demo.db
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

grep_err() {
	grep -q -- "$1" err || { fail "stderr lacks '$1'"; sed 's/^/  stderr: /' err; }
}

# read_back REPORT FORMAT FILE: the export holds the report's figures
read_back() {
	"$PY" "$here/export_read.py" "$1" "$2" "$3" ||
		fail "$3 ($2) differs from the report"
}

# no_temp: no temp file (".NAME.XXXXXX") left in this folder
no_temp() {
	if ls -A | grep -q '^\.'; then
		fail "temp files left behind: $(ls -A | grep '^\.' | tr '\n' ' ')"
	fi
}

expect 0 "$W" demo --db "$db"

# Every format of the current week, read back and compared with the report.
expect 0 "$W" --db "$db" report --format json
mv out report.json
for f in csv json md html xlsx; do
	expect 0 "$W" --db "$db" export --format "$f" -o "week.$f"
	read_back report.json "$f" "week.$f"
done
expect 0 "$W" --db "$db" export --format csv --dialect excel-nl -o week-nl.csv
read_back report.json excel-nl week-nl.csv
[ "$(stat -c %a week.csv)" = 600 ] ||
	fail "a new export file is not 0600 like the database (umask 022)"
no_temp

# Without -o the text formats go to stdout; -o - too, xlsx into a pipe.
expect 0 "$W" --db "$db" export --format json
cmp -s out week.json || fail "export to stdout differs from -o FILE"
expect 0 "$W" --db "$db" export --format md -o -
cmp -s out week.md || fail "-o - differs from -o FILE"
"$W" --db "$db" export --format xlsx -o - | cat >piped.xlsx ||
	fail "xlsx -o - into a pipe"
read_back report.json xlsx piped.xlsx

# One team.
expect 0 "$W" --db "$db" export --team NRD --format json -o nrd.json
"$PY" -c '
import json, sys
d = json.load(open("nrd.json"))
assert [t["code"] for t in d["teams"]] == ["NRD"], d["teams"]
assert d["employees"] and all(e["team"] == "NRD" for e in d["employees"])
' || fail "--team NRD"
expect 0 "$W" --db "$db" export --team NRD --format xlsx -o nrd.xlsx
"$PY" -c '
import openpyxl
wb = openpyxl.load_workbook("nrd.xlsx")
assert wb.sheetnames == ["Overview", "NRD", "Make-up", "Forecast"], \
    wb.sheetnames
rows = [r for r in wb["Forecast"].iter_rows(min_row=2, values_only=True)
        if r and r[2]]  # the weeks, not the note under them
assert {r[0] for r in rows} == {"NRD"}, rows[:3]
assert len(rows) == 12, len(rows)
' || fail "--team NRD xlsx sheets, and its forecast of NRD only"

# ISO week edges: 2026 has a week 53; 2027-W01 starts on 2027-01-04.
for week in 2026-W53 2027-W01; do
	expect 0 "$W" --db "$db" report --week "$week" --format json
	mv out "report-$week.json"
	for f in json csv xlsx; do
		expect 0 "$W" --db "$db" export --week "$week" --format "$f" \
		    -o "$week.$f"
		read_back "report-$week.json" "$f" "$week.$f"
	done
	grep -q "\"week\": \"$week\"" "$week.json" || fail "$week.json week"
	grep -q "^$week,team," "$week.csv" || fail "$week.csv week column"
done
"$PY" -c '
import json
d = json.load(open("2027-W01.json"))
assert (d["monday"], d["sunday"]) == ("2027-01-04", "2027-01-10"), d
' || fail "2027-W01 dates"

# A team named like a formula comes out inert: ' in csv, a string in xlsx.
printf 'code,name,area\nEVL,"=HYPERLINK(""x"")",\n' >evil-teams.csv
printf 'code,name,team,discipline,contract_hours,workdays,start,end\nE1,@Jan,EVL,,36,,2026-01-01,\n' \
    >evil-employees.csv
expect 0 "$W" --db ./evil.db import teams evil-teams.csv
expect 0 "$W" --db ./evil.db import employees evil-employees.csv
expect 0 "$W" --db ./evil.db export --format csv -o evil.csv
expect 0 "$W" --db ./evil.db export --format csv --dialect excel-nl -o evil-nl.csv
expect 0 "$W" --db ./evil.db export --format xlsx -o evil.xlsx
"$PY" -c '
import csv, openpyxl
for path, sep, enc, kind, name in (
        ("evil.csv", ",", "utf-8", "kind", "name"),
        ("evil-nl.csv", ";", "utf-8-sig", "Kind", "Name")):
    rows = list(csv.DictReader(open(path, newline="", encoding=enc), delimiter=sep))
    team = [r for r in rows if r[kind] == "team"][0]
    assert team[name] == "'"'"'=HYPERLINK(\"x\")", (path, team[name])
    em = [r for r in rows if r[kind] == "employee"][0]
    assert em[name] == "'"'"'@Jan", (path, em[name])
wb = openpyxl.load_workbook("evil.xlsx")
cell = wb["Overview"]["B2"]
assert cell.value == "=HYPERLINK(\"x\")" and cell.data_type == "s", (cell.value, cell.data_type)
cell = wb["EVL"]["B2"]
assert cell.value == "@Jan" and cell.data_type == "s", (cell.value, cell.data_type)
' || fail "formula guard"

# Failed writes: a full device is an I/O error (74) ...
if [ -w /dev/full ]; then
	for f in csv xlsx; do
		expect 74 "$W" --db "$db" export --format "$f" -o /dev/full
		grep_err "/dev/full"
	done
fi
# ... so is a write that stops half way (the file size limit stands in for a
# full disk; 80 blocks of 512 bytes leave room for the database's 32 KiB
# shared memory file), and it leaves neither the file nor a temp file.
[ "$(stat -c %s week.html)" -gt 60000 ] || fail "week.html is too small for the test"
for f in html json; do
	expect 74 sh -c "trap '' XFSZ; ulimit -f 80; exec \"\$0\" \"\$@\"" \
	    "$W" --db "$db" export --format "$f" -o "./stopped.$f"
	grep_err "stopped.$f"
	[ -e "stopped.$f" ] && fail "a failed write left stopped.$f"
	# An existing file stays as it was.
	echo old >"kept.$f"
	expect 74 sh -c "trap '' XFSZ; ulimit -f 80; exec \"\$0\" \"\$@\"" \
	    "$W" --db "$db" export --format "$f" -o "./kept.$f"
	[ "$(cat "kept.$f")" = old ] || fail "a failed write changed kept.$f"
done
no_temp
# A folder that is not there: cannot create (73).
expect 73 "$W" --db "$db" export --format csv -o ./nodir/x.csv
grep_err "nodir/x.csv"
expect 73 "$W" --db "$db" export --format xlsx -o ./nodir/x.xlsx
expect 73 "$W" --db "$db" export --format csv -o .
[ -e nodir ] && fail "nodir appeared"
no_temp

# Usage errors (64).
expect 64 "$W" --db "$db" export
grep_err "format"
expect 64 "$W" --db "$db" export --format pdf
expect 64 "$W" --db "$db" export --format xlsx
grep_err " -o "
expect 64 "$W" --db "$db" export --format json --dialect excel-nl
expect 64 "$W" --db "$db" export --format csv --dialect excel
expect 64 "$W" --db "$db" export --format csv --week 2025-W53
expect 64 "$W" --db "$db" export --format csv --team XYZ
expect 64 "$W" --db "$db" report -o x.txt
expect 64 "$W" --db "$db" plan CEN --dialect excel-nl
expect 64 "$W" --db "$db" -o x.csv

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "export: all good"
