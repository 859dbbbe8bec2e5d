#!/usr/bin/env bash
# Makes the demo feeds under assets/feeds/ from the real figures in ../shared/data, with the
# project's own `sandik import`. Anyone can rerun it: ./tools/make-demo-feeds.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${SANDIK_DATA:-$ROOT/../shared/data}/istanbul-2024"
SANDIK="${SANDIK:-$ROOT/build/native/sandik}"
OUT="$ROOT/assets/feeds"
[ -x "$SANDIK" ] || { echo "build first: ./build-wasm.sh" >&2; exit 2; }
mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Each step imports one CSV into the feed made so far.
feed="$tmp/feed.json"
step() { "$SANDIK" import --into "$feed" "$@" > "$tmp/next.json" && mv "$tmp/next.json" "$feed"; }
"$SANDIK" import --election "$ROOT/tools/istanbul-2024.election.json" --status final \
  --race ibb --source ANKA --where status=final "$DATA/metro-mayor-by-district-anka.csv" > "$feed"

# İBB race: ANKA's final count per district (above), ANKA at 11:42 on 1 April summed over the
# districts, AA's final citywide count, AA at 01:00 and 11:48, and who won in 2019.
step --race ibb --source ANKA --as history --where status=partial "$DATA/metro-mayor-by-district-anka.csv"
step --race ibb --source AA --where source=AA --where status=final "$DATA/metro-mayor-citywide-snapshots.csv" 2>/dev/null
step --race ibb --source AA --as history --where source=AA --where status=partial \
  "$DATA/metro-mayor-citywide-snapshots.csv" 2>/dev/null
step --race ibb --as previous --label 2019 --where source=ANKA-2019 "$DATA/metro-mayor-citywide-snapshots.csv"

# What the live blog reported before counts were published: shares only, never turned into counts.
for src in ANKA AA CHP; do
  name=""; [ "$src" = CHP ] && name="CHP (partinin kendi sayımı)"
  step --race ibb --as history --source "$src" ${name:+--source-name "$name" --source-kind party} --where source="$src" --where race=ibb \
    --map updated=time --map reporting_pct=boxes_opened_pct --share CHP=chp_pct --share AKP=akp_pct \
    "$DATA/seed-live-blog-timeline.csv"
done

# District mayors, as one party race over the 39 districts: ANKA's final count, and the 2019 winners.
step --race ilce --source ANKA "$DATA/district-mayor-by-district-anka.csv"
step --race ilce --as previous --label 2019 --map party=winner_2019_party --map candidate=winner_2019_candidate \
  --map votes=winner_2019_votes "$DATA/district-mayor-2019-winners-anka.csv"

mv "$feed" "$OUT/istanbul-2024.json"

# The night, moment by moment, for `sandik replay` (./build-wasm.sh serve): what was known when.
NIGHT="$OUT/night"
rm -rf "$NIGHT"
mkdir -p "$NIGHT"
"$SANDIK" import --election "$ROOT/tools/istanbul-2024.election.json" --race ibb --as declare --where status=final \
  "$DATA/metro-mayor-by-district-anka.csv" > "$feed"
n=0
snap() { n=$((n + 1)); cp "$feed" "$NIGHT/$(printf '%02d' $n)-$1.json"; }
blog() { # SOURCE TIME: what the live blog reported
  step --race ibb --as results --source "$1" ${3:+--source-name "$3" --source-kind party} --where source="$1" --where race=ibb --where time="$2" \
    --map updated=time --map reporting_pct=boxes_opened_pct --share CHP=chp_pct --share AKP=akp_pct \
    "$DATA/seed-live-blog-timeline.csv"
}
blog ANKA 2024-03-31T19:15:00+03:00; snap anka-1915
blog AA 2024-03-31T20:29:00+03:00; snap aa-2029
blog AA 2024-03-31T22:35:00+03:00; snap aa-2235
blog CHP 2024-03-31T23:35:00+03:00 "CHP (partinin kendi sayımı)"; snap chp-2335
step --race ibb --source AA --where source=AA --where snapshot_time=2024-04-01T01:00:33+03:00 \
  "$DATA/metro-mayor-citywide-snapshots.csv" 2>/dev/null; snap aa-0100
step --race ibb --source ANKA --where status=partial "$DATA/metro-mayor-by-district-anka.csv"; snap anka-1142
step --race ibb --source AA --where source=AA --where snapshot_time=2024-04-01T11:48:38+03:00 \
  "$DATA/metro-mayor-citywide-snapshots.csv" 2>/dev/null; snap aa-1148
step --race ibb --source AA --where source=AA --where status=final "$DATA/metro-mayor-citywide-snapshots.csv" 2>/dev/null
snap aa-final
step --race ibb --source ANKA --status final --where status=final "$DATA/metro-mayor-by-district-anka.csv"
step --race ilce --source ANKA "$DATA/district-mayor-by-district-anka.csv"
step --race ilce --as previous --label 2019 --map party=winner_2019_party --map candidate=winner_2019_candidate \
  --map votes=winner_2019_votes "$DATA/district-mayor-2019-winners-anka.csv"
snap anka-final
for f in "$NIGHT"/*.json; do "$SANDIK" validate "$f" >/dev/null; done

# The whole country's night, for `sandik replay --national` (the demo page's national section,
# served split): AA at 00:55; ANKA's 81 files of 11:42 beside it; the finals (AA's, stamped 21:26
# on 1 April, and ANKA's last, 12:13 on 2 April). ../shared/data/turkiye-2024/README.md.
NAT="${SANDIK_DATA:-$ROOT/../shared/data}/turkiye-2024"
TR="$OUT/turkiye"
rm -rf "$TR"
mkdir -p "$TR"
aa0055=(--from aa --updated 2024-04-01T00:55:00+03:00 "$NAT/aa/result-short-2024-04-01T0055.json")
"$SANDIK" import "${aa0055[@]}" > "$TR/01-aa-0055.json" 2>/dev/null
"$SANDIK" import "${aa0055[@]}" --from anka --updated 2024-04-01T11:42:00+03:00 "$NAT"/anka/2024-04-01T1142/*.json \
  > "$TR/02-anka-1142.json" 2>/dev/null
"$SANDIK" import --from aa --updated 2024-04-01T21:26:00+03:00 "$NAT/aa/result-short-2024-04-01T2126-final.json" \
  --from anka --updated 2024-04-02T12:13:00+03:00 "$NAT"/anka/2024-04-02T1213/*.json > "$TR/03-final.json" 2>/dev/null
for f in "$TR"/*.json; do "$SANDIK" validate "$f" >/dev/null 2>&1; done
"$SANDIK" validate "$OUT/istanbul-2024.json" >/dev/null
echo "wrote $OUT/istanbul-2024.json ($(wc -c < "$OUT/istanbul-2024.json") bytes) and $n moments in $NIGHT"
