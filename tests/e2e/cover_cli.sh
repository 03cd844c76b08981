#!/bin/sh
# wijklast cover from the command line: nothing written without --apply;
# the json has what the issue names and every proposal is feasible (same
# team, a discipline that may hold the type, nobody takes more than the
# cap, loads add up); --apply writes it; --return gives back what is still
# out; mistakes are refused with a message and exit 64. Both languages.
set -eu
W=${WIJKLAST:?}
PY=/usr/bin/python3
export WIJKLAST_TODAY=2026-11-23
export LANG=C.UTF-8
unset LC_ALL LANGUAGE
fail() { echo "FAIL: $*"; exit 1; }
w() { "$W" --db ./demo.db "$@"; }
snap() { w dump cases -o "$1.cases.csv"; w dump blocks -o "$1.blocks.csv"; }
same() {
	cmp -s "$1.cases.csv" "$2.cases.csv" && cmp -s "$1.blocks.csv" \
	    "$2.blocks.csv"
}

w demo >/dev/null
# HG cases only for the hg and ggz disciplines, GGZ for ggz; one case each
cat >w.cfg <<'EOF'
cover: { max_cases_each = 1; };
case_types = (
	{ code = "JGD";  name = "Jeugd en gezin";             hours = 2.0; },
	{ code = "JGDC"; name = "Jeugd complex";              hours = 3.5; },
	{ code = "VOL";  name = "Volwassenen";                hours = 1.5; },
	{ code = "WMO";  name = "Wmo-voorziening";            hours = 1.0; },
	{ code = "FIN";  name = "Geldzaken en schulden";      hours = 2.0; },
	{ code = "HG";   name = "Huiselijk geweld";           hours = 4.0;
	  disciplines = [ "hg", "ggz" ]; },
	{ code = "GGZ";  name = "WvGGZ verkennend onderzoek"; hours = 3.0;
	  disciplines = [ "ggz" ]; }
);
EOF
snap before
w --config w.cfg cover CEN09 --from 2026-11-23 --to 2026-12-14 >cover.txt
grep -q "^Cover for Koen Pierik (CEN09), 2026-11-23 to 2026-12-14" cover.txt ||
    fail "no heading: $(head -2 cover.txt)"
grep -q "Nothing written; add --apply" cover.txt || fail "no --apply hint"
snap proposed
same before proposed || fail "cover without --apply wrote something"

w --config w.cfg cover CEN09 --from 2026-11-23 --to 2026-12-14 \
    --format json >cover.json
w dump employees >employees.csv
"$PY" - cover.json employees.csv <<'EOF' || fail "the proposal is not feasible"
import csv, json, sys
j = json.load(open(sys.argv[1]))
emp = {r["code"]: r for r in csv.DictReader(open(sys.argv[2]))}
for k in ("cases", "blocks", "employees", "max_load", "lower_bound"):
    assert k in j, k
assert j["employee"] == "CEN09" and j["kind"] == "cover"
may = {"HG": {"hg", "ggz"}, "GGZ": {"ggz"}}
taken = {}
for c in j["cases"]:
    assert set(c) >= {"ref", "type", "from", "to", "reason"}, c
    assert c["from"] == "CEN09"
    if c["to"] is None:
        assert c["reason"], c
        continue
    to = emp[c["to"]]
    assert to["team"] == "CEN", c
    assert c["type"] not in may or to["discipline"] in may[c["type"]], c
    taken[c["to"]] = taken.get(c["to"], 0) + 1
assert max(taken.values()) <= 1, taken
assert any(c["to"] is None for c in j["cases"]), "the cap placed them all"
for b in j["blocks"]:
    assert set(b) >= {"date", "part", "from", "to", "reason"}, b
    assert b["to"] is None or emp[b["to"]]["team"] == "CEN", b
    assert "2026-11-23" <= b["date"] <= "2026-12-14", b
for e in j["employees"]:
    assert e["load_after"] >= e["load_before"] - 1e-9, e
assert j["lower_bound"] <= j["max_load"] + 1e-9
assert j["taking_lower_bound"] <= j["taking_max_load"] + 1e-9
EOF
# the same proposal twice: deterministic
w --config w.cfg cover CEN09 --from 2026-11-23 --to 2026-12-14 \
    --format json >again.json
cmp -s cover.json again.json || fail "two runs differ"

w --config w.cfg cover CEN09 --from 2026-11-23 --to 2026-12-14 --apply \
    >applied.txt
grep -q "Applied: one change" applied.txt || fail "not applied"
snap applied
same before applied && fail "--apply wrote nothing"
# the same again proposes nothing more to move
w --config w.cfg cover CEN09 --from 2026-11-23 --to 2026-12-14 \
    --format json >after.json
grep -q '"to": "CEN' after.json && fail "cover proposes more after --apply"

# back on 15 December: the cases still open go home
WIJKLAST_TODAY=2026-12-15 w cover CEN09 --return >return.txt
grep -q "^Back from absence: Koen Pierik (CEN09)" return.txt ||
    fail "no return heading"
grep -q "→ Koen Pierik" return.txt || fail "nothing given back"
WIJKLAST_TODAY=2026-12-15 w cover CEN09 --return --apply >/dev/null
WIJKLAST_TODAY=2026-12-15 w cover CEN09 --return --format json >back.json
grep -q '"to": "CEN09"' back.json && fail "cases still out after --return"

# mistakes
set +e
w cover NOBODY >/dev/null 2>err; rc=$?
[ $rc -eq 64 ] && grep -q "no employee NOBODY" err || fail "unknown: $rc"
w cover CEN01 >/dev/null 2>err; rc=$?
[ $rc -eq 64 ] && grep -q "CEN01 has no absence today or later" err ||
    fail "no absence: $rc $(cat err)"
w cover CEN01 --from 2026-02-30 --to 2026-03-05 >/dev/null 2>err; rc=$?
[ $rc -eq 64 ] && grep -q "^wijklast: --from: " err ||
    fail "a date that does not exist: $rc $(cat err)"
w cover CEN01 --from 2026-12-10 --to 2026-12-01 >/dev/null 2>err; rc=$?
[ $rc -eq 64 ] || fail "a period backwards: $rc"
w report --to 2026-12-01 >/dev/null 2>err; rc=$?
[ $rc -eq 64 ] && grep -q -- "--to goes with cover and migrate" err || fail "--to on report: $rc"
LANGUAGE=nl w cover CEN01 >/dev/null 2>err; rc=$?
[ $rc -eq 64 ] && grep -q "heeft vandaag of later geen afwezigheid" err ||
    fail "not in Dutch: $(cat err)"
set -e
LANGUAGE=nl WIJKLAST_TODAY=2026-12-15 w cover CEN09 --return | grep -q \
    "^Terug van afwezigheid" || fail "the Dutch heading"
echo "cover_cli: proposal, feasibility, apply, return, mistakes: ok"
