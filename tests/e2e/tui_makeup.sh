#!/bin/sh
# Team make-up (issue #11): with a config where HG cases may be held only by
# the hg discipline and FIN only by financien, Centrum (one financien
# member, no hg member) has a single point of cover for FIN, nobody for HG,
# and financien's demand far above its capacity — in `report --format json`
# ("makeup"), in the text report, and in the Make-up view (7), in English and
# Dutch. Without restrictions (the default) nothing is flagged. Every wait
# is bounded.
WIJKLAST_TODAY=2026-11-23
export WIJKLAST_TODAY
. "$(dirname "$0")/tmux.inc"

"$WIJKLAST" demo --db ./demo.db >/dev/null || fail "demo failed"
cat >mk.cfg <<'EOF'
case_types = (
	{ code = "JGD";  name = "Jeugd en gezin"; hours = 2.0; },
	{ code = "JGDC"; name = "Jeugd complex"; hours = 3.5; },
	{ code = "VOL";  name = "Volwassenen"; hours = 1.5; },
	{ code = "WMO";  name = "Wmo-voorziening"; hours = 1.0; },
	{ code = "FIN";  name = "Geldzaken en schulden"; hours = 2.0;
	  disciplines = [ "financien" ]; },
	{ code = "HG";   name = "Huiselijk geweld"; hours = 4.0;
	  disciplines = [ "hg" ]; },
	{ code = "GGZ";  name = "WvGGZ verkennend onderzoek"; hours = 3.0; }
);
EOF
cli --config mk.cfg report --team CEN --format json >mk.json ||
    fail "report failed"
/usr/bin/python3 - mk.json <<'EOF' || fail "the make-up in the json"
import json, sys
m = json.load(open(sys.argv[1]))["makeup"]
assert [t["team"] for t in m] == ["CEN"], m
cen = m[0]
single = {s["type"]: s["holders"] for s in cen["single_point"]}
assert single == {"FIN": 1, "HG": 0}, single
fin = {d["discipline"]: d for d in cen["disciplines"]}["financien"]
assert fin["members"] == 1 and fin["over"] and fin["load"] > 2, fin
assert cen["unheld_hours"] > 0, cen
# every hour of the team's cases is somewhere: held by a discipline or not
total = sum(d["demand"] for d in cen["disciplines"]) + cen["unheld_hours"]
assert total > 0
EOF
cli report --team CEN --format json | /usr/bin/python3 -c '
import json, sys
m = json.load(sys.stdin)["makeup"][0]
assert m["single_point"] == [] and m["unheld_hours"] == 0, m' ||
    fail "the default config flags something"
cli --config mk.cfg report --team CEN >mk.txt
grep -q "! FIN: a single point of cover" mk.txt || fail "text: FIN"
grep -q "! HG: no member present may hold its 1 open cases" mk.txt ||
    fail "text: HG"

start 100 30 -- --config mk.cfg
wait_for "Centrum"
keys 7
wait_for "CEN · Centrum · make-up"
wait_re "financien +1 .*over capacity"
wait_re "FIN Geldzaken.* 1 .*! single point of cover"
wait_re "HG Huiselijk geweld +0 .*! nobody may hold"
wait_re "h of cases no member present may hold"
# the coming weeks per discipline once the forecast is made
wait_for "Ahead"
wait_re "financien +1 .* [▁▂▃▄▅▆▇█]{8} over capacity"
keys Q
wait_for "EXIT=0"
start_dutch 80 24
wait_for "Centrum"
keys 7
wait_for "CEN · Centrum · samenstelling"
keys Q
wait_for "EXIT=0"
echo "tui_makeup: json, text, the view in both languages: ok"
