#!/bin/sh
# Rights per team, enforced by the server (issue 13). The owner of the
# tables grants a coach of Centrum and a manager of three teams. The coach
# sees Centrum only and changes its data; a change to another team, in
# wijklast or in plain SQL, is refused by the server — exit 77 naming the
# team and the missing right — and changes nothing. The manager sees three
# teams, exports them, and may change none. Only an admin may grant. In
# the TUI each sees their own teams, and the manager's lock of a block is
# refused on the status line.
set -eu
. "$WIJKLAST_SRC/tests/pg_cluster.sh"
pg_attach
export WIJKLAST_TODAY=2026-11-25
. "$WIJKLAST_SRC/tests/e2e/tmux.inc"

db=$(pg_db rights)
url() { printf 'postgresql:///rights?host=%s&port=%s&user=%s' "$PGHOST" \
    "$PGPORT" "$1"; }
owner=$(url owner) coach=$(url coach_cen) manager=$(url mgr3)
"$WIJKLAST" --db "$owner" demo >/dev/null || fail "demo failed"

# --- granting
"$WIJKLAST" --db "$owner" grant coach_cen --role coach --team CEN ||
    fail "grant coach failed"
"$WIJKLAST" --db "$owner" grant mgr3 --role manager --team CEN,NRD \
    --team OST >out.txt || fail "grant manager failed"
grep -q "mgr3: manager of CEN, NRD, OST" out.txt ||
    fail "grant said: $(cat out.txt)"
"$WIJKLAST" --db "$owner" grant >rights.txt
grep -Eq '^coach_cen +coach +CEN$' rights.txt || fail "$(cat rights.txt)"
grep -Eq '^mgr3 +manager +CEN, NRD, OST$' rights.txt || fail "$(cat rights.txt)"
# a coach may not grant: the server refuses, exit 77
set +e
"$WIJKLAST" --db "$coach" grant coach_cen --role admin 2>err.txt
rc=$?
set -e
[ $rc = 77 ] || fail "a coach's grant gave $rc: $(cat err.txt)"
grep -q "only an admin may grant" err.txt || fail "$(cat err.txt)"
# and on SQLite rights per team do not exist: said plainly
"$WIJKLAST" --db ./lite.db demo >/dev/null
set +e
"$WIJKLAST" --db ./lite.db grant x --role coach --team CEN 2>err.txt
rc=$?
set -e
[ $rc = 64 ] && grep -q "need a PostgreSQL database" err.txt ||
    fail "grant on SQLite: $rc $(cat err.txt)"

# --- what each sees
teams() { "$WIJKLAST" --db "$1" report --format csv | awk -F, \
    '$2 == "team" { print $3 }' | sort | tr '\n' ' '; }
[ "$(teams "$owner")" = "CEN GLB HG NRD OST STR TWV WSB WST ZUI " ] ||
    fail "owner sees: $(teams "$owner")"
[ "$(teams "$coach")" = "CEN " ] || fail "coach sees: $(teams "$coach")"
[ "$(teams "$manager")" = "NRD CEN OST " ] || [ "$(teams "$manager")" = "CEN NRD OST " ] ||
    fail "manager sees: $(teams "$manager")"
# Centrum's figures are the same whoever looks
"$WIJKLAST" --db "$owner" report --team CEN --format json >owner.json
"$WIJKLAST" --db "$coach" report --team CEN --format json >coach.json
cmp -s owner.json coach.json || fail "the coach's Centrum differs"
# the manager exports their teams
"$WIJKLAST" --db "$manager" export --format csv -o mgr.csv ||
    fail "the manager's export failed"
grep -q "OST" mgr.csv && ! grep -q "ZUI" mgr.csv ||
    fail "the manager's export holds other teams"

# --- changes through wijklast
printf 'ref,team,employee,type,phase,opened,closed\nZ-2026-003808,CEN,,VOL,actief,2026-11-15,\n' >cen.csv
printf 'ref,team,employee,type,phase,opened,closed\nNEW-NRD,NRD,,VOL,intake,2026-11-20,\n' >nrd.csv
cases_before=$(pg_psql -d rights -c "SELECT count(*) || ':' || sum(version) FROM cases")
set +e
"$WIJKLAST" --db "$manager" import cases cen.csv --update 2>err.txt
rc=$?
set -e
[ $rc = 77 ] || fail "the manager's change gave $rc: $(cat err.txt)"
grep -q '"mgr3" may not change team "CEN" (manager of "CEN, NRD, OST": reads only)' err.txt ||
    fail "no team and right named: $(cat err.txt)"
set +e
"$WIJKLAST" --db "$manager" import cases nrd.csv 2>err.txt
rc=$?
set -e
[ $rc = 77 ] && grep -q 'may not change team "NRD"' err.txt ||
    fail "the manager's new case: $rc $(cat err.txt)"
[ "$(pg_psql -d rights -c "SELECT count(*) || ':' || sum(version) FROM cases")" = "$cases_before" ] ||
    fail "a refused change changed the cases"
# the coach changes Centrum's case; NRD does not exist for them
"$WIJKLAST" --db "$coach" import cases cen.csv --update >/dev/null ||
    fail "the coach could not change Centrum's case"
[ "$(pg_psql -d rights -c "SELECT phase FROM cases WHERE ref = 'Z-2026-003808'")" = actief ] ||
    fail "the coach's change did not land"
[ "$(pg_psql -d rights -c "SELECT \"user\" FROM audit ORDER BY id DESC LIMIT 1")" = coach_cen ] ||
    fail "the audit does not name the database user"
set +e
"$WIJKLAST" --db "$coach" import cases nrd.csv 2>err.txt
rc=$?
set -e
[ $rc != 0 ] || fail "the coach added a case to NRD"

