#!/usr/bin/env bash
# sandik — build, serve and test everything from a clean Debian/Ubuntu machine.
#
#   ./build-wasm.sh              install what is missing, build native (build/native) and web (dist/)
#   ./build-wasm.sh serve [-p N] build, then serve the demo on http://127.0.0.1:N/ (default 8000),
#                                its feed replaying election night 2024 at 60x (sandik replay)
#   ./build-wasm.sh test         build, then run every test: native (CTest) and browser (Chromium)
#   ./build-wasm.sh deps         only install what is missing
#
# Respects a user's own toolchain: em++ on PATH or EMSDK set (no apt emscripten),
# IMGUI_DIR pointing at Dear ImGui 1.86 sources (no apt source download),
# SANDIK_CACHE (default ~/.cache/sandik) for downloaded sources.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${SANDIK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sandik}"
JOBS="$(nproc 2>/dev/null || echo 2)"

say() { printf '\033[1m[sandik]\033[0m %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $*"
  fi
}

# ---------------------------------------------------------------------------------------------
# Dependencies (idempotent: checks first, installs only what is missing)
# ---------------------------------------------------------------------------------------------
APT_UPDATED=0
apt_update_once() {
  [ "$APT_UPDATED" = 1 ] && return
  say "apt-get update"
  as_root apt-get update -qq
  APT_UPDATED=1
}

apt_missing() { # prints the packages of "$@" that are not installed
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

have_emscripten() {
  command -v em++ >/dev/null 2>&1 || [ -n "${EMSDK:-}" ]
}

install_apt_packages() {
  command -v dpkg-query >/dev/null || { say "not a Debian system: install emscripten, nlohmann-json, doctest, cmake, chromium and a sans-serif font yourself"; return; }
  local want=(cmake g++ make python3 fonts-noto-core fonts-dejavu-core nlohmann-json3-dev
              doctest-dev libcpp-httplib-dev dpkg-dev xz-utils nodejs npm chromium
              clang libclang-rt-14-dev python3-jsonschema)
  have_emscripten || want+=(emscripten)
  # Node and npm may come from elsewhere (nodesource); don't fight them.
  command -v node >/dev/null && want=("${want[@]/nodejs/}")
  command -v npm >/dev/null && want=("${want[@]/npm/}")
  local missing
  missing=$(apt_missing "${want[@]}" | tr '\n' ' ')
  if [ -n "${missing// /}" ]; then
    apt_update_once
    say "installing: $missing"
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
}

# Dear ImGui sources: Debian ships only headers + a native .a, so the sources come from
# Debian's source package (imgui 1.86+ds), unpacked into the cache, never into git.
ensure_imgui() {
  if [ -n "${IMGUI_DIR:-}" ]; then
    [ -f "$IMGUI_DIR/imgui.cpp" ] || die "IMGUI_DIR=$IMGUI_DIR has no imgui.cpp"
    return
  fi
  IMGUI_DIR="$CACHE/imgui-1.86"
  [ -f "$IMGUI_DIR/imgui.cpp" ] && return
  say "fetching Dear ImGui 1.86 sources from Debian's source package"
  local list=/etc/apt/sources.list.d/sandik-deb-src.sources
  if ! apt-get indextargets 2>/dev/null | grep -q 'Created-By: Sources'; then
    if [ ! -f "$list" ]; then
      as_root tee "$list" >/dev/null <<'EOF'
# Added by sandik's build-wasm.sh: Debian source packages (for Dear ImGui's sources).
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    fi
    APT_UPDATED=0
    apt_update_once
  fi
  local tmp
  tmp=$(mktemp -d); chmod 777 "$tmp"  # apt downloads as its _apt user
  (cd "$tmp" && apt-get source --download-only -qq imgui >/dev/null)
  local orig
  orig=$(ls "$tmp"/imgui_1.86*.orig.tar.* 2>/dev/null | head -1)
  [ -n "$orig" ] || die "apt-get source imgui did not give imgui 1.86 (got: $(ls "$tmp"))"
  mkdir -p "$IMGUI_DIR.part"
  tar -xf "$orig" -C "$IMGUI_DIR.part" --strip-components=1
  rm -rf "$IMGUI_DIR" "$tmp"
  mv "$IMGUI_DIR.part" "$IMGUI_DIR"
}

# playwright-core (pinned in package-lock.json) drives Debian's Chromium; it never downloads a browser.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.sandik-lock"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$ROOT/package-lock.json"; then return; fi
  say "npm ci (playwright-core, terser, axe-core, mapshaper, earcut)"
  # What npm's cache holds is used without asking the registry again; a request that stalls gives
  # up after 60 s (npm's default: 5 min), and the whole install is tried three times, so one slow
  # answer from the registry does not fail a fresh machine's first run.
  local try
  for try in 1 2 3; do
    if (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefer-offline --fetch-timeout=60000 \
          --no-audit --no-fund --loglevel=error >/dev/null); then
      cp "$ROOT/package-lock.json" "$stamp"
      return
    fi
    [ "$try" = 3 ] || { say "npm ci failed (attempt $try of 3); trying again in 10 s"; sleep 10; }
  done
  die "npm ci failed three times: is the npm registry reachable?"
}

