# What crash, concurrency and fuzz testing found (issue 8), each pinned
# here: the paths a database or its data can be lost or shown by, the
# files left behind, the exit statuses of SPEC §9.
# Run by tests/run-all from a scratch folder with $WIJKLAST set.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
city="$here/city"
W=${WIJKLAST:?}
export WIJKLAST_TODAY=2026-11-23
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# expect STATUS CMD...: run it, keep stdout/stderr in ./out ./err
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

db=./city.db
for kind in teams employees rota blocks activities absences cases; do
	expect 0 "$W" --db "$db" import "$kind" "$city/$kind.csv"
done
expect 0 "$W" --db "$db" report --format json
cp out report.before
cp "$db" pristine.db # no one has it open: the WAL is checkpointed
# same_data WHAT: the data is as imported (else say so and restore it)
same_data() {
	"$W" --db "$db" report --format json >report.after 2>&1 &&
	    cmp -s report.before report.after && return
	fail "$1: the data changed"
	rm -f "$db-wal" "$db-shm"
	cp pristine.db "$db"
}

# Output to a full disk is an I/O error (74), not success.
if [ -w /dev/full ]; then
	for opt in --help --version; do
		set +e; "$W" $opt >/dev/full 2>err; got=$?; set -e
		[ "$got" = 74 ] || fail "$opt > /dev/full -> exit $got, want 74"
	done
fi

# CMD --help is that command's usage, on stdout, exit 0.
for cmd in demo import report export plan snapshot check backup; do
	expect 0 "$W" "$cmd" --help
	grep -q "^Usage: wijklast.* $cmd" out ||
	    fail "$cmd --help does not show the usage of $cmd"
	[ "$(grep -c 'wijklast' out)" -lt 5 ] ||
	    fail "$cmd --help shows the global usage"
done
expect 0 "$W" --help
grep -q 'wijklast backup FILE' out || fail "--help lacks the command list"

# An in-memory database would take writes and lose them: refused.
expect 64 "$W" --db :memory: demo
grep_err ':memory:'
expect 64 "$W" --db :memory: import teams "$city/teams.csv"

# A command that only reads writes nothing into an existing empty file.
for cmd in report check snapshot "export --format csv" "plan NRD"; do
	: >empty.db
	expect 66 "$W" --db empty.db $cmd
	[ ! -s empty.db ] || fail "$cmd wrote into the empty file"
	grep_err 'empty.db'
done

# export -o never replaces the live database, by any spelling of its path.
mkdir -p sub
ln -sf ../city.db sub/link.db
for target in "$db" city.db "$PWD/city.db" ./sub/../city.db sub/link.db \
    "$db-wal"; do
	expect 73 "$W" --db "$db" export --format csv -o "$target"
	grep_err "$target"
	same_data "export -o $target"
done
expect 73 "$W" --db "$db" backup sub/link.db
same_data "backup sub/link.db"

# Exports hold names and loads: a new file is private like the database.
(umask 022 && expect 0 "$W" --db "$db" export --format md -o week.md)
[ "$(stat -c %a week.md)" = 600 ] ||
    fail "a new export is mode $(stat -c %a week.md), want 600"
chmod 640 week.md
expect 0 "$W" --db "$db" export --format csv -o week.md
[ "$(stat -c %a week.md)" = 640 ] || fail "re-export changed the file's mode"

# A Dutch Excel file (';') on standard input is read like from a file.
sed 's/,/;/g' "$city/teams.csv" | sed 's/^NRD;/NRX;/; s/^ZUI;/ZUX;/' >semi.csv
expect 0 "$W" --db "$db" import teams /dev/stdin --dry-run <semi.csv
set +e
cat semi.csv | "$W" --db "$db" import teams /dev/stdin --dry-run >out 2>err
got=$?
set -e
[ "$got" = 0 ] || { fail "import teams /dev/stdin from a pipe -> exit $got, want 0"
	sed 's/^/  stderr: /' err; }

# A Latin-1 file is bad input data, named, not a crash (UBSan).
printf 'code,name,area\nXX,K\351rkrade,Zuid\n' >latin1.csv
expect 65 "$W" --db "$db" import teams latin1.csv
grep_err 'latin1.csv:2: name: not valid UTF-8'

# Team codes are unique regardless of case.
printf 'code,name,area\nnrd,Noord twee,\n' >lower.csv
expect 65 "$W" --db "$db" import teams lower.csv
grep_err 'lower.csv:2: code'
printf 'code,name,area\nABC,Een,\nabc,Twee,\n' >twice.csv
expect 65 "$W" --db "$db" import teams twice.csv
grep_err 'twice.csv:3: code'
same_data "team codes by case"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "hardening: all good"
