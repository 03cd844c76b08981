#!/bin/sh
# dump writes each kind in exactly the import format: the seven kinds of the
# hand-made city and of the demo, dumped, imported into an empty database
# and dumped again, come back byte for byte; -o writes a 0600 file and never
# the live database; a bad kind is a usage error.
set -u
W=${WIJKLAST:?}
src=${WIJKLAST_SRC:?}
export WIJKLAST_TODAY=2026-11-23
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
kinds="teams employees rota blocks activities absences cases"

# roundtrip DB NAME: dump every kind of DB, import into NAME.db, dump again
roundtrip() {
	mkdir -p "$2.a" "$2.b"
	for k in $kinds; do
		"$W" --db "$1" dump "$k" -o "$2.a/$k.csv" || fail "$2: dump $k"
	done
	for k in $kinds; do
		"$W" --db "$2.db" import "$k" "$2.a/$k.csv" >/dev/null ||
		    fail "$2: import of the dumped $k"
	done
	for k in $kinds; do
		"$W" --db "$2.db" dump "$k" >"$2.b/$k.csv" || fail "$2: dump $k"
		cmp -s "$2.a/$k.csv" "$2.b/$k.csv" ||
		    fail "$2: $k differs after dump → import → dump"
	done
}

for k in $kinds; do
	"$W" --db city.db import "$k" "$src/tests/e2e/city/$k.csv" >/dev/null ||
	    fail "import city $k"
done
roundtrip city.db city2
"$W" demo --db demo.db >/dev/null || fail "demo"
roundtrip demo.db demo2
[ "$(head -n 1 city2.a/employees.csv)" = "$(printf \
    'code,name,team,discipline,contract_hours,workdays,start,end\r')" ] ||
    fail "employees header: $(head -n 1 city2.a/employees.csv)"
grep -q '^N2,Jan-Willem de Vries,NRD,wmo,24,"ma,di,do",2019-05-01,' \
    city2.a/employees.csv || fail "an employee row as the import spells it"
[ "$(stat -c %a city2.a/teams.csv)" = 600 ] || fail "dump -o is not 0600"

set +e
"$W" --db demo.db dump nonsense >/dev/null 2>err
[ $? -eq 64 ] || fail "dump nonsense: not a usage error"
"$W" --db demo.db dump teams -o demo.db 2>err
[ $? -eq 73 ] || fail "dump -o onto the live database: $(cat err)"
set -e
"$W" --db demo.db check >/dev/null || fail "the database after dump -o it"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "dump: all good"
