"""Read a `wijklast export` back with an independent reader and compare every
team's and employee's figures with `wijklast report --format json` of the
same week. Usage: export_read.py REPORT.json FORMAT FILE [LANG], FORMAT one
of csv, excel-nl, json, md, html, xlsx; LANG en (default) or nl, the language
the people's formats (md, html, xlsx, excel-nl) must be in: their headings,
status words and decimal commas; csv and json must not change with it. The
week's frozen flag must agree with the report's. Hours within 0.005 h, loads
within 0.0005 (SPEC §3). Exits 1 listing each difference. Needs Debian's
python3-openpyxl for xlsx (run it with /usr/bin/python3)."""
import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

HOURS = ("capacity", "demand", "case_hours", "intake_hours", "side_hours",
         "waiting_hours", "fte", "available")
COUNTS = ("members", "waiting_cases", "sustained_members", "open_cases",
          "new_cases", "closed_cases")
BANDS = ("OVER", "HIGH", "OK", "ROOM")
TEAM_KEYS = ("name", "members", "capacity", "demand", "case_hours",
             "intake_hours", "side_hours", "waiting_cases", "waiting_hours",
             "load", "status", "sustained", "sustained_members", "bands")
EMPLOYEE_KEYS = ("team", "name", "fte", "available", "capacity", "case_hours",
                 "intake_hours", "side_hours", "demand", "load", "status",
                 "open_cases", "new_cases", "closed_cases", "sustained")

LANG = sys.argv[4] if len(sys.argv) > 4 else "en"

# Headings of the people's formats, in English ...
TEAM_HEADS = {"Team": "code", "Name": "name", "Members": "members",
              "Capacity": "capacity", "Demand": "demand",
              "Case hours": "case_hours", "Intake hours": "intake_hours",
              "Side hours": "side_hours", "Waiting cases": "waiting_cases",
              "Waiting hours": "waiting_hours", "Load": "load",
              "Status": "status", "Members OVER/HIGH/OK/ROOM": "bands",
              "Sustained overload": "sustained",
              "Members in sustained overload": "sustained_members",
              "Members OVER": "OVER", "Members HIGH": "HIGH",
              "Members OK": "OK", "Members ROOM": "ROOM"}
EMPLOYEE_HEADS = {"Code": "code", "Name": "name", "FTE": "fte",
                  "Available": "available", "Capacity": "capacity",
                  "Case hours": "case_hours", "Intake hours": "intake_hours",
                  "Side hours": "side_hours", "Demand": "demand",
                  "Load": "load", "Status": "status",
                  "Open cases": "open_cases", "New cases": "new_cases",
                  "Closed cases": "closed_cases",
                  "Sustained overload": "sustained"}
# ... the excel-nl csv (the snake_case names of the rfc4180 csv for keys) ...
CSV_HEADS = {"Week": "week", "Kind": "kind", "Team": "team", "Code": "code",
             "Name": "name", "Members": "members", "FTE": "fte",
             "Available": "available", "Capacity": "capacity",
             "Case hours": "case_hours", "Intake hours": "intake_hours",
             "Side hours": "side_hours", "Demand": "demand",
             "Waiting cases": "waiting_cases",
             "Waiting hours": "waiting_hours", "Load": "load",
             "Status": "status", "Members OVER": "members_over",
             "Members HIGH": "members_high", "Members OK": "members_ok",
             "Members ROOM": "members_room", "Open cases": "open_cases",
             "New cases": "new_cases", "Closed cases": "closed_cases",
             "Sustained overload": "sustained",
             "Members in sustained overload": "sustained_members",
             "Frozen": "frozen"}
