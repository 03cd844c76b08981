# The planner end to end on the demo: for every team the balanced plan's
# highest load is no worse than the equal split's, and for the most
# overloaded team it is strictly better; planning without --apply writes
# nothing; --apply writes the plan, after which planning again changes
# nothing (the applied plan is already optimal).
set -eu
W=${WIJKLAST:?}
export WIJKLAST_TODAY=2026-11-23
db=./demo.db
py=/usr/bin/python3
"$W" demo --db "$db" >/dev/null

"$W" --db "$db" report --format json >before.json
worst=$($py -c '
import json
r = json.load(open("before.json"))
teams = [t for t in r["teams"] if t["load"] is not None]
print(max(teams, key=lambda t: t["load"])["code"])')
for team in $($py -c '
import json
print(" ".join(t["code"] for t in json.load(open("before.json"))["teams"]))'); do
	"$W" --db "$db" plan "$team" --format json >"plan-$team.json"
	$py - "plan-$team.json" "$team" "$worst" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
team, worst = sys.argv[2], sys.argv[3]
assert p["team"] == team
assert p["max_load"] <= p["equal_split_max_load"] + 1e-9, p
if team == worst:
    assert p["max_load"] < p["equal_split_max_load"] - 0.005, p
# Every block is someone's or listed unfillable; counts add up.
after = sum(e["blocks_after"] for e in p["employees"])
filled = sum(1 for b in p["blocks"] if b["employee"] is not None)
assert after == filled, (after, filled)
assert len(p["unfillable"]) == len(p["blocks"]) - filled
assert p["changes"] == sum(1 for b in p["blocks"] if b["changed"])
# At most one block per employee per ISO week (max_blocks_per_week = 1).
import datetime
seen = set()
for b in p["blocks"]:
    if b["employee"] is None:
        continue
    y, w, _ = datetime.date.fromisoformat(b["date"]).isocalendar()
    key = (b["employee"], y, w)
    assert key not in seen, key
    seen.add(key)
# "why none" exactly for those who hold no block at all (locked included)
for e in p["employees"]:
    assert e["held_after"] == e["locked_blocks"] + e["blocks_after"], e
    assert bool(e["reason"]) == (e["held_after"] == 0), e
PY
done
echo "planned every team; most overloaded: $worst"

# Planning alone writes nothing.
"$W" --db "$db" report --format json >after.json
cmp before.json after.json

# Apply the plan for the worst team; planning again changes nothing.
"$W" --db "$db" plan "$worst" --apply >applied.txt
grep -q 'Applied:' applied.txt
"$W" --db "$db" plan "$worst" --format json >again.json
$py - "plan-$worst.json" again.json <<'PY'
import json, sys
first, again = (json.load(open(f)) for f in sys.argv[1:3])
assert again["changes"] == 0, again["changes"]
assert abs(again["max_load"] - first["max_load"]) < 1e-9
assert abs(again["max_load_before"] - first["max_load"]) < 1e-9
PY
"$W" --db "$db" check >/dev/null

# Usage errors.
set +e
"$W" --db "$db" plan NOPE >/dev/null 2>&1; [ $? = 64 ] || { echo "unknown team"; exit 1; }
"$W" --db "$db" plan CEN --weeks 0 >/dev/null 2>&1; [ $? = 64 ] || { echo "--weeks 0"; exit 1; }
"$W" --db "$db" plan CEN --from 2025-W53 >/dev/null 2>&1; [ $? = 64 ] || { echo "--from"; exit 1; }
"$W" --db "$db" plan CEN --format csv >/dev/null 2>&1; [ $? = 64 ] || { echo "csv"; exit 1; }
set -e
echo "plan: all good"
