#!/bin/sh
# The command line as a data desk uses it: exit codes, messages, numbers.
#   tests/cli.sh path/to/sandik REPO
set -u
SANDIK=$1
ROOT=$2
FEED=$ROOT/assets/feeds/istanbul-2024.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

check() { # name, expected exit code, actual exit code, [file that must contain text, text]
  if [ "$2" = "$3" ] && { [ $# -lt 5 ] || grep -qF -- "$5" "$4"; }; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $1 (exit $3, wanted $2)"
    [ $# -ge 5 ] && { echo "  wanted to see: $5"; sed 's/^/  | /' "$4" | head -20; }
  fi
}

"$SANDIK" validate "$FEED" >"$tmp/out" 2>"$tmp/err"; check "validate ok" 0 $? "$tmp/out" "ok"

cat >"$tmp/bad.json" <<'JSON'
{"format": "sandik/1", "updated": "2024-03-31T22:35:00+03:00",
 "election": {"id": "e", "title": "E", "date": "2024-03-31", "timezone": "Europe/Istanbul"},
 "sources": [{"id": "AA", "name": "Anadolu Ajansı"}],
 "parties": [{"id": "CHP", "name": "CHP", "color": "#E30A17"}],
 "areas": [{"id": "istanbul", "name": "İstanbul", "parent": null}, {"id": "beyoglu", "name": "Beyoğlu", "parent": "istanbul"}],
 "races": [{"id": "ibb", "title": "İBB", "kind": "candidate", "area": "istanbul",
   "candidates": [{"id": "kurum", "name": "Murat Kurum", "party": "CHP"}],
   "results": {"AA": {"updated": "2024-03-31T22:35:00+03:00", "areas": {"beyoglu": {"votes": {"kurum": -5}}}}}}]}
JSON
sed 's/"updated": "2024-03-31T22:35:00+03:00",/"updated": "2024-03-31T21:00:00+03:00",/' "$ROOT/tests/data/example.json" >"$tmp/old.json"
"$SANDIK" validate "$tmp/old.json" --after "$ROOT/tests/data/example.json" >"$tmp/out" 2>"$tmp/err"
check "an older feed is valid but out of order" 0 $? "$tmp/err" \
  "warning: updated: 2024-03-31T21:00:00+03:00 is older than the feed already shown (2024-03-31T22:35:00+03:00); ignored as out of order"
"$SANDIK" validate "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"
check "validate invalid: exit 1 and the JSON path" 1 $? "$tmp/err" \
  "races[0].results.AA.areas.beyoglu.votes.kurum: expected a non-negative integer, got -5"
check "validate: the count of errors and warnings" 1 1 "$tmp/err" "bad.json: 1 error, 0 warnings"

# Feed text reaches the terminal escaped: ESC, BEL and NUL in a name neither act nor cut the line.
sed 's/"name": "Murat Kurum"/"name": "Murat\\u001b]0;pwned\\u0007 Kur\\u0000um"/' "$ROOT/tests/data/example.json" >"$tmp/ctl.json"
"$SANDIK" summary "$tmp/ctl.json" >"$tmp/out" 2>"$tmp/err"
check "summary: control characters escaped" 0 $? "$tmp/out" 'Murat\u001b]0;pwned\u0007 Kur\u0000um'
if LC_ALL=C grep -q "$(printf '\033')" "$tmp/out"; then check "summary: no raw ESC on the terminal" 0 1; else check "summary: no raw ESC on the terminal" 0 0; fi
"$SANDIK" import --from ap --updated garbage "$ROOT/tests/data/example.json" >"$tmp/out" 2>"$tmp/err"
check "import --updated: an RFC 3339 time or a usage error" 2 $? "$tmp/err" '--updated takes an RFC 3339 time'
# A lead of one vote is "1 vote" (Sarıyer: 80,000 to 79,999).
sed 's/"kurum": 55000/"kurum": 79999/' "$ROOT/tests/data/example.json" >"$tmp/one.json"
"$SANDIK" summary "$tmp/one.json" --area sariyer --lang en >"$tmp/out" 2>"$tmp/err"
check "summary: leads by 1 vote, not 1 votes" 0 $? "$tmp/out" "İmamoğlu leads by 1 vote ("
"$SANDIK" summary "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"; check "summary of an invalid feed exits 1" 1 $?

printf '{"format": NaN}' >"$tmp/nan.json"
"$SANDIK" validate "$tmp/nan.json" >"$tmp/out" 2>"$tmp/err"; check "NaN is invalid JSON" 1 $? "$tmp/err" "format: invalid JSON"
"$SANDIK" validate "$tmp/missing.json" >"$tmp/out" 2>"$tmp/err"; check "missing file exits 2" 2 $? "$tmp/err" "cannot read"
"$SANDIK" frobnicate >"$tmp/out" 2>"$tmp/err"; check "unknown command exits 2" 2 $? "$tmp/err" "unknown command"
"$SANDIK" summary "$FEED" --race nope >"$tmp/out" 2>"$tmp/err"; check "unknown race exits 2" 2 $? "$tmp/err" 'no race "nope"'
"$SANDIK" summary "$FEED" --bogus >"$tmp/out" 2>"$tmp/err"; check "unknown option exits 2" 2 $? "$tmp/err" "unknown option --bogus"

"$SANDIK" summary "$FEED" --json >"$tmp/out" 2>"$tmp/err"
check "summary --json: İmamoğlu's votes" 0 $? "$tmp/out" '"votes": 4433015'
check "summary --json: valid votes" 0 0 "$tmp/out" '"valid": 8667513'
check "summary --json: leader" 0 0 "$tmp/out" '"leader": "ekrem-imamoglu"'
check "summary --json: margin" 0 0 "$tmp/out" '"margin_votes": 1001426'
check "summary --json: status" 0 0 "$tmp/out" '"status": "won"'
"$SANDIK" summary "$FEED" --area sariyer --lang tr >"$tmp/out" 2>"$tmp/err"
check "summary of Sarıyer in Turkish" 0 $? "$tmp/out" "119.439"
"$SANDIK" summary "$FEED" --source AA --json >"$tmp/out" 2>"$tmp/err"
check "summary from AA" 0 $? "$tmp/out" '"votes": 4432862'

# summary and table in the reader's language: the widget's own sentences (present.cpp)
"$SANDIK" summary "$FEED" --lang tr >"$tmp/out" 2>"$tmp/err"
check "summary --lang tr: the widget's margin sentence" 0 $? "$tmp/out" "İmamoğlu 1.001.426 oy önde (11,56 puan)"
check "summary --lang tr: Turkish words" 0 0 "$tmp/out" "açılan sandık 33.270 / 33.273 (%99,99), katılım %79,18"
check "summary --lang tr: the winner marked once" 0 0 "$tmp/out" "%51,15 Kazandı"
grep -q "won" "$tmp/out"; check "summary --lang tr: no English word" 1 $?
[ "$(grep -c "İmamoğlu" "$tmp/out")" = 2 ]; check "summary: the winner named in his row and the margin only" 0 $?
"$SANDIK" summary "$FEED" --json >"$tmp/out" 2>"$tmp/err"
check "summary --json: the one margin figure" 0 $? "$tmp/out" '"margin_pct_points": 11.56'
"$SANDIK" table "$FEED" --lang tr --sort margin --desc >"$tmp/out" 2>"$tmp/err"
check "table --lang tr: headings in Turkish" 0 $? "$tmp/out" "İlçe"
check "table --lang tr: the table's sentence" 0 0 "$tmp/out" "39 satır, sıralama: fark (azalan)."
python3 "$ROOT/bench/make_feed.py" 1200 3 1200 >"$tmp/big.json"
"$SANDIK" table "$tmp/big.json" >"$tmp/out" 2>"$tmp/err"
check "table: a table of 1,200 districts prints every row (the canvas draws 1,000)" 0 $? "$tmp/out" "İlçe 1199"
[ "$(grep -c "^İlçe " "$tmp/out")" = 1200 ]; check "table: 1,200 rows, each once" 0 $?
"$SANDIK" summary "$ROOT/assets/feeds/night/04-chp-2335.json" --lang tr >"$tmp/out" 2>"$tmp/err"
check "summary: the freshest count (the party's own, 23.35), labelled unofficial" 0 $? "$tmp/out" "Resmî olmayan sonuçlar"
grep -q "CHP (partinin kendi sayımı)" "$tmp/out"; check "summary: the freshest source by default, as the widget" 0 $?
"$SANDIK" import --election "$ROOT/tools/istanbul-2024.election.json" --race ibb --source YSK --source-kind official \
  "$ROOT/../shared/data/istanbul-2024/metro-mayor-by-district-anka.csv" >"$tmp/out" 2>"$tmp/err"
check "import --source-kind: only agency, authority or party" 2 $? "$tmp/err" "--source-kind takes agency, authority or party"

# import: the demo feed is reproducible from ../shared/data with the project's own tool
if [ -d "$ROOT/../shared/data/istanbul-2024" ]; then
  SANDIK="$SANDIK" "$ROOT/tools/make-demo-feeds.sh" >/dev/null 2>"$tmp/err"
  (cd "$ROOT" && git diff --quiet -- assets/feeds 2>/dev/null); check "make-demo-feeds.sh reproduces the committed feed" 0 $?
  python3 "$ROOT/tools/make-party-registry.py" >"$tmp/parties.json" 2>"$tmp/err"
  cmp -s "$tmp/parties.json" "$ROOT/assets/parties-tr.json"; check "make-party-registry.py reproduces the committed registry" 0 $?
  printf 'district,votes\nSARIYER,abc\n' >"$tmp/bad.csv"
  "$SANDIK" import --election "$ROOT/tools/istanbul-2024.election.json" --race ibb --source X --map party=district \
    --map candidate=district "$tmp/bad.csv" >"$tmp/out" 2>"$tmp/err"
  check "import of a bad count names row and column" 1 $? "$tmp/err" 'row 2: votes (column votes): expected a non-negative integer, got "abc"'
  # --into keeps what it does not know (a desk's own members) and refuses a base of the wrong shape
  python3 -c 'import json,sys; f=json.load(open(sys.argv[1])); f["x-desk"]={"editor":"Ayşe"}; f["sources"][0]["url"]="https://example.org/anka"; print(json.dumps(f))' \
    "$FEED" >"$tmp/ext.json"
  "$SANDIK" import --into "$tmp/ext.json" --race ibb --source ANKA --where status=final \
    "$ROOT/../shared/data/istanbul-2024/metro-mayor-by-district-anka.csv" >"$tmp/out" 2>"$tmp/err"
  check "import --into keeps a desk's own members" 0 $? "$tmp/out" '"x-desk":{"editor":"Ayşe"}'
  check "import --into keeps a source's url" 0 0 "$tmp/out" '"url":"https://example.org/anka"'
  printf '{"races": [{"id": "ibb", "candidates": "İmamoğlu"}]}' >"$tmp/bad-base.json"
  "$SANDIK" import --into "$tmp/bad-base.json" --race ibb --source ANKA \
    "$ROOT/../shared/data/istanbul-2024/metro-mayor-by-district-anka.csv" >"$tmp/out" 2>"$tmp/err"
  check "import --into a base of the wrong shape: exit 1, the path" 1 $? "$tmp/err" \
    "$tmp/bad-base.json: races[0].candidates: expected an array, got \"İmamoğlu\""
  [ -s "$tmp/out" ]; check "nothing on stdout when the base is refused" 1 $?
fi

# import --from: the agencies' own payloads
AG=$ROOT/../shared/data/agency-formats
if [ -d "$AG" ]; then
  "$SANDIK" import --from aa --updated 2024-04-01T01:00:00+03:00 "$AG/aa-istanbul-2024-04-01T0100.json" >"$tmp/aa.json" 2>"$tmp/err"
  check "import --from aa" 0 $?
  "$SANDIK" summary "$tmp/aa.json" --race istanbul-buyuksehir --lang en >"$tmp/out" 2>"$tmp/err"
  check "AA at 01:00: 30,316 of 33,273 boxes" 0 $? "$tmp/out" "ballot boxes 30,316 of 33,273 (91.11%)"
  check "AA at 01:00: İmamoğlu 50.85% from the counts" 0 0 "$tmp/out" "3,985,655    50.85%"
  "$SANDIK" import --from anka --updated 2024-04-01T11:42:00+03:00 "$AG/anka-istanbul-2024-04-01T1142.json" \
    --from aa --updated 2024-04-01T01:00:00+03:00 "$AG/aa-istanbul-2024-04-01T0100.json" >"$tmp/both.json" 2>"$tmp/err"
  check "import --from anka … --from aa: one feed" 0 $?
  "$SANDIK" summary "$tmp/both.json" --race istanbul-buyuksehir --source ANKA --json >"$tmp/out" 2>"$tmp/err"
  check "the merged feed keeps ANKA's 11:42 count" 0 $? "$tmp/out" '"votes": 4430003'
  sed 's/"t": 3985655/"t": -5/' "$AG/aa-istanbul-2024-04-01T0100.json" >"$tmp/bad-aa.json"
  "$SANDIK" import --from aa --updated 2024-04-01T01:00:00+03:00 "$tmp/bad-aa.json" >"$tmp/out" 2>"$tmp/err"
  check "import --from aa of a bad count: exit 1, file and path" 1 $? "$tmp/err" \
    "$tmp/bad-aa.json: BolgeSonuc[0].x.c[13].t: expected a non-negative integer, got -5"
  [ -s "$tmp/out" ]; check "nothing on stdout when the import fails" 1 $?
  "$SANDIK" import "$AG/aa-istanbul-final.json" --from aa >"$tmp/out" 2>"$tmp/err"
  check "a file before --from is a usage error" 2 $? "$tmp/err" "give the format before the file"
  "$SANDIK" import --from reuters "$AG/aa-istanbul-final.json" >"$tmp/out" 2>"$tmp/err"
  check "an unknown agency format is a usage error" 2 $? "$tmp/err" "--from takes anka, aa or ap, got reuters"
fi
TR=$ROOT/../shared/data/turkiye-2024/anka/2024-04-02T1213
if [ -d "$TR" ]; then
  "$SANDIK" import --from anka --updated 2024-04-02T12:13:00+03:00 "$TR"/*.json >"$tmp/tr.json" 2>"$tmp/err"
  check "national import: warnings counted by kind" 0 $? "$tmp/err" "316 votes-over-valid, the first:"
  [ "$(wc -l <"$tmp/err")" -lt 20 ]; check "national import: a summary, not hundreds of lines" 0 $?
  "$SANDIK" import --verbose --from anka --updated 2024-04-02T12:13:00+03:00 "$TR"/*.json >"$tmp/tr.json" 2>"$tmp/err"
  [ "$(grep -c "^warning: " "$tmp/err")" = 316 ]; check "national import --verbose: every warning" 0 $?
fi
AAN=$ROOT/../shared/data/turkiye-2024/aa/result-short-2024-04-01T2126-final.json
if [ -f "$AAN" ]; then
  "$SANDIK" import --from aa --updated 2024-04-01T21:26:00+03:00 --status final "$AAN" >"$tmp/aan.json" 2>"$tmp/err"
  check "national import: AA's whole-country file" 0 $?
  "$SANDIK" scoreboard "$tmp/aan.json" --lang tr >"$tmp/out" 2>"$tmp/err"
  check "scoreboard: metropolitan mayors, 30" 0 $? "$tmp/out" "Büyükşehir belediye başkanlıkları — 30 başkanlık"
  grep -q "^  CHP  *14  *0  *–  *–$" "$tmp/out"; check "scoreboard: CHP won 14 of them (a final feed)" 0 $?
  grep -q "İlçe belediye başkanlıkları — 973 başkanlık; 1 yerde oylar eşit" "$tmp/out"
  check "scoreboard: 973 district mayors, Çıldır tied" 0 $?
  "$SANDIK" scoreboard "$tmp/aan.json" --json >"$tmp/out" 2>"$tmp/err"
  check "scoreboard --json" 0 $?
  python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
levels = {l["level"]: l for l in d["levels"]}
assert [l["level"] for l in d["levels"]] == ["metropolitan", "province", "district", "belde"], d["levels"]
assert [levels[k]["total"] for k in ("metropolitan", "province", "district", "belde")] == [30, 51, 973, 390]
chp = [p for p in levels["province"]["parties"] if p["party"] == "chp"][0]
assert chp == {"party": "chp", "name": "CHP", "short": "CHP", "leading": 0, "won": 21, "previous": 0}, chp
PY
  check "scoreboard --json: levels, totals, CHP 21 province mayors" 0 $?
  "$SANDIK" scoreboard "$tmp/aan.json" --source ANKA >"$tmp/out" 2>"$tmp/err"
  check "scoreboard: an unknown source is a usage error" 2 $? "$tmp/err" 'no source "ANKA" in the feed'
  # Split for a CDN: an index and a part per province, each a valid feed, within their budgets.
  "$SANDIK" import --from aa --updated 2024-04-01T21:26:00+03:00 "$AAN" \
    --from anka --updated 2024-04-02T12:13:00+03:00 "$TR"/*.json >"$tmp/both.json" 2>"$tmp/err"
  "$SANDIK" split "$tmp/both.json" --out "$tmp/split" >"$tmp/out" 2>"$tmp/err"
  check "split: an index and 81 parts" 0 $? "$tmp/err" "index.json and 81 parts"
  [ "$(ls "$tmp/split" | wc -l)" = 82 ]; check "split: 82 files, no temporary left" 0 $?
  bad=0; for f in "$tmp"/split/*.json; do "$SANDIK" validate "$f" >/dev/null 2>&1 || bad=1; done
  check "split: every file is a valid sandik/1 feed" 0 $bad
  [ "$(gzip -9c "$tmp/split/index.json" | wc -c)" -le 150000 ]; check "split: index.json within 150 KB gzip" 0 $?
  [ "$(gzip -9c "$tmp/split/istanbul.json" | wc -c)" -le 80000 ]; check "split: istanbul.json within 80 KB gzip" 0 $?
  grep -q '"url":"istanbul.json"' "$tmp/split/index.json"; check "split: the index names each part by a relative URL" 0 $?
  for src in "" "--source AA" "--source ANKA"; do
    # shellcheck disable=SC2086
    "$SANDIK" scoreboard "$tmp/both.json" $src --json >"$tmp/s1" 2>/dev/null
    # shellcheck disable=SC2086
    "$SANDIK" scoreboard "$tmp/split/index.json" $src --json >"$tmp/s2" 2>/dev/null
    cmp -s "$tmp/s1" "$tmp/s2"; check "split: the index's scoreboard is the whole feed's ($src)" 0 $?
  done
  "$SANDIK" summary "$tmp/both.json" --race istanbul-buyuksehir --source AA --json >"$tmp/s1" 2>/dev/null
  "$SANDIK" summary "$tmp/split/index.json" --race istanbul-buyuksehir --source AA --json >"$tmp/s2" 2>/dev/null
  cmp -s "$tmp/s1" "$tmp/s2"; check "split: a province's own result in the index is the whole feed's" 0 $?
  "$SANDIK" table "$tmp/both.json" --race istanbul-ilce --source ANKA --json >"$tmp/s1" 2>/dev/null
  "$SANDIK" table "$tmp/split/istanbul.json" --race istanbul-ilce --source ANKA --json >"$tmp/s2" 2>/dev/null
  cmp -s "$tmp/s1" "$tmp/s2"; check "split: the part's district table is the whole feed's" 0 $?
  grep -q '"sariyer"' "$tmp/split/index.json"; check "split: the index has no district rows" 1 $?
  "$SANDIK" split "$tmp/both.json" >"$tmp/out" 2>"$tmp/err"
  check "split without --out is a usage error" 2 $? "$tmp/err" "split needs --out DIR"
fi
"$SANDIK" scoreboard "$ROOT/assets/feeds/istanbul-2024.json" >"$tmp/out" 2>"$tmp/err"
check "scoreboard: a feed that names no office says so" 2 $? "$tmp/err" "no race of the feed names a mayor's office"
printf '{"format": "sandik/1"' >"$tmp/bad.json"
"$SANDIK" scoreboard "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"
check "scoreboard: a broken feed exits 1 with its path" 1 $? "$tmp/err" "expected"
if [ -d "$ROOT/../shared/data/ap" ]; then
  "$SANDIK" import --from ap "$ROOT/../shared/data/ap/20160301_super_tuesday.json" >"$tmp/ap.json" 2>"$tmp/err"
  check "import --from ap" 0 $?
  "$SANDIK" summary "$tmp/ap.json" --race ma-president-dem --json >"$tmp/out" 2>"$tmp/err"
  check "AP: Massachusetts Democrats, 1,204,927 votes" 0 $? "$tmp/out" '"valid": 1204927'
fi

# maps: the feed's areas against the widget's maps, both ways, by code or folded name
IST="$ROOT/assets/feeds/istanbul-2024.json"
(cd "$ROOT" && "$SANDIK" maps "$IST") >"$tmp/out" 2>"$tmp/err"
check "maps: every Istanbul district on the map" 0 $? "$tmp/out" "istanbul: 39 of 39 areas of İstanbul (istanbul) on the map of 39 shapes"
"$SANDIK" maps "$ROOT/assets/feeds/turkiye/03-final.json" --maps "$ROOT/assets/maps" --json >"$tmp/out" 2>"$tmp/err"
check "maps: the whole country, its 81 provinces by plate code" 0 $? "$tmp/out" '"matched": 81'
python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))
for a in f["areas"]:
    if a["id"] == "besiktas": a["name"] = "Beşiktaş Merkez"
print(json.dumps(f))' "$IST" >"$tmp/renamed.json"
"$SANDIK" maps "$tmp/renamed.json" --maps "$ROOT/assets/maps" >"$tmp/out" 2>"$tmp/err"
check "maps: an area without a shape is named" 1 $? "$tmp/err" "istanbul: area besiktas (Beşiktaş Merkez) has no shape on the map"
grep -qF 'istanbul: shape "Beşiktaş" matches no area of İstanbul' "$tmp/err"; check "maps: and the shape without an area" 0 $?
"$SANDIK" maps "$ROOT/tests/data/example.json" --maps "$ROOT/assets/maps" >"$tmp/out" 2>"$tmp/err"
check "maps: a feed of two districts: the map's other 37 shapes are listed" 1 $? "$tmp/out" "istanbul: 2 of 2 areas of İstanbul"
python3 -c 'import json,sys; f=json.load(open(sys.argv[1])); f["areas"][0]["name"] = "Ankara"; print(json.dumps(f))' \
  "$ROOT/tests/data/example.json" >"$tmp/ankara.json"
"$SANDIK" maps "$tmp/ankara.json" --maps "$ROOT/assets/maps" >"$tmp/out" 2>"$tmp/err"
check "maps: a feed no map shows" 1 $? "$tmp/err" "no map in $ROOT/assets/maps shows an area of this feed"
mkdir -p "$tmp/maps" && printf '{"format":"sandik-map/1","id":"x","credit":"c","parent":{"name":"İstanbul"},"size":[10,10],"shapes":[{"name":"Adalar","label":[1,1],"vertices":[0,0,1,0,0,1],"rings":[[0,3]],"triangles":[0,1,7],"neighbors":[]}]}' >"$tmp/maps/x.json"
"$SANDIK" maps "$IST" --maps "$tmp/maps" >"$tmp/out" 2>"$tmp/err"
check "maps: a broken map file is named by its JSON path" 1 $? "$tmp/err" "shapes[0].triangles[2]: expected an index below 3, got 7"
if [ -d "$ROOT/../shared/data/geo" ] && [ -d "$ROOT/node_modules/mapshaper" ]; then
  node "$ROOT/tools/make-maps.mjs" --check >"$tmp/out" 2>"$tmp/err"
  check "make-maps.mjs reproduces the committed maps (mapshaper + earcut)" 0 $? 
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
