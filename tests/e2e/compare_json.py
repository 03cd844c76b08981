"""Compare `wijklast report --format json` with expected figures worked out
by hand. Usage: compare_json.py EXPECTED ACTUAL. Hours within 0.005 h (SPEC
§3), loads within 0.0005 (three decimals); every expected team and employee
must be present; exits 1 listing each difference."""
import json
import sys


def close(want, got, key):
    if want is None or got is None or isinstance(want, (str, bool)):
        return want == got
    tol = 0.0005 if key == "load" else 0.005
    return isinstance(got, (int, float)) and abs(want - got) <= tol


def compare(kind, want, got, problems):
    by_code = {row["code"]: row for row in got}
    for row in want:
        have = by_code.get(row["code"])
        if have is None:
            problems.append(f"{kind} {row['code']}: missing")
            continue
        for key, value in row.items():
            if isinstance(value, dict):
                for k, v in value.items():
                    if have.get(key, {}).get(k) != v:
                        problems.append(f"{kind} {row['code']}: {key}.{k} = "
                                        f"{have.get(key, {}).get(k)!r}, want {v!r}")
            elif key not in have or not close(value, have[key], key):
                problems.append(f"{kind} {row['code']}: {key} = "
                                f"{have.get(key, '(absent)')!r}, want {value!r}")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        want = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        got = json.load(f)
    problems = []
    if want["week"] != got.get("week"):
        problems.append(f"week = {got.get('week')!r}, want {want['week']!r}")
    compare("team", want["teams"], got.get("teams", []), problems)
    compare("employee", want["employees"], got.get("employees", []), problems)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


main()