# ... and their Dutch, written out here rather than read from po/nl.po, so
# a wrong translation shows.
DUTCH = {"Name": "Naam", "Members": "Leden", "Capacity": "Capaciteit",
         "Demand": "Vraag", "Case hours": "Casusuren",
         "Intake hours": "Intake-uren", "Side hours": "Uren nevenactiviteiten",
         "Waiting cases": "Wachtlijst casussen",
         "Waiting hours": "Wachtlijst uren", "Load": "Werklast",
         "Members OVER/HIGH/OK/ROOM": "Leden OVER/HOOG/OK/RUIMTE",
         "Sustained overload": "Aanhoudende overbelasting",
         "Members in sustained overload":
         "Leden met aanhoudende overbelasting",
         "Members OVER": "Leden OVER", "Members HIGH": "Leden HOOG",
         "Members OK": "Leden OK", "Members ROOM": "Leden RUIMTE",
         "Available": "Beschikbaar", "Open cases": "Open casussen",
         "New cases": "Nieuwe casussen", "Closed cases": "Gesloten casussen",
         "Kind": "Soort", "Frozen": "Bevroren"}
WORDS = {"en": {"ROOM": "ROOM", "OK": "OK", "HIGH": "HIGH", "OVER": "OVER",
                "yes": "yes", "employee": "employee", "team": "team",
                "no capacity": "— (no capacity)", "frozen": "(frozen)",
                "Overview": "Overview", "Forecast": "Forecast",
                "Make-up": "Make-up"},
         "nl": {"ROOM": "RUIMTE", "OK": "OK", "HIGH": "HOOG", "OVER": "OVER",
                "yes": "ja", "employee": "medewerker", "team": "team",
                "no capacity": "— (geen capaciteit)", "frozen": "(bevroren)",
                "Overview": "Overzicht", "Forecast": "Voorspelling",
                "Make-up": "Samenstelling"}}[LANG]
if LANG == "nl":
    TEAM_HEADS = {DUTCH.get(h, h): k for h, k in TEAM_HEADS.items()}
    EMPLOYEE_HEADS = {DUTCH.get(h, h): k for h, k in EMPLOYEE_HEADS.items()}
    CSV_HEADS = {DUTCH.get(h, h): k for h, k in CSV_HEADS.items()}
STATUS = {word: code for code, word in WORDS.items()
          if code in ("ROOM", "OK", "HIGH", "OVER")}

problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


def unguard(s):
    """The csv formula guard: a ' in front of = + - @ TAB CR."""
    return s[1:] if len(s) > 1 and s[0] == "'" and s[1] in "=+-@\t\r" else s


def percent(s):
    """'104.2%' -> 1.042; '— (no capacity)' and '' -> None."""
    s = s.strip()
    if s and not s.endswith("%"):
        check(s == WORDS["no capacity"], f"load {s!r}")
    return float(s[:-1]) / 100 if s.endswith("%") else None


def normalise(row, decimal_comma=False, people=True):
    """Text cells from csv/md/html to numbers, flags and status codes;
    people's cells use the language's words (and commas when asked)."""
    out = {}
    for key, value in row.items():
        if isinstance(value, str) and key in HOURS + ("load",):
            other = "." if decimal_comma else ","
            check(other not in value, f"{key} {value!r}: a {other!r}")
            value = value.replace(",", ".")
        if key == "status" and isinstance(value, str) and people and value:
            check(value in STATUS, f"status {value!r} is not a word of {LANG}")
            value = STATUS.get(value, value)
        if key == "sustained" and isinstance(value, str) and people:
            check(value in ("", WORDS["yes"]), f"sustained {value!r}")
            value = value == WORDS["yes"]
        if key in HOURS:
            value = float(value)
        elif key in COUNTS or key in BANDS:
            value = int(value)
        elif key == "load" and isinstance(value, str):
            value = percent(value) if "%" in value or "—" in value else (
                float(value) if value else None)
        elif key == "sustained" and isinstance(value, str):
            value = value in ("1", "yes")
        elif key == "bands":
            value = dict(zip(BANDS, map(int, value.split("/"))))
        out[key] = value
    if all(b in out for b in BANDS):
        out["bands"] = {b: out.pop(b) for b in BANDS}
    return out


# --- readers: each returns (teams, employees), dicts by code ---

FROZEN = set()  # the frozen flags the file shows


