#!/bin/sh
# wijklast forecast on the demo: the json has the shape the issue names
# (from, teams and employees with over_in and weeks of p10 <= p50 <= p90),
# csv one row per team/employee and week, the same figures every run, the
# text says "OVER in", and the backtest meets the targets of issue #11: the
# 80 % band holds 70-90 % of outcomes 4 and 8 weeks ahead and the median
# beats both naive forecasts. Mistakes exit 64.
set -eu
W=${WIJKLAST:?}
PY=/usr/bin/python3
export WIJKLAST_TODAY=2026-11-23
export LANG=C.UTF-8
unset LC_ALL LANGUAGE
fail() { echo "FAIL: $*"; exit 1; }
w() { "$W" --db ./demo.db "$@"; }

w demo >/dev/null
w forecast --format json >f.json
w forecast --format json >g.json
cmp -s f.json g.json || fail "two runs differ"
$PY - f.json <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
assert set(f) == {"from", "teams", "employees"}, f.keys()
assert f["from"] == "2026-W49", f["from"]
assert len(f["teams"]) == 10
def check(row, keys):
    assert set(row) == keys, row.keys()
    assert row["over_in"] is None or 1 <= row["over_in"] <= 12
    assert len(row["weeks"]) == 12
    assert row["weeks"][0]["week"] == "2026-W49"
    assert row["weeks"][11]["week"] == "2027-W07"
    for wk in row["weeks"]:
        assert set(wk) == {"week", "p10", "p50", "p90"}
        if wk["p50"] is not None:
            assert wk["p10"] <= wk["p50"] <= wk["p90"], wk
    if row["over_in"]:
        assert row["weeks"][row["over_in"] - 1]["p50"] is None or \
            row["weeks"][row["over_in"] - 1]["p50"] >= 1.10
for t in f["teams"]:
    check(t, {"code", "over_in", "weeks"})
cen = [t for t in f["teams"] if t["code"] == "CEN"][0]
assert cen["over_in"] == 1, cen["over_in"]   # OVER now, OVER next week
assert len(f["employees"]) > 150
for e in f["employees"]:
    check(e, {"code", "team", "over_in", "weeks"})
PY

w forecast --team cen --weeks 4 --format json >cen.json
$PY - cen.json <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
assert [t["code"] for t in f["teams"]] == ["CEN"]
assert all(e["team"] == "CEN" for e in f["employees"])
assert all(len(t["weeks"]) == 4 for t in f["teams"] + f["employees"])
PY
w forecast --team CEN --weeks 4 --format csv >cen.csv
head -n 1 cen.csv | grep -q '^week,kind,team,code,p10,p50,p90' ||
    fail "csv header"
[ "$(grep -c ',team,CEN,CEN,' cen.csv)" -eq 4 ] || fail "csv team rows"
w forecast --team CEN >cen.txt
grep -q '^CEN Centrum: OVER in 1 week$' cen.txt || fail "text: OVER in"
grep -q '^  2026-W49 ' cen.txt || fail "text: weeks"

w forecast --backtest --format json >bt.json
$PY - bt.json <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["backtest"]
assert [h["horizon"] for h in b] == [4, 8]
for h in b:
    assert set(h) == {"horizon", "coverage", "mae", "mae_last",
                      "mae_trend", "n"}
    assert h["n"] >= 100, h
    assert 0.70 <= h["coverage"] <= 0.90, h
    assert h["mae"] < h["mae_last"] and h["mae"] < h["mae_trend"], h
PY
w forecast --backtest --team NRD | grep -q '^8 weeks' || fail "backtest text"

LANGUAGE=nl w forecast --team CEN | grep -q 'OVER over 1 week' ||
    fail "Dutch text"

set +e
w forecast --format md >/dev/null 2>err; rc1=$?
w forecast --backtest --format csv >/dev/null 2>>err; rc2=$?
w forecast --backtest --weeks 4 >/dev/null 2>>err; rc3=$?
w forecast --team XYZ >/dev/null 2>>err; rc4=$?
w report --backtest >/dev/null 2>>err; rc5=$?
w forecast --weeks 53 >/dev/null 2>>err; rc6=$?
set -e
for rc in $rc1 $rc2 $rc3 $rc4 $rc5 $rc6; do
	[ "$rc" -eq 64 ] || { cat err; fail "a mistake exited $rc, not 64"; }
done
grep -q 'backtest goes with forecast' err || fail "--backtest elsewhere"
echo "forecast: ok"
