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
desc="$ROOT/tools/istanbul-2024.election.json"

# İBB race: ANKA's final count per district (39 districts × 49 candidates) ...
"$SANDIK" import --election "$desc" --race ibb --source ANKA --where status=final \
  "$DATA/metro-mayor-by-district-anka.csv" > "$tmp/1.json"
# ... ANKA at 11:42 on 1 April, summed over districts, as a moment of the night ...
"$SANDIK" import --into "$tmp/1.json" --race ibb --source ANKA --as history --where status=partial \
  "$DATA/metro-mayor-by-district-anka.csv" > "$tmp/2.json"
# ... AA's final citywide count, and AA at 01:00 and 11:48 ...
"$SANDIK" import --into "$tmp/2.json" --race ibb --source AA --where source=AA --where status=final \
  "$DATA/metro-mayor-citywide-snapshots.csv" > "$tmp/3.json"
"$SANDIK" import --into "$tmp/3.json" --race ibb --source AA --as history --where source=AA --where status=partial \
  "$DATA/metro-mayor-citywide-snapshots.csv" > "$tmp/4.json"
# ... and who won in 2019.
"$SANDIK" import --into "$tmp/4.json" --race ibb --as previous --label 2019 --where source=ANKA-2019 \
  "$DATA/metro-mayor-citywide-snapshots.csv" > "$tmp/5.json"
"$SANDIK" import --into "$tmp/5.json" --race ibb --source ANKA --status final --where status=final \
  "$DATA/metro-mayor-by-district-anka.csv" > "$OUT/istanbul-2024.json"
"$SANDIK" validate "$OUT/istanbul-2024.json" >/dev/null
echo "wrote $OUT/istanbul-2024.json ($(wc -c < "$OUT/istanbul-2024.json") bytes)"
