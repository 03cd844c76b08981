"""Eight writers at once on one database: each runs wijklast commands in a
loop — imports of its own teams and absences, plan --apply, snapshot,
backup, export and report — for a while. Allowed outcomes: success, "busy"
(75), and for plan --apply a refusal because someone else changed a block
since it was read. Afterwards nothing may be lost or invented: every import
that said it succeeded is there in full, every one that failed is absent,
every row has its audit record, and `wijklast check` passes.
With WRITERS_DB naming a PostgreSQL database (postgresql:///NAME, its server
in PGHOST and PGPORT) the same runs there (issue 13), without the backups
(pg_dump's job): nobody waits for a lock there, so the allowed outcomes are
success and the refusals of a change someone else made first.
Usage: writers.py WIJKLAST WORKDIR SECONDS [WRITERS]   (prints the figures)
"""
import collections
import datetime
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time

W, WORK, SECONDS = sys.argv[1], sys.argv[2], float(sys.argv[3])
N = int(sys.argv[4]) if len(sys.argv) > 4 else 8
os.environ["WIJKLAST_TODAY"] = "2026-11-23"
os.environ["LANG"] = "C.UTF-8"
os.chdir(WORK)
DB = os.environ.get("WRITERS_DB", "city.db")
PG = DB.startswith("postgresql:")
lock = threading.Lock()
outcomes = collections.Counter()
imported, refused, fails = [], [], []
absences_kept, absences_refused = [], []


def query(sql):
    """The rows of sql, from the file or (psql) the server."""
    if not PG:
        con = sqlite3.connect(DB)
        rows = con.execute(sql).fetchall()
        con.close()
        return rows
    p = subprocess.run(["psql", "-qAt", "-F", "\t", "-d", DB, "-c", sql],
                       capture_output=True, text=True, check=True)
    return [tuple(line.split("\t")) for line in p.stdout.splitlines()]


def wijklast(*args):
    return subprocess.run([W, "--db", DB] + list(args), capture_output=True,
                          text=True)


def writer(w, deadline, teams):
    rnd = random.Random(w)
    k = 0
    while time.monotonic() < deadline:
        k += 1
        op = rnd.choice(["teams", "teams", "absences", "plan", "plan",
                         "snapshot", "export", "report"] +
                        ([] if PG else ["backup"]))
        if op == "teams":
            codes = [f"W{w}N{k}X{i}" for i in range(3)]
            path = f"w{w}-{k}.csv"
            with open(path, "w") as f:
                f.write("code,name,area\n")
                f.writelines(f"{c},Schrijver {w} {k},\n" for c in codes)
            p = wijklast("import", "teams", path)
            os.unlink(path)
        elif op == "absences":
            path = f"w{w}-{k}.csv"
            day = datetime.date(2030, 1, 1) + datetime.timedelta(
                days=w * 5000 + k)
            reason = f"w{w}k{k}"
            with open(path, "w") as f:
                f.write("employee,start,end,percent,reason\n")
                f.write(f"{rnd.choice(employees)},{day},{day},50,{reason}\n")
            p = wijklast("import", "absences", path)
            os.unlink(path)
        elif op == "plan":
            p = wijklast("plan", rnd.choice(teams), "--apply",
                         "--format", "json")
        elif op == "snapshot":
            p = wijklast("snapshot", "--week",
                         rnd.choice(["last", "2026-W40", "2026-W44"]))
        elif op == "backup":
            p = wijklast("backup", f"backup-{w}.db")
        elif op == "export":
            p = wijklast("export", "--format", "csv", "-o", f"week-{w}.csv")
        else:
            p = wijklast("report", "--format", "json")
        ok = p.returncode == 0
        busy = p.returncode == 75
        stale = (op == "plan" and p.returncode == 1 and
                 "someone else" in p.stderr)
        with lock:
            outcomes[(op, "ok" if ok else "busy" if busy else
                      "refused: changed since" if stale else
                      f"exit {p.returncode}")] += 1
            if op == "teams":
                (imported if ok else refused).append(codes)
            elif op == "absences":
                (absences_kept if ok else absences_refused).append(reason)
            if not (ok or busy or stale):
                fails.append(f"writer {w}: {op} -> {p.returncode}: "
                             f"{p.stderr.strip()}")


# WRITERS_DEMO=0: the caller made the demo (and opened TUIs on it) already
if os.environ.get("WRITERS_DEMO", "1") == "1":
    p = wijklast("demo", "--teams", "3")
    if p.returncode != 0:
        sys.exit(f"writers: demo: {p.stderr}")
teams = [r[0] for r in query("SELECT code FROM team")]
employees = [r[0] for r in query("SELECT code FROM employee")]
start = time.monotonic()
threads = [threading.Thread(target=writer, args=(w, start + SECONDS, teams))
           for w in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start

present = {r[0] for r in query("SELECT code FROM team")}
for codes in imported:
    missing = [c for c in codes if c not in present]
    if missing:
        fails.append(f"lost: import said ok, teams {missing} are missing")
for codes in refused:
    there = [c for c in codes if c in present]
    if there:
        fails.append(f"invented: import failed, teams {there} are there")
reasons = {r[0] for r in query("SELECT reason FROM absence")}
lost = [r for r in absences_kept if r not in reasons]
invented = [r for r in absences_refused if r in reasons]
if lost or invented:
    fails.append(f"absences: lost {lost[:5]}, invented {invented[:5]}")
unaudited = int(query(
    "SELECT count(*) FROM team t WHERE NOT EXISTS (SELECT 1 FROM audit a "
    "WHERE a.tbl = 'team' AND a.row_id = t.id AND a.action = 'insert')"
)[0][0])
if unaudited:
    fails.append(f"{unaudited} teams without an audit record")
p = wijklast("check")
if p.returncode != 0:
    fails.append(f"check: {p.stderr.strip()}")
for f in fails[:20]:
    print("FAIL:", f)
total = sum(outcomes.values())
by_op = collections.Counter()
for (op, how), n in outcomes.items():
    by_op[op] += n
busy = sum(n for (op, how), n in outcomes.items() if how == "busy")
stale = sum(n for (op, how), n in outcomes.items() if how.startswith("ref"))
print(f"writers{' (PostgreSQL)' if PG else ''}: {N} writers, {total} commands in {elapsed:.0f} s "
      f"({', '.join(f'{k} {v}' for k, v in sorted(by_op.items()))}); "
      f"{busy} busy, {stale} plans refused as changed since; "
      f"{len(imported) + len(absences_kept)} imports kept, "
      f"{len(refused) + len(absences_refused)} refused; "
      f"{len(fails)} problems")
sys.exit(1 if fails else 0)
