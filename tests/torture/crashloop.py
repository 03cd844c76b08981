"""Crash loop: SIGKILL wijklast at random moments while it writes, then
check that nothing is damaged and every change is all or nothing.

Each iteration runs one writing command on a demo city — import (teams,
employees or absences), plan --apply, snapshot, export, backup, or demo
into a new file — and kills it after a random delay drawn across the
command's own running time (measured first), or lets it finish. Then:
  - `wijklast check` passes (integrity and foreign keys);
  - an import is there completely or not at all (its rows counted);
  - plan --apply changed all of the proposed blocks or none;
  - a snapshot holds all of its rows or none;
  - an export or backup target is absent, as it was, or complete (the
    workbook is a sound zip, the backup a sound database with the same
    teams), and nothing else is left in the folder (a kill in the
    microseconds between link and rename leaves a hidden .NAME.PID that
    the next write to the same file must clear);
  - a demo database is empty or whole.
Usage: crashloop.py WIJKLAST WORKDIR SECONDS   (prints the figures)
"""
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile

W, WORK, SECONDS = sys.argv[1], sys.argv[2], float(sys.argv[3])
os.environ["WIJKLAST_TODAY"] = "2026-11-23"
os.environ["LANG"] = "C.UTF-8"
os.chdir(WORK)
DB = "city.db"
KEEP = {DB, DB + "-wal", DB + "-shm"}
random.seed(int(os.environ.get("TORTURE_SEED", "8")))
fails = []


def run(*args, check=True):
    p = subprocess.run([W, "--db", DB] + list(args), capture_output=True,
                       text=True)
    if check and p.returncode != 0:
        sys.exit(f"crashloop: {' '.join(args)} -> {p.returncode}: "
                 f"{p.stderr.strip()}")
    return p


def query(sql, db=DB, rw=False):
    # Read only, except to open a database a kill left with a hot journal:
    # opening it rolls the journal back, as wijklast's next open would.
    con = sqlite3.connect(f"file:{db}?mode={'rw' if rw else 'ro'}",
                          uri=True, timeout=10)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def count(sql, db=DB, rw=False):
    return query(sql, db, rw)[0][0]


def fail(what):
    fails.append(what)
    print("FAIL:", what)


# --- the operations: each returns (argv, check) where check() runs after
# the command finished or was killed and returns a problem or None.

serial = 0


def op_import():
    global serial
    serial += 1
    kind = random.choice(["teams", "employees", "absences"])
    n = random.randint(20, 300)
    path = f"in-{serial}.csv"
    with open(path, "w", encoding="utf-8") as f:
        if kind == "teams":
            f.write("code,name,area\n")
            for i in range(n):
                f.write(f"T{serial}X{i},Team {serial} {i},Wijk\n")
            sql = f"SELECT count(*) FROM team WHERE code LIKE 'T{serial}X%'"
        elif kind == "employees":
            f.write("code,name,team,discipline,contract_hours,workdays,"
                    "start,end\n")
            for i in range(n):
                f.write(f"E{serial}X{i},Mw. Één {i},CEN,jeugd,32,"
                        f"\"ma,di,do\",2026-01-01,\n")
            sql = (f"SELECT count(*) FROM employee "
                   f"WHERE code LIKE 'E{serial}X%'")
        else:
            codes = [r[0] for r in query("SELECT code FROM employee")]
            f.write("employee,start,end,percent,reason\n")
            year = 2030 + serial % 60
            picks = random.sample(codes, min(n, len(codes)))
            for c in picks:
                f.write(f"{c},{year}-03-0{1 + serial % 5},{year}-03-20,"
                        f"50,kill{serial}\n")
            n = len(picks)
            sql = f"SELECT count(*) FROM absence WHERE reason = 'kill{serial}'"

    def check():
        got = count(sql)
        os.unlink(path)
        if got not in (0, n):
            return f"import {kind}: {got} of {n} rows"
        return None
    return ["import", kind, path], check


def op_plan():
    team = random.choice([r[0] for r in query("SELECT code FROM team "
                                              "WHERE code NOT LIKE 'T%'")])
    before = dict(query("SELECT id, coalesce(employee_id, 0) FROM block"))
    n_before = len(before)
    dry = run("plan", team, "--format", "json", check=False)
    import json
    try:
        changes = json.loads(dry.stdout)["changes"] if dry.returncode == 0 \
            else None
    except (ValueError, KeyError):
        changes = None

    def check():
        after = dict(query("SELECT id, coalesce(employee_id, 0) "
                           "FROM block"))
        changed = sum(1 for k, v in after.items() if before.get(k) != v)
        changed += n_before - sum(1 for k in before if k in after)
        if changes is not None and changed not in (0, changes):
            return f"plan {team} --apply: {changed} of {changes} blocks"
        return None
    return ["plan", team, "--apply"], check


def op_snapshot():
    week = random.choice(["last", "2026-W40", "2026-W45", "2026-W30"])

    def check():
        weeks = count("SELECT count(*) FROM snapshot_week")
        half = count("SELECT count(*) FROM snapshot_week w WHERE NOT "
                     "EXISTS (SELECT 1 FROM snapshot_team t "
                     "WHERE t.monday = w.monday)")
        orphans = count("SELECT count(*) FROM snapshot_team t WHERE NOT "
                        "EXISTS (SELECT 1 FROM snapshot_week w "
                        "WHERE w.monday = t.monday)")
        if half or orphans:
            return f"snapshot {week}: {half} weeks without rows, " \
                   f"{orphans} rows without a week (of {weeks})"
        return None
    return ["snapshot", "--week", week], check


