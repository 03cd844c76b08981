#!/bin/sh
# The import dialog (I) as a teamcoach meets it, at 80x24: a sync of the
# employees list (one new colleague, two changes) shows the dry run's
# summary and lines of change for a yes, then the result; 30,000 new cases
# show the progress bar while they are written; u undoes each import whole
# (every dump byte for byte as before); a bad row is refused with FILE:LINE
# under the fields, nothing written, the form open to try again. The dialog speaks Dutch too.
# Every wait is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
cli dump employees -o emp.before || fail "dump employees"
cli dump cases -o cases.before || fail "dump cases"

# the sync: CEN01 works 20 hours, CEN02 becomes wmo, NEW1 joins Centrum
awk -F, 'BEGIN { OFS = "," }
	$1 == "CEN01" { $5 = 20 }
	$1 == "CEN02" { $4 = "wmo" }
	{ print }
	END { printf "NEW1,Sanne Bos,CEN,jeugd,28,\"ma,di,wo\",2026-12-01,\r\n" }
' emp.before >emp.csv
# new cases for Centrum's waiting list
awk 'BEGIN {
	print "ref,team,employee,type,phase,opened,closed"
	for (i = 1; i <= 30000; i++)
		printf "IMP-%05d,CEN,,JGD,intake,2026-11-%02d,\n", i, i % 20 + 1
}' >cases.csv

start 80 24
wait_for "Centrum"
keys I
wait_for "Import a file"
keys Tab
keys -l "$here/emp.csv"
keys Tab Right Enter
wait_for "Dry run: 1 added, 2 changed, 178 unchanged"
wait_for "~ CEN01 Özlem Kaya: contract_hours 28 → 20"
wait_for "+ NEW1 Sanne Bos"
wait_for "Import emp.csv: 1 added, 2 changed, 178 unchanged? (y/n)"
keys y
wait_for "emp.csv: 1 added, 2 changed, 178 unchanged; u undoes it"
cli dump employees | cmp -s - emp.csv ||
    fail "the employees are not the file after the import"

# a big file: the bar while it is written, then the result
keys I
wait_for "Import a file"
keys -l "cases" # the kind, found by its letters
keys Tab C-u
keys -l "$here/cases.csv"
keys Tab Left Enter # update: back to no
wait_for "Import cases.csv: 30000 added, 0 changed, 0 unchanged? (y/n)"
keys y
wait_re "Importing cases.csv .* [0-9 ]+%  [0-9,]+ of 30,000 rows written"
wait_for "cases.csv: 30000 added, 0 changed, 0 unchanged; u undoes it"
[ "$(cli dump cases | grep -c '^IMP-')" -eq 30000 ] || fail "cases missing"

# u undoes each import as a whole, the last first
keys u
wait_for "Undone"
cli dump cases | cmp -s - cases.before || fail "undo left cases behind"
keys u
wait_for "Undone: 3 records changed"
cli dump employees | cmp -s - emp.before || fail "undo left employees changed"

# a bad row: FILE:LINE on the status line, nothing written
sed 's/^CEN02,\([^,]*\),CEN,jeugd,28,/CEN02,\1,CEN,jeugd,45,/' emp.before \
    >bad.csv
cmp -s bad.csv emp.before && fail "bad.csv has no bad row"
keys I
wait_for "Import a file"
keys -l "emp"
keys Tab C-u
keys -l "$here/bad.csv"
keys Tab Right C-s
# listed under the fields, the form still open to fix the file and retry
wait_for "1 problem; nothing imported. Fix the file and save again:"
wait_re "bad\\.csv:3: contract_hours: "
cli dump employees | cmp -s - emp.before || fail "a bad file wrote"
cp emp.before bad.csv # fixed: the same save checks again, and closes
keys C-s
wait_for "bad.csv: nothing to import (0 added, 0 changed"
keys Q
wait_for "EXIT=0"

# in Dutch, and a missing file is named next to its field
start_dutch 80 24
wait_for "Centrum"
keys I
wait_for "Bestand importeren"
wait_for "Bestaande bijwerken"
keys Tab C-u
keys -l "~/nergens.csv"
keys C-s
wait_for "nergens.csv"
keys Escape
wait_for "Geannuleerd"
keys Q
wait_for "EXIT=0"
echo "tui_import: all checks passed"