def read_csv(path, dialect):
    raw = open(path, "rb").read()
    nl = dialect == "excel-nl"
    bom = raw.startswith(b"\xef\xbb\xbf")
    check(bom == nl, f"BOM present: {bom}, want {nl}")
    check(raw.count(b"\r\n") == raw.count(b"\n"), "a line not ending in CRLF")
    text = raw.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""),
                        delimiter=";" if nl else ",")
    heads = next(reader)
    if nl:
        check(all(h in CSV_HEADS for h in heads),
              f"headings not in {LANG}: {[h for h in heads if h not in CSV_HEADS]}")
        heads = [CSV_HEADS.get(h, h) for h in heads]
    else:
        check(heads[-1] == "frozen" and "case_hours" in heads,
              f"rfc4180 headings {heads}")
    teams, employees = {}, {}
    for cells in reader:
        r = dict(zip(heads, cells))
        for k in ("team", "code", "name"):
            r[k] = unguard(r[k])
        kind = r.pop("kind")
        r.pop("week")
        frozen = r.pop("frozen")
        FROZEN.add(frozen == WORDS["yes"] if nl else frozen == "1")
        check(frozen in (("", WORDS["yes"]) if nl else ("0", "1")),
              f"frozen {frozen!r}")
        if nl:
            check(kind in (WORDS["team"], WORDS["employee"]), f"kind {kind!r}")
            kind = "team" if kind == WORDS["team"] else "employee"
        elif r["load"]:
            check("%" not in r["load"], f"load {r['load']!r} in rfc4180")
        r = {k: v for k, v in r.items()
             if v != "" or k in ("load", "status", "sustained")}
        if kind == "team":
            r["bands"] = {b: r.pop("members_" + b.lower()) for b in BANDS}
            r["bands"] = "/".join(r["bands"][b] for b in BANDS)
            teams[r["code"]] = normalise(r, nl, nl)
        else:
            employees[r["code"]] = normalise(r, nl, nl)
    return teams, employees


def read_json(path):
    doc = json.load(open(path, encoding="utf-8"))
    check(doc.get("schema") == 1, f"schema {doc.get('schema')!r}")
    FROZEN.add(doc["frozen"])
    teams = {}
    for t in doc["teams"]:
        t = dict(t)
        t["bands"] = t.pop("members_by_status")
        teams[t["code"]] = t
    return teams, {e["code"]: e for e in doc["employees"]}


def table_rows(heads, cells, names):
    """A row of heading -> text into our keys."""
    return {names[h]: c for h, c in zip(heads, cells) if h in names}


def md_cells(line):
    """Split a Markdown table row on unescaped pipes, then unescape."""
    parts = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [re.sub(r"\\(.)", r"\1", p.strip()) for p in parts]


def read_md(path):
    teams, employees = {}, {}
    section, heads, team = None, None, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("# "):
            FROZEN.add(WORDS["frozen"] in line)
        if line.startswith("## "):
            section = line[3:].strip()
            heads = None
            team = None if section == "Teams" else re.sub(
                r"\\(.)", r"\1", section).split(" ")[0]
        elif section == WORDS["Make-up"]:
            continue  # the team make-up: not the week's figures
        elif line.startswith("|"):
            cells = md_cells(line)
            if heads is None:
                heads = cells
            elif set("".join(cells)) <= set("-: "):
                continue
            elif team is None:
                r = normalise(table_rows(heads, cells, TEAM_HEADS),
                              LANG == "nl")
                teams[r["code"]] = r
            else:
                r = normalise(table_rows(heads, cells, EMPLOYEE_HEADS),
                              LANG == "nl")
                r["team"] = team
                employees[r["code"]] = r
    return teams, employees


def text_of(el):
    return "".join(el.itertext())


