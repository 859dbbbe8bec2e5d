#!/usr/bin/python3
"""Makes assets/parties-tr.json, the party registry the agency adapters start from when no
election description is given: one entry per party code the agencies share (ANKA's `Kod`, AA's
`k`: 1 = AK Parti, 18 = CHP, ...), with ANKA's name, short name and colour (`Renk`; AA sends no
colours). Made from the agencies' whole-country files in ../shared/data/turkiye-2024/: the colours
and short names from ANKA's, the names as AA writes them ("AK Parti"; ANKA writes "Ak Parti").
    tools/make-party-registry.py > assets/parties-tr.json"""
import collections
import glob
import json
import os
import re
import sys
import unicodedata

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(os.environ.get("SANDIK_DATA", os.path.join(here, "../../shared/data")), "turkiye-2024")
src = os.path.join(data, "anka/2024-04-02T1213")
aa_names = collections.defaultdict(collections.Counter)
seen = collections.defaultdict(lambda: {"name": collections.Counter(), "short": collections.Counter(),
                                        "color": collections.Counter()})


def walk(v):
    if isinstance(v, dict):
        code = str(v.get("Kod", ""))
        if code.isdigit() and int(code) < 4000 and v.get("Adi") and v.get("Renk"):  # (4001…: independents)
            e = seen[code]
            e["name"][v["Adi"].strip()] += 1
            e["short"][(v.get("Kisaltma") or v["Adi"]).strip()] += 1
            e["color"][v["Renk"].strip().upper()] += 1
        for x in v.values():
            walk(x)
    elif isinstance(v, list):
        for x in v:
            walk(x)


def walk_aa(v):
    if isinstance(v, dict):
        if "k" in v and isinstance(v.get("p"), str):
            aa_names[str(v["k"])][v["p"].strip()] += 1
        for x in v.values():
            walk_aa(x)
    elif isinstance(v, list):
        for x in v:
            walk_aa(x)


for f in sorted(glob.glob(os.path.join(src, "*.json"))):
    walk(json.load(open(f, encoding="utf-8")))
walk_aa(json.load(open(os.path.join(data, "aa/result-short-2024-04-01T2126-final.json"), encoding="utf-8")))
if not seen:
    raise SystemExit("make-party-registry.py: no ANKA party lists under " + src)


def slug(s):
    s = s.replace("İ", "i").replace("ı", "i").lower()
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


parties, ids = [], set()
for code in sorted(seen, key=int):
    e = seen[code]
    name = aa_names[code].most_common(1)[0][0] if aa_names[code] else e["name"].most_common(1)[0][0]
    short = e["short"].most_common(1)[0][0]
    if short.lower() == name.lower():
        short = name
    pid = slug(short) or "p" + code
    if pid in ids:
        pid += "-" + code
    ids.add(pid)
    color = e["color"].most_common(1)[0][0]
    parties.append({"id": pid, "name": name, "short": short,
                    "color": color if color.startswith("#") else "#" + color, "aliases": [code]})
json.dump({"about": "Made by tools/make-party-registry.py from ANKA's files: the agencies' shared party codes.",
           "parties": parties}, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
