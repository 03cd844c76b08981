#!/bin/sh
# A 100,000-row import on a terminal shows how far it is: a line on stderr
# ("Importing big.csv: 55% (50,000 of 100,000 rows written)") redrawn with
# \r, wiped before the summary. With stderr in a file the output is what it
# always was: the summary on stdout, nothing on stderr. The terminal is a
# pseudo-terminal of script(1).
set -u
W=${WIJKLAST:?}
src=${WIJKLAST_SRC:?}
export WIJKLAST_TODAY=2026-11-23
fail() { echo "FAIL: $*"; exit 1; }
command -v script >/dev/null 2>&1 || fail "script (util-linux) is missing"

"$W" --db base.db import teams "$src/tests/e2e/city/teams.csv" >/dev/null ||
    fail "import teams"
"$W" --db base.db import employees "$src/tests/e2e/city/employees.csv" \
    >/dev/null || fail "import employees"
# 100,000 cases of Noord, held by its three employees or waiting
awk 'BEGIN {
	split("N1 N2 N3 ", holder, " ")
	print "ref,team,employee,type,phase,opened,closed"
	for (i = 1; i <= 100000; i++)
		printf "P-%06d,NRD,%s,JGD,actief,2026-%02d-%02d,\n", i,
		    holder[i % 4 + 1], i % 10 + 1, i % 28 + 1
}' >big.csv
summary="big.csv: 100000 rows of cases imported"

# on a terminal
cp base.db tty.db
script -qec "'$W' --db tty.db import cases big.csv" /dev/null >tty.out ||
    fail "the import on a terminal failed: $(tail -c 300 tty.out)"
grep -q 'Importing big\.csv: [0-9]*% ([0-9,]* of 100,000 rows written)' \
    tty.out || fail "no progress on the terminal: $(head -c 300 tty.out)"
grep -q 'Importing big\.csv: 100% (100,000 of 100,000 rows written)' \
    tty.out || fail "the progress did not reach 100%"
# the last line drawn is wiped (\r, spaces, \r) before the summary (the
# terminal ends each line with \r\n)
sed 's/\r$//' tty.out | tr '\r' '\n' | tail -n 2 >tail.out
sed -n 1p tail.out | grep -qx ' *' || fail "progress not wiped: $(cat tail.out)"
sed -n 2p tail.out | grep -qxF "$summary" || fail "summary: $(cat tail.out)"

# stderr to a file: no progress, the same output as ever
cp base.db file.db
"$W" --db file.db import cases big.csv >out 2>err || fail "import: $(cat err)"
[ -s err ] && fail "stderr is not empty: $(head -c 300 err)"
[ "$(cat out)" = "$summary" ] || fail "stdout: $(cat out)"
# the same data both ways
"$W" --db tty.db dump cases >tty.csv && "$W" --db file.db dump cases >file.csv
cmp -s tty.csv file.csv || fail "the two imports differ"
echo "import_progress: all good"