def read_html(path):
    raw = open(path, encoding="utf-8").read()
    # The lenient reader browsers are like must see the same page ...
    class Counter(HTMLParser):
        tags = {}

        def handle_starttag(self, tag, attrs):
            self.tags[tag] = self.tags.get(tag, 0) + 1
    p = Counter()
    p.feed(raw)
    # the week's chart, and the forecast's fans after it when given
    check(p.tags.get("svg") in (1, 2), "not one or two <svg>")
    for tag in ("script", "link", "img", "iframe"):
        check(tag not in p.tags, f"external or active content: <{tag}>")
    check("http://" not in raw.replace('xmlns="http://www.w3.org/2000/svg"', "")
          and "https://" not in raw, "a URL in a self-contained page")
    check("@media print" in raw, "no print style")
    # ... and it is well-formed, so the strict one reads the figures.
    root = ET.fromstring(raw)
    check(root.get("lang") == LANG, f"lang {root.get('lang')!r}")
    FROZEN.add(WORDS["frozen"] in text_of(root.find("head/title")))
    check(root.find("head/meta[@charset='utf-8']") is not None, "charset")
    body = root.find("body")
    teams, employees, team, heading = {}, {}, None, None
    for el in body:
        if el.tag == "h2":
            heading = text_of(el)
            team = None if heading == "Teams" else heading.split(" ")[0]
        elif el.tag == "table" and heading == WORDS["Make-up"]:
            continue  # the team make-up: not the week's figures
        elif el.tag == "table":
            heads = [text_of(th) for th in el.iter("th")]
            for tr in el.find("tbody"):
                cells = [text_of(td) for td in tr]
                if team is None:
                    r = normalise(table_rows(heads, cells, TEAM_HEADS),
                                  LANG == "nl")
                    teams[r["code"]] = r
                else:
                    r = normalise(table_rows(heads, cells, EMPLOYEE_HEADS),
                                  LANG == "nl")
                    r["team"] = team
                    employees[r["code"]] = r
    ns = "{http://www.w3.org/2000/svg}"
    svgs = body.findall(ns + "svg")
    svg = svgs[0]
    if len(svgs) == 2:
        fc = svgs[1]
        check(fc.get("class") == "forecast", "the second <svg> is not the "
              "forecast")
        fans = [g for g in fc.iter(ns + "g") if g.get("class") == "fan"]
        check(sorted(g.get("data-team") for g in fans) == sorted(teams),
              "not one fan per team")
        for c in fc.iter(ns + "circle"):
            p10, p50, p90 = (float(c.get(k)) for k in
                             ("data-p10", "data-p50", "data-p90"))
            check(p10 <= p50 <= p90, f"fan point {p10} {p50} {p90}")
    bars = [r for r in svg.iter(ns + "rect")
            if r.get("class", "").startswith("bar")]
    check(sorted(b.get("data-team") for b in bars) == sorted(teams),
          "not one bar per team")
    for b in bars:
        t = teams.get(b.get("data-team"))
        if t is None:
            continue
        want = t["load"]
        got = float(b.get("data-load")) if b.get("data-load") else None
        check(want is None and got is None or
              want is not None and got is not None and abs(want - got) < 5e-4,
              f"bar {b.get('data-team')}: load {got}, table {want}")
        check(t["status"].lower() in b.get("class").split(),
              f"bar {b.get('data-team')}: class {b.get('class')!r}")
    lines = sorted(float(l.get("data-threshold")) for l in svg.iter(ns + "line")
                   if l.get("class") == "threshold")
    check(lines == [0.9, 1.0, 1.1], f"threshold lines at {lines}")
    return teams, employees


FILLS = {"ROOM": "FFBDD7EE", "OK": "FFC6EFCE", "HIGH": "FFFFEB9C",
         "OVER": "FFFFC7CE"}


