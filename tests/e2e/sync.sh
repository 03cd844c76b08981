#!/bin/sh
# import --update keeps the data current from the lists teams keep: for
# each of the seven kinds, dump → an edit → import --update changes exactly
# the edit, and dumping again gives the edited file back byte for byte; the
# dry run prints the change as a diff and writes nothing; a row breaking a
# rule is refused with FILE:LINE and nothing written; moving someone who
# holds open cases to another team is refused until they are handed over; a
# file saved by Dutch Excel (BOM, ';', decimal comma) is read; the whole
# sync is one change that u in the TUI undoes. Every wait is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"
src=${WIJKLAST_SRC:?}
db=./demo.db # the name tmux.inc's helpers use
kinds="teams employees rota blocks activities absences cases"

for k in $kinds; do
	cli import "$k" "$src/tests/e2e/city/$k.csv" >/dev/null ||
	    fail "import city $k"
done

# edit FILE KEYCOL KEY COL VALUE: set one cell of a CSV, by column names
edit() {
	/usr/bin/python3 - "$@" <<'PY' || fail "edit $*"
import csv, io, sys
path, keycol, key, col, value = sys.argv[1:]
rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
head = rows[0]
hit = [r for r in rows[1:] if r[head.index(keycol)] == key]
assert len(hit) == 1, (key, len(hit))
hit[0][head.index(col)] = value
out = io.StringIO(newline="")
csv.writer(out, lineterminator="\r\n").writerows(rows)
open(path, "w", newline="", encoding="utf-8").write(out.getvalue())
PY
}

# one edit per kind; the key column names the row
for spec in "teams code ZUI area Enschede-Zuid" \
    "employees code N2 contract_hours 32" \
    "rota part middag hours 4" \
    "blocks date 2026-11-24 locked 1" \
    "activities name Leerkring hours_per_week 3" \
    "absences employee N1 end 2026-11-28" \
    "cases ref NRD-001 phase actief"; do
	set -- $spec
	k=$1
	cli dump "$k" -o "$k.csv" || fail "dump $k"
	cp "$k.csv" "$k.before"
	edit "$k.csv" "$2" "$3" "$4" "$5"
	cli import "$k" "$k.csv" --update --dry-run >dry.out ||
	    fail "dry run of $k: $(cat dry.out)"
	grep -q "^~ .*: $4 .* → $5\$" dry.out || fail "$k diff: $(cat dry.out)"
	grep -q ": 0 added, 1 changed, .* unchanged; nothing written" dry.out ||
	    fail "$k summary: $(cat dry.out)"
	cli dump "$k" | cmp -s - "$k.before" || fail "the dry run wrote $k"
	cli import "$k" "$k.csv" --update >sync.out || fail "sync $k"
	cli dump "$k" | cmp -s - "$k.csv" ||
	    fail "$k: dump after the sync is not the edited file"
done

# a new colleague and a change, as a person reads them
cli dump employees -o emp.csv
edit emp.csv code N3 contract_hours 24
printf 'N9,Sanne Bos,NRD,jeugd,28,"ma,di,wo",2026-12-01,\r\n' >>emp.csv
cli import employees emp.csv --update --dry-run >dry.out
grep -qx "~ N3 Sevda Yıldız: contract_hours 32 → 24" dry.out ||
    fail "diff line: $(cat dry.out)"
grep -qx "+ N9 Sanne Bos" dry.out || fail "new line: $(cat dry.out)"
grep -q ": 1 added, 1 changed, 3 unchanged; nothing written" dry.out ||
    fail "summary: $(cat dry.out)"
# without --update a key that exists is an error, as before
cli import employees emp.csv >out 2>err && fail "import without --update"
grep -q 'employee "N1" already exists' err || fail "$(cat err)"

# a rule broken: refused with FILE:LINE, nothing written
cli dump employees -o bad.csv
cp bad.csv bad.before
edit bad.csv code N2 contract_hours 45
cli import employees bad.csv --update >out 2>err && fail "45 hours accepted"
grep -q '^bad.csv:3: contract_hours: "45"' err || fail "$(cat err)"
cli dump employees | cmp -s - bad.before || fail "a refused sync wrote"

# moving someone with open cases: refused until they are handed over
cli dump employees -o move.csv
edit move.csv code N1 team ZUI
cli import employees move.csv --update >out 2>err && fail "move accepted"
grep -q "N1 Özlem Kaya moves to another team but holds [0-9]* open case" \
    err || fail "$(cat err)"

# Dutch Excel: BOM, ';' and a decimal comma
printf '\357\273\277code;name;team;discipline;contract_hours;workdays;start;end\r\n' \
    >excel.csv
printf 'Z1;Thijs Brinkhuis;ZUI;financien;20,5;ma,di,wo,do,vr;2018-01-01;\r\n' \
    >>excel.csv
cli import employees excel.csv --update >out || fail "Dutch Excel file"
grep -qx "~ Z1 Thijs Brinkhuis: contract_hours 18.5 → 20.5" out ||
    fail "$(cat out)"

# the whole sync is one change: u in the TUI takes it back
cli dump employees -o before-sync.csv
cli import employees emp.csv --update >/dev/null || fail "sync emp.csv"
start 100 30
wait_for "Noord"
keys u
wait_re "Undone: [0-9]+ records changed"
cli dump employees | cmp -s - before-sync.csv ||
    fail "undo did not restore the employees"
keys Q
wait_for "EXIT=0"

cat ./tui.err 2>/dev/null
echo "sync: all checks passed"