deps() {
  install_apt_packages
  ensure_imgui
  export IMGUI_DIR
}

# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------
emcmake_cmd() {
  if command -v emcmake >/dev/null; then echo emcmake
  elif [ -n "${EMSDK:-}" ] && [ -x "$EMSDK/upstream/emscripten/emcmake" ]; then echo "$EMSDK/upstream/emscripten/emcmake"
  else die "emcmake not found (install emscripten or set EMSDK)"
  fi
}

configure_once() { # dir, then cmake args; configures only when there is no cache yet
  local dir=$1; shift
  [ -f "$dir/CMakeCache.txt" ] && return
  mkdir -p "$dir"
  if ! "$@" >"$dir/configure.log" 2>&1; then
    cat "$dir/configure.log" >&2
    rm -f "$dir/CMakeCache.txt"
    die "configuring $dir failed"
  fi
}

build_native() {
  configure_once "$ROOT/build/native" cmake -S "$ROOT" -B "$ROOT/build/native" -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build "$ROOT/build/native" -j "$JOBS" -- --no-print-directory | { grep -vE '^(\[|make|Consolidate|Scanning|Built target)' || true; }  # a failed build fails (pipefail)
}

build_web() {
  # Debian's emcc needs Debian's node modules (acorn) at -O1 and above.
  export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
  local emcmake
  emcmake=$(emcmake_cmd)
  configure_once "$ROOT/build/wasm" "$emcmake" cmake -S "$ROOT" -B "$ROOT/build/wasm" \
    -DCMAKE_BUILD_TYPE=MinSizeRel -DIMGUI_DIR="$IMGUI_DIR"
  cmake --build "$ROOT/build/wasm" -j "$JOBS" -- --no-print-directory | { grep -vE '^(\[|make|Consolidate|Scanning|Built target)' || true; }  # a failed build fails (pipefail)
}

# The core's tests again under AddressSanitizer + UBSan, and the libFuzzer target (clang).
build_sanitize() {
  configure_once "$ROOT/build/sanitize" env CC=clang CXX=clang++ cmake -S "$ROOT" -B "$ROOT/build/sanitize" \
    -DCMAKE_BUILD_TYPE=Debug -DSANDIK_SANITIZE=ON -DSANDIK_FUZZ=ON
  cmake --build "$ROOT/build/sanitize" -j "$JOBS" --target sandik-tests sandik-fuzz sandik -- --no-print-directory \
    | { grep -vE '^(\[|make|Consolidate|Scanning|Built target)' || true; }  # a failed build fails (pipefail)
}

# The agencies' sample payloads carry no time of their own: servers send it as Last-Modified,
# which `sandik serve`/`replay` take from the file. Set it from the time in the file name
# (aa-istanbul-2024-04-01T0100.json = 01:00 in Istanbul), as a git checkout does not keep it.
stamp_agency_files() {
  local f stamp
  for f in "$ROOT"/assets/agency/*-20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9][0-5][0-9].json; do
    [ -e "$f" ] || continue
    stamp=$(basename "$f" .json | sed -E 's/.*-([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2})([0-9]{2})$/\1 \2:\3 +0300/')
    touch -d "$stamp" "$f"
  done
}

build_all() {
  deps
  ensure_node_modules  # terser minifies dist/sandik.js
  stamp_agency_files
  build_native
  build_web
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------
cmd=${1:-build}
[ $# -gt 0 ] && shift
case "$cmd" in
  deps)
    deps
    ensure_node_modules
    ;;
  build)
    build_all
    say "built: build/native/sandik, build/native/sandik-tests, dist/sandik.js"
    ;;
  serve)
    port=8000
    while [ $# -gt 0 ]; do
      case "$1" in
        -p|--port) port=$2; shift 2 ;;
        --speed) SPEED=$2; shift 2 ;;
        --port=*) port=${1#--port=}; shift ;;
        *) die "serve: unknown option $1 (use --port N, --speed X)" ;;
      esac
    done
    build_all
    exec "$ROOT/build/native/sandik" replay "$ROOT/assets/feeds/night" --root "$ROOT" --port "$port" --speed "${SPEED:-60}" \
      --national "$ROOT/assets/feeds/turkiye"
    ;;
  test)
    build_all
    ensure_node_modules
    status=0
    say "native tests (CTest)"
    (cd "$ROOT/build/native" && ctest --output-on-failure -j "$JOBS") || status=1
    say "native tests under ASan + UBSan, and 30 s of fuzzing (CTest)"
    build_sanitize && (cd "$ROOT/build/sanitize" && ctest --output-on-failure) || status=1
    say "browser tests (Chromium)"
    (cd "$ROOT" && node --test tests/browser/*.test.mjs) || status=1
    exit $status
    ;;
  -h|--help|help)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    die "unknown command '$cmd' (build, serve, test, deps)"
    ;;
esac
