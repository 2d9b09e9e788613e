#!/usr/bin/env bash
# The benchmark (README, Performance): engine exchanges/s against nginx answering fixed JSON, a bare
# HttpClient loop as yardstick and Logto's published OAuth connector (bench/logto, on node) doing the same exchange,
# every exchange figure also as a ratio to the bare loop and to Logto; then full browser sign-ins against the real host
# and PostgreSQL (also over two instances on one database, each request to the next instance in turn), user search
# with BENCH_SEED_USERS users seeded (1,000,000), and the scale point: BENCH_SEED_AUDIT audit events (5,000,000) seeded
# beside them, audit paging, and the sign-ins again. Loopback only; bounded (about 7 minutes plus the seeding); writes
# bench/results/{results.json,results.md,chart.svg}. BENCH_SECONDS sets the time per point (5).
#
#   scripts/bench.sh --engine-only the exchanges only (engine, bare loop, Logto): no PostgreSQL, host, sign-ins or
#                                  seeding; writes bench/results/engine-only/
#   scripts/bench.sh --telemetry   the returning sign-in only, first with telemetry off (OTEL_SDK_DISABLED=true), then on
#                                  (every request traced, spans and metrics exported by OTLP/HTTP to a sink in the nginx
#                                  provider, /metrics scraped every second); writes bench/results/telemetry/{off,on}/
set -euo pipefail
mode=all
case "${1:-}" in
  --telemetry) mode=telemetry ;;
  --engine-only) mode=engine ;;
  "") ;;
  *) echo "usage: scripts/bench.sh [--engine-only | --telemetry]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/postgres.sh
seconds=${BENCH_SECONDS:-5}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ "$mode" = engine ] || ensure_postgres_installed
if ! command -v nginx >/dev/null || [ ! -f /usr/lib/nginx/modules/ngx_http_js_module.so ]; then
  echo "Installing nginx and its njs module from the distribution's packages..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light libnginx-mod-http-js >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx libnginx-mod-http-js >/dev/null
fi

# The Logto column: Node.js and npm from the distribution's packages (as scripts/test.sh), the connector from the
# committed lockfile. Before anything is built, so a missing node fails in seconds rather than after the engine runs.
if [ "$mode" != telemetry ]; then
  if ! command -v npm >/dev/null; then
    echo "Installing Node.js and npm from the distribution's packages..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  (cd bench/logto && npm ci --no-audit --no-fund --loglevel=error)
fi

work=$(mktemp -d /tmp/connectors-bench.XXXXXX)
chmod 755 "$work"
host_pid=
second_pid=
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [ -n "$second_pid" ] && kill "$second_pid" 2>/dev/null && wait "$second_pid" 2>/dev/null || true
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  stop_cluster "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

pg_port=$(free_port); nginx_port=$(free_port); host_port=$(free_port); second_port=$(free_port)
host="http://127.0.0.1:$host_port"
second="http://127.0.0.1:$second_port"
provider="http://127.0.0.1:$nginx_port"
admin_key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

mkdir -p "$work/nginx/body"
sed -e "s|__DIR__|$work/nginx|g" -e "s|__PORT__|$nginx_port|g" -e "s|__REPO__|$root|g" \
    -e "s|__CALLBACK__|$host/callback/bench|g" bench/nginx/nginx.conf.template > "$work/nginx/nginx.conf"
nginx -p /usr/share/nginx -c "$work/nginx/nginx.conf"

dotnet build bench/Connector.Bench/Connector.Bench.csproj -c Release -nologo -v quiet -o "$work/bench"
if [ "$mode" = engine ]; then
  dotnet "$work/bench/Connector.Bench.dll" --provider "$provider" --seconds "$seconds" --out bench/results/engine-only \
    --logto "$root/bench/logto"
  exit 0
fi

# PostgreSQL with its default durability: the sign-in numbers include real commits.
start_cluster "$work/pg" "$pg_port" max_connections=200
runuser -u postgres -- "$(pg_bin_dir)/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres connectors
database="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=connectors"

dotnet build src/Connector.Host/Connector.Host.csproj -c Release -nologo -v quiet -o "$work/host"

# launch URL [VAR=value ...]: an instance listening on URL in Production with the given extra environment; every
# instance has the first one's public origin, as instances behind one load balancer do. Waits for its /readyz.
launch() {
  local url=$1; shift
  # The host's runtime settings as shipped (scripts/host-runtime.sh), in its own process only: not the load generator's.
  ( source "$root/scripts/host-runtime.sh"
    exec env "$@" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" \
    ConnectionStrings__Connectors="$database" Connectors__PublicOrigin="$host" Connectors__AdminApiKeys__0="$admin_key" \
    Connectors__AllowInsecureEndpoints=true Connectors__DataProtection__AllowUnencryptedKeys=true Logging__LogLevel__Default=Warning \
    Connectors__RateLimits__SignIn__PermitLimit=0 Connectors__RateLimits__Callback__PermitLimit=0 Connectors__RateLimits__Admin__PermitLimit=0 \
      dotnet "$work/host/Connector.Host.dll" --contentRoot "$work/host" ) >> "$work/host.log" 2>&1 &
  launched=$!
  for _ in $(seq 1 150); do curl -fs "$url/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
}
# start_host [VAR=value ...]: the first instance.
start_host() { launch "$host" "$@"; host_pid=$launched; }
stop_host() { kill "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null || true; host_pid=; }

start_host
curl -fs -o /dev/null -X POST "$host/api/connectors" -H "Authorization: Bearer $admin_key" -H 'Content-Type: application/json' -d "{
  \"id\": \"bench\", \"name\": \"Bench\", \"config\": {
  \"authorizationEndpoint\": \"$provider/authorize\", \"tokenEndpoint\": \"$provider/token\", \"userInfoEndpoint\": \"$provider/userinfo\",
  \"clientId\": \"bench\", \"clientSecret\": \"bench-secret\", \"profileMap\": { \"id\": \"sub\" } } }"

if [ "$mode" = telemetry ]; then
  # Off first, then on, against the same database: the on run's users are returning ones already.
  stop_host
  for telemetry in off on; do
    if [ "$telemetry" = off ]; then
      start_host OTEL_SDK_DISABLED=true
    else
      start_host OTEL_EXPORTER_OTLP_ENDPOINT="$provider" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
        OTEL_METRIC_EXPORT_INTERVAL=5000 OTEL_BSP_SCHEDULE_DELAY=1000
      ( while kill -0 "$host_pid" 2>/dev/null; do curl -fs -o /dev/null -H "Authorization: Bearer $admin_key" "$host/metrics" || true; sleep 1; done ) &
    fi
    dotnet "$work/bench/Connector.Bench.dll" --provider "$provider" --seconds "$seconds" --out "bench/results/telemetry/$telemetry" \
      --host "$host" --connector bench --host-pid "$host_pid" --returning-only --label "telemetry $telemetry"
    stop_host
  done
  exit 0
fi

launch "$second"; second_pid=$launched
dotnet "$work/bench/Connector.Bench.dll" --provider "$provider" --seconds "$seconds" --out bench/results --logto "$root/bench/logto" \
  --host "$host" --second-host "$second" --connector bench --database "$database" --host-pid "$host_pid" \
  --admin-key "$admin_key" --seed-users "${BENCH_SEED_USERS:-1000000}" --seed-audit "${BENCH_SEED_AUDIT:-5000000}"
