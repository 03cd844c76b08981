# Exports and backups killed (SIGKILL) at any moment leave nothing behind,
# and no file of theirs is ever readable by others while it is written: each
# run is watched, killed the moment a file other than the database appears
# in the folder (or at a random moment), run again to the end, then the
# folder is checked.
# Run by tests/run-all from a scratch folder with $WIJKLAST set.
set -eu
W=${WIJKLAST:?}
export WIJKLAST_TODAY=2026-11-23
umask 022
"$W" --db big.db demo --teams 30 >/dev/null
/usr/bin/python3 - "$W" <<'PY'
import os, random, signal, stat, subprocess, sys, time

w = sys.argv[1]
random.seed(8)
db = {"big.db", "big.db-wal", "big.db-shm"}
jobs = [["export", "--format", f, "-o", "out." + f]
        for f in ("xlsx", "csv", "md", "html", "json")]
jobs.append(["backup", "copy.db"])
fails = kills = 0
for run in range(60):
    args = jobs[run % len(jobs)]
    target = args[-1]
    for f in os.listdir("."):
        if f not in db:
            os.unlink(f)
    p = subprocess.Popen([w, "--db", "big.db"] + args,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + random.uniform(0, 0.15)
    seen = {}
    while p.poll() is None:
        for f in os.listdir("."):
            if f in db or f in seen:
                continue
            try:
                seen[f] = stat.S_IMODE(os.stat(f).st_mode)
            except FileNotFoundError:
                continue
            if f != target:
                break
        if time.monotonic() > deadline or set(seen) - {target}:
            p.send_signal(signal.SIGKILL)
            kills += 1
            break
    p.wait()
    # The one window left (microseconds, between link and rename) is
    # cleaned up by the next write to the same file.
    subprocess.run([w, "--db", "big.db"] + args, check=True,
                   stdout=subprocess.DEVNULL)
    for f, mode in seen.items():
        if mode & 0o077:
            print(f"FAIL: {' '.join(args)}: {f} was mode {mode:o} while "
                  "written")
            fails += 1
    left = set(os.listdir(".")) - db - {target}
    if left:
        print(f"FAIL: {' '.join(args)} killed: left {sorted(left)}")
        fails += 1
print(f"{kills} kills in 60 runs")
sys.exit(1 if fails else 0)
PY
"$W" --db big.db check >/dev/null
echo "killed: all good"