# --- the same in plain SQL, as the coach: NRD's case is out of reach
nrd_case=$(pg_psql -d rights -c "SELECT id FROM cases WHERE team_id = (SELECT id FROM team WHERE code = 'NRD') ORDER BY id LIMIT 1")
out=$(pg_psql -d rights -U coach_cen -c "UPDATE cases SET phase = 'afschalen' WHERE id = $nrd_case" 2>&1 || true)
[ "$(pg_psql -d rights -c "SELECT phase FROM cases WHERE id = $nrd_case")" != afschalen ] ||
    fail "the coach changed NRD's case in SQL"
[ "$(pg_psql -d rights -U coach_cen -c "SELECT count(*) FROM cases WHERE id = $nrd_case")" = 0 ] ||
    fail "the coach sees NRD's case in SQL"
set +e
out=$(pg_psql -d rights -U coach_cen -c "UPDATE cases SET team_id = (SELECT min(id) FROM team) + 1 WHERE ref = 'Z-2026-003808'" 2>&1)
rc=$?
set -e
[ $rc != 0 ] && echo "$out" | grep -q '"coach_cen" may not change team' ||
    fail "the coach moved a case to another team in SQL: $out"
set +e
out=$(pg_psql -d rights -U mgr3 -c "DELETE FROM absence" 2>&1)
rc=$?
set -e
[ $rc != 0 ] && echo "$out" | grep -q "reads only" ||
    fail "the manager deleted absences in SQL: $out"
out=$(pg_psql -d rights -U coach_cen -c "SELECT count(*) FROM access")
[ "$out" = 1 ] || fail "the coach sees $out rights rows (their own: 1)"

# --- what a login might try behind wijklast's back (a review's findings)
# a temporary table of one's own does not stand in for the rights
out=$(pg_psql -d rights -U coach_cen -c "CREATE TEMP TABLE access (login
    text, role text, team_id bigint); INSERT INTO access VALUES
    (session_user, 'admin', NULL); SELECT count(*) FROM team;" 2>&1 || true)
[ "$out" = 1 ] || fail "a temporary access table made the coach see: $out"
out=$(pg_psql -d rights -U coach_cen -c "CREATE TEMP TABLE audit (x int);
    UPDATE cases SET phase = 'afschalen' WHERE ref = 'Z-2026-003808';
    SELECT count(*) FROM public.audit WHERE \"user\" = 'coach_cen'" 2>&1)
[ "$out" -ge 2 ] || fail "a temporary audit table took the audit: $out"
# the frozen weeks of all teams are not the coach's to delete
weeks=$(pg_psql -d rights -c "SELECT count(*) FROM snapshot_team")
pg_psql -d rights -U coach_cen -c "DELETE FROM snapshot_week" >/dev/null
[ "$(pg_psql -d rights -c "SELECT count(*) FROM snapshot_team")" = "$weeks" ] ||
    fail "the coach deleted the frozen weeks"
# nor is an undo step in someone else's (or a made-up) group
set +e
out=$(pg_psql -d rights -U mgr3 -c "INSERT INTO change_log (txn, \"user\",
    kind) VALUES (999999, 'mgr3', 'change')" 2>&1)
rc=$?
set -e
[ $rc != 0 ] || fail "the manager wrote a made-up undo step"
# an admin who is not the owner grants what works; a demoted admin keeps
# no CREATEROLE
"$WIJKLAST" --db "$owner" grant alice --role admin >/dev/null
"$WIJKLAST" --db "$(url alice)" grant bob --role coach --team NRD >/dev/null ||
    fail "an admin login could not grant"
[ "$(teams "$(url bob)")" = "NRD " ] || fail "bob, granted by alice, sees: $(teams "$(url bob)")"
"$WIJKLAST" --db "$owner" grant alice --role coach --team CEN >/dev/null
[ "$(pg_psql -d rights -c "SELECT rolcreaterole FROM pg_roles WHERE rolname = 'alice'")" = f ] ||
    fail "a demoted admin kept CREATEROLE"
set +e
"$WIJKLAST" --db "$(url alice)" grant carol --role coach --team CEN 2>/dev/null
rc=$?
set -e
[ $rc = 77 ] || fail "a demoted admin could still grant ($rc)"
# a --team that names nothing is refused, not read as "every right"
set +e
"$WIJKLAST" --db "$owner" revoke bob --team '' 2>err.txt
rc=$?
set -e
[ $rc = 64 ] || fail "revoke --team '' gave $rc: $(cat err.txt)"
[ "$(teams "$(url bob)")" = "NRD " ] || fail "revoke --team '' took bob's rights"

# --- revoke: the manager loses OST, then everything
"$WIJKLAST" --db "$owner" revoke mgr3 --team OST >/dev/null
[ "$(teams "$manager" | tr ' ' '\n' | sort | tr '\n' ' ')" = "CEN NRD " ] ||
    fail "after revoking OST the manager sees: $(teams "$manager")"

# --- the TUI: the coach's Overview, the manager's refused lock
on coach start 100 30 -- --db "'$coach'"
on coach wait_for "City total"
on coach shows "CEN  Centrum" || fail "the coach does not see Centrum"
on coach hides "NRD  Noord" || fail "the coach sees Noord"
on mgr start 100 30 -- --db "'$manager'"
on mgr wait_for "NRD  Noord"
on mgr hides "OST  Oost" || fail "the manager still sees Oost"
on mgr keys 3
on mgr wait_for "slots to plan"
on mgr keys L
on mgr wait_for 'may not change team "CEN"' 
echo "pg/rights: ok"
