#!/usr/bin/env bash
# Restores, builds (zero warnings), installs Debian's chromium for the browser tests when missing, starts a
# throwaway PostgreSQL on a free loopback port, runs every test project, then the node suites (tests/oidc-clients,
# tests/nextjs-apps, tests/pages, with Node.js and npm from the distribution when missing), stops it, and ends with
# "N passed, N failed, N skipped". Exits non-zero when a test fails or none ran.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/postgres.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null || { echo "dotnet SDK not found (see global.json for the band)" >&2; exit 1; }

ensure_postgres_installed

# --- Browser tests: Debian's chromium, driven by Playwright through CONNECTORS_CHROMIUM (never a downloaded browser).
chromium_bin=/usr/lib/chromium/chromium
if [ ! -x "$chromium_bin" ]; then
  echo "Installing chromium for tests/Connector.Browser.Tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x "$chromium_bin" ] || { echo "chromium install failed: $chromium_bin is missing" >&2; exit 1; }
fi
export CONNECTORS_CHROMIUM="$chromium_bin"
# ---

pg_dir=$(mktemp -d /tmp/connectors-test-pg.XXXXXX)
results=$(mktemp -d /tmp/connectors-test-results.XXXXXX)
cleanup() { stop_cluster "$pg_dir"; rm -rf "$pg_dir"; }
trap cleanup EXIT
pg_port=$(free_port)
# Durability off: a throwaway test server trades crash safety for speed.
start_cluster "$pg_dir" "$pg_port" fsync=off synchronous_commit=off full_page_writes=off max_connections=300
export CONNECTORS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL for tests on 127.0.0.1:$pg_port"

if command -v docker-compose >/dev/null && [ -f docker-compose.yml ]; then
  docker-compose -f docker-compose.yml config -q && echo "docker-compose.yml: valid"
fi

dotnet restore Connectors.sln
dotnet build Connectors.sln --no-restore -c Release -warnaserror

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build -c Release \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# --- OIDC clients from npm (issue 5): openid-client and @auth/core against the built host and demo provider ---
node_counts="0 0 0"
if ! command -v npm >/dev/null; then
  echo "Installing Node.js and npm from the distribution's packages..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null || true
fi
if command -v node >/dev/null && command -v npm >/dev/null && (cd tests/oidc-clients && npm ci --no-audit --no-fund --loglevel=error); then
  (cd tests/oidc-clients && CONNECTORS_BUILD_CONFIGURATION=Release node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$results/oidc-clients.tap" test/*.test.mjs) || status=1
  node_counts=$(awk '/^# pass /{p+=$3} /^# (fail|cancelled) /{f+=$3} /^# (skipped|todo) /{s+=$3} END{print p+0, f+0, s+0}' "$results/oidc-clients.tap")
else
  echo "tests/oidc-clients could not run: Node.js 20+ and npm are needed" >&2
  status=1
fi
# --- end OIDC clients ---

# --- Next.js apps (issue 11): the Bookstore samples (Auth.js v5, NextAuth v4) built with npm ci + next build,
# started with next start, and signed in through the host in headless chromium; counted into the final line ---
next_counts="0 0 0"
export NEXT_TELEMETRY_DISABLED=1
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 9) ? 0 : 1)' 2>/dev/null; then
  echo "tests/nextjs-apps could not run: Next.js 16 needs Node.js 20.9+, found $(node --version 2>/dev/null || echo none)" >&2
  status=1
elif (cd tests/nextjs-apps && npm ci --no-audit --no-fund --loglevel=error); then
  (cd tests/nextjs-apps && CONNECTORS_BUILD_CONFIGURATION=Release node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$results/nextjs-apps.tap" test/*.test.mjs) || status=1
  if [ -f "$results/nextjs-apps.tap" ]; then
    next_counts=$(awk '/^# pass /{p+=$3} /^# (fail|cancelled) /{f+=$3} /^# (skipped|todo) /{s+=$3} END{print p+0, f+0, s+0}' "$results/nextjs-apps.tap")
  fi
else
  echo "tests/nextjs-apps could not run: npm ci failed" >&2
  status=1
fi
# --- end Next.js apps ---

# --- End-user pages (issue 14): axe-core in headless chromium on the sign-in, error and account pages, light and
# dark, two brand colours, 375 and 1280 px; a keyboard-only sign-in; the README's screenshots; counted into the final line ---
pages_counts="0 0 0"
if (cd tests/pages && npm ci --no-audit --no-fund --loglevel=error); then
  (cd tests/pages && CONNECTORS_BUILD_CONFIGURATION=Release node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$results/pages.tap" test/*.test.mjs) || status=1
  if [ -f "$results/pages.tap" ]; then
    pages_counts=$(awk '/^# pass /{p+=$3} /^# (fail|cancelled) /{f+=$3} /^# (skipped|todo) /{s+=$3} END{print p+0, f+0, s+0}' "$results/pages.tap")
  fi
else
  echo "tests/pages could not run: npm ci failed" >&2
  status=1
fi
# --- end end-user pages ---

# Add up the TRX counters: dotnet test's own summary is not a line CI reads.
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
read -r node_passed node_failed node_skipped <<<"$node_counts" # OIDC clients (issue 5)
passed=$((passed + node_passed)); failed=$((failed + node_failed)); skipped=$((skipped + node_skipped))
read -r next_passed next_failed next_skipped <<<"$next_counts" # Next.js apps (issue 11)
passed=$((passed + next_passed)); failed=$((failed + next_failed)); skipped=$((skipped + next_skipped))
read -r pages_passed pages_failed pages_skipped <<<"$pages_counts" # end-user pages (issue 14)
passed=$((passed + pages_passed)); failed=$((failed + pages_failed)); skipped=$((skipped + pages_skipped))
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || [ "$status" -ne 0 ]; then exit 1; fi
if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