def op_export():
    fmt = random.choice(["xlsx", "csv", "html", "md", "json"])
    target = f"week.{fmt}"
    if os.path.exists(target) and random.random() < 0.5:
        os.unlink(target)
    old = open(target, "rb").read() if os.path.exists(target) else None

    def check():
        if not os.path.exists(target):
            return None
        data = open(target, "rb").read()
        if fmt == "xlsx":
            try:
                if zipfile.ZipFile(target).testzip() is not None:
                    return "export xlsx: a damaged workbook"
            except zipfile.BadZipFile:
                return "export xlsx: not a workbook"
        elif data != old and not data.rstrip().endswith(
                {"csv": b"", "html": b"</html>", "md": b"", "json": b"}"}
                [fmt]):
            return f"export {fmt}: cut short"
        if os.stat(target).st_mode & 0o077 and old is None:
            return f"export {fmt}: mode {os.stat(target).st_mode:o}"
        return None
    return ["export", "--format", fmt, "-o", target], check


def op_backup():
    target = "copy.db"
    if os.path.exists(target) and random.random() < 0.5:
        os.unlink(target)
    teams = count("SELECT count(*) FROM team")
    old = open(target, "rb").read() if os.path.exists(target) else None

    def check():
        if not os.path.exists(target) or open(target, "rb").read() == old:
            return None  # not written, or the old copy left whole
        if query("PRAGMA integrity_check", target) != [("ok",)]:
            return "backup: a damaged copy"
        got = count("SELECT count(*) FROM team", target)
        if got != teams:
            return f"backup: {got} teams, the database {teams}"
        return None
    return ["backup", target], check


def op_demo():
    global serial
    serial += 1
    path = f"demo-{serial}.db"

    def check():
        problem = None
        if os.path.exists(path) and os.path.getsize(path) > 0:
            try:
                teams = count("SELECT count(*) FROM team", path, True)
                cases = count("SELECT count(*) FROM cases", path)
                if teams not in (0, 2) or (teams and cases == 0):
                    problem = f"demo: {teams} teams, {cases} cases"
                elif query("PRAGMA integrity_check", path) != [("ok",)]:
                    problem = "demo: a damaged database"
            except sqlite3.OperationalError as e:
                if "no such table" not in str(e):
                    problem = f"demo: {e}"
        for f in (path, path + "-wal", path + "-shm", path + "-journal"):
            if os.path.exists(f):
                os.unlink(f)
        return problem
    return ["--db", path, "demo", "--teams", "2"], check


OPS = {"import": op_import, "plan": op_plan, "snapshot": op_snapshot,
       "export": op_export, "backup": op_backup, "demo": op_demo}

run("demo", "--teams", "4")
durations = {}
for name, op in OPS.items():  # each once to the end: its running time
    argv, check = op()
    t = time.monotonic()
    p = subprocess.run([W, "--db", DB] + argv, capture_output=True)
    durations[name] = max(time.monotonic() - t, 0.005)
    problem = check()
    if p.returncode != 0 or problem:
        fail(f"{name} without a kill: exit {p.returncode} {problem or ''} "
             f"{p.stderr.decode().strip()}")

iterations = kills = window_hits = 0
per_op = {name: 0 for name in OPS}
start = time.monotonic()
while time.monotonic() - start < SECONDS and len(fails) < 5:
    name = random.choice(list(OPS))
    argv, check = OPS[name]()
    proc = subprocess.Popen([W, "--db", DB] + argv,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(random.uniform(0, durations[name] * 1.3))
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        kills += 1
        per_op[name] += 1
    proc.wait()
    iterations += 1
    problem = check()
    if problem:
        fail(f"after {'a kill of ' if proc.returncode < 0 else ''}"
             f"{' '.join(argv)}: {problem}")
    p = run("check", check=False)
    if p.returncode != 0:
        fail(f"after {' '.join(argv)}: check says {p.stderr.strip()}")
    left = set(os.listdir(".")) - KEEP - {"copy.db", "week.xlsx",
                                          "week.csv", "week.html",
                                          "week.md", "week.json"}
    left = {f for f in left if not f.startswith("in-")}
    window = {f for f in left
              if re.fullmatch(r"\.(copy\.db|week\.\w+)\.[0-9]+", f)}
    if window and proc.returncode < 0:
        # Killed in the microseconds between link and rename (afile.h):
        # the next write to the same file must clear what it left.
        subprocess.run([W, "--db", DB] + argv, capture_output=True)
        window_hits += 1
        left = (left - window) | {f for f in window if os.path.exists(f)}
    if left:
        fail(f"after {' '.join(argv)}: left behind {sorted(left)}")
        for f in left:
            os.unlink(f)

fk = query("PRAGMA foreign_key_check")
if fk:
    fail(f"foreign keys: {fk[:3]}")
elapsed = time.monotonic() - start
print(f"crash loop: {iterations} iterations, {kills} SIGKILLs "
      f"({', '.join(f'{k} {v}' for k, v in per_op.items())}) in "
      f"{elapsed:.0f} s; {window_hits} killed between link and rename, "
      f"cleared by the next write; {len(fails)} problems")
sys.exit(1 if fails else 0)