def read_sheet(ws, names, kind):
    check(ws.freeze_panes == "A2", f"{ws.title}: frozen at {ws.freeze_panes}")
    heads = [c.value for c in ws[1]]
    rows = []
    for cells in ws.iter_rows(min_row=2):
        if cells[0].value is None:
            break
        r = {}
        for h, c in zip(heads, cells):
            key = names.get(h)
            if key is None:
                continue
            v = c.value
            if key in HOURS + COUNTS + BANDS:
                check(isinstance(v, (int, float)) and not isinstance(v, bool),
                      f"{ws.title}!{c.coordinate}: {v!r} is not a number")
            if key == "load" and isinstance(v, (int, float)):
                check("%" in c.number_format,
                      f"{ws.title}!{c.coordinate}: format {c.number_format}")
            if key == "load" and isinstance(v, str):
                v = None
            if key == "status" and v:
                check(c.fill.fgColor.rgb == FILLS.get(STATUS.get(v)),
                      f"{ws.title}!{c.coordinate}: {v} fill "
                      f"{c.fill.fgColor.rgb}")
            if key == "sustained":
                v = v or ""  # the same text as md and html, on every sheet
            if key in ("code", "name"):
                check(c.data_type == "s", f"{ws.title}!{c.coordinate}: "
                      f"type {c.data_type}")
            r[key] = "" if v is None and key == "status" else v
        rows.append(normalise(r))
    return rows


def read_xlsx(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    teams = {r["code"]: r for r in read_sheet(wb.worksheets[0], TEAM_HEADS,
                                              "team")}
    sheets = [WORDS["Overview"]] + list(teams)
    extra = wb.sheetnames[len(sheets):]
    check(wb.sheetnames[:len(sheets)] == sheets and
          extra in ([], [WORDS["Make-up"]], [WORDS["Forecast"]],
                    [WORDS["Make-up"], WORDS["Forecast"]]),
          f"sheets {wb.sheetnames}")
    if wb.sheetnames[-1] == WORDS["Forecast"]:
        ws = wb.worksheets[-1]
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        weeks = [r for r in rows if r and r[0] in teams]
        check(len(weeks) > 0 and len(weeks) % len(teams) == 0,
              f"forecast rows {len(weeks)} for {len(teams)} teams")
        for r in weeks:
            check(r[3] <= r[4] <= r[5], f"forecast row {r}")
    FROZEN.add(WORDS["frozen"] in (wb.properties.title or ""))
    for ws in wb.worksheets:  # the printed page's header
        FROZEN.add(WORDS["frozen"] in (ws.oddHeader.left.text or ""))
    employees = {}
    for ws in wb.worksheets[1:len(teams) + 1]:
        for r in read_sheet(ws, EMPLOYEE_HEADS, "employee"):
            r["team"] = ws.title
            employees[r["code"]] = r
    return teams, employees


# --- the comparison ---

def same(key, want, got):
    if key == "bands":
        return want == got
    if want is None or got is None or isinstance(want, (str, bool)):
        return want == got or (key == "status" and not want and not got)
    tol = 0.0005 if key == "load" else 0.005
    return abs(want - got) <= tol + 1e-9


def compare(kind, keys, want, got):
    check(sorted(want) == sorted(got),
          f"{kind}s: {sorted(set(want) ^ set(got))} in one only")
    for code, w in want.items():
        g = got.get(code)
        if g is None:
            continue
        for key in keys:
            if not same(key, w.get(key), g.get(key)):
                problems.append(f"{kind} {code}: {key} = {g.get(key)!r}, "
                                f"report says {w.get(key)!r}")


def main():
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    fmt, path = sys.argv[2], sys.argv[3]
    readers = {"csv": lambda: read_csv(path, "rfc4180"),
               "excel-nl": lambda: read_csv(path, "excel-nl"),
               "json": lambda: read_json(path), "md": lambda: read_md(path),
               "html": lambda: read_html(path),
               "xlsx": lambda: read_xlsx(path)}
    teams, employees = readers[fmt]()
    want_teams = {}
    for t in report["teams"]:
        t = dict(t)
        t["bands"] = t.pop("members_by_status")
        want_teams[t["code"]] = t
    want_employees = {e["code"]: e for e in report["employees"]
                      if e["counted"]}
    check(FROZEN == {report["frozen"]},
          f"frozen shown as {FROZEN}, report says {report['frozen']}")
    compare("team", TEAM_KEYS, want_teams, teams)
    compare("employee", EMPLOYEE_KEYS, want_employees, employees)
    for p in problems[:40]:
        print(f"{fmt}: {p}")
    sys.exit(1 if problems else 0)


main()
