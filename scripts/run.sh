#!/usr/bin/env bash
# Runs the service locally: installs PostgreSQL when missing, starts a cluster kept under .data/postgres,
# with password authentication (.data/postgres-password), creates the `connectors` database, generates an admin key
# and the key ring certificate once (.data/admin-key, .data/key-ring.pfx), and runs the host on
# http://127.0.0.1:5080 in Development. Ctrl-C stops the host and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/postgres.sh

usage() {
  cat <<'USAGE'
usage: scripts/run.sh [--demo] [--help]

Starts PostgreSQL (under .data/postgres, port $PGPORT or 5433) and the Connectors host on
http://127.0.0.1:5080 (override with HOST_PORT). The admin key is kept in .data/admin-key.
  --demo   also starts the bundled demo OAuth2 provider on http://127.0.0.1:5090 (DEMO_PORT) and
           registers it as the connector "demo", so "Continue with Demo" works at once; registers the
           app "Bookstore" (http://localhost:3000) and writes samples/nextjs-bookstore/.env.local for it.
USAGE
}

demo=0
for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    --demo) demo=1 ;;
    *) echo "unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! command -v dotnet >/dev/null; then
  echo "The .NET SDK is missing: install the SDK band named in global.json (https://dot.net), then run this again." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/run.sh installs and runs PostgreSQL as the postgres user: run it as root (or with sudo)." >&2
  exit 1
fi

pg_port=${PGPORT:-5433}
host_port=${HOST_PORT:-5080}
data="$root/.data"
pg_dir="$data/postgres"
mkdir -p "$data"
chmod 755 "$data"

ensure_postgres_installed
bin=$(pg_bin_dir)
if ! runuser -u postgres -- test -x "$data"; then
  echo "The postgres user cannot reach $data; clone the repository somewhere it can traverse (not under /root)." >&2
  exit 1
fi

host_pid=
demo_pid=
own_cluster=0
cleanup() {
  trap - EXIT INT TERM
  # Keep going when the terminal or a pipe reading our output is gone: PostgreSQL must still stop.
  trap '' PIPE HUP
  if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
    kill -TERM "$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
  fi
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  if [ "$own_cluster" -eq 1 ]; then
    echo "Stopping PostgreSQL..." 2>/dev/null || true
    stop_cluster "$pg_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -f "$pg_dir/data/PG_VERSION" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$pg_dir/data" status >/dev/null 2>&1; then
  echo "PostgreSQL already running from $pg_dir; using it (it stays up afterwards)."
  pg_port=$(sed -n 4p "$pg_dir/data/postmaster.pid")
else
  echo "Starting PostgreSQL on 127.0.0.1:$pg_port (data in .data/postgres)..."
  start_cluster "$pg_dir" "$pg_port"
  own_cluster=1
fi

# Password authentication, not trust: anything on this machine that reaches 127.0.0.1 could otherwise read the
# service's data. The password is made once and kept in .data/postgres-password.
pg_password_file="$data/postgres-password"
if [ ! -s "$pg_password_file" ]; then
  (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$pg_password_file")
fi
chmod 600 "$pg_password_file"
pg_password=$(cat "$pg_password_file")
require_password "$pg_dir" "$pg_port" "$pg_password"
export PGPASSWORD=$pg_password

psql=("$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'connectors'")" != "1" ]; then
  "${psql[@]}" -d postgres -c "CREATE DATABASE connectors" >/dev/null
  echo "Created database connectors."
fi

key_file="$data/admin-key"
if [ ! -s "$key_file" ]; then
  (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$key_file")
fi
chmod 600 "$key_file"
admin_key=$(cat "$key_file")

# The key ring's certificate (Connectors:DataProtection), made once: it encrypts the Data Protection keys kept in
# PostgreSQL, so a dump alone opens no connector secret. Back it up with the database: the secrets need both.
cert_file="$data/key-ring.pfx"
if [ ! -s "$cert_file" ]; then
  if ! command -v openssl >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssl >/dev/null
  fi
  (umask 077
   openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=Connectors key ring" \
     -keyout "$data/key-ring.key" -out "$data/key-ring.crt" 2>/dev/null
   openssl pkcs12 -export -inkey "$data/key-ring.key" -in "$data/key-ring.crt" -out "$cert_file" -passout pass:
   rm -f "$data/key-ring.key" "$data/key-ring.crt")
  echo "Made the key ring certificate .data/key-ring.pfx (back it up with the database)."
fi

echo "Building the host..."
dotnet build src/Connector.Host/Connector.Host.csproj -c Release -nologo -v quiet -o "$data/host"
if [ "$demo" -eq 1 ]; then
  dotnet build samples/DemoProvider/DemoProvider.csproj -c Release -nologo -v quiet -o "$data/demo"
fi

origin="http://127.0.0.1:$host_port"

# The demo provider and its connector: a fresh client secret each run, registered (or updated) over the admin API.
start_demo() {
  local demo_port=${DEMO_PORT:-5090} demo_secret
  demo_secret=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  Demo__ClientId=demo Demo__ClientSecret="$demo_secret" Demo__RedirectUris__0="$origin/callback/demo" \
    ASPNETCORE_URLS="http://127.0.0.1:$demo_port" dotnet "$data/demo/DemoProvider.dll" --contentRoot "$data/demo" >"$data/demo.log" 2>&1 &
  demo_pid=$!
  for _ in $(seq 1 100); do
    curl -fs "$origin/readyz" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$demo_port/" >/dev/null 2>&1 && break
    sleep 0.2
  done
  local config
  config=$(cat <<JSON
{"authorizationEndpoint":"http://127.0.0.1:$demo_port/authorize","tokenEndpoint":"http://127.0.0.1:$demo_port/token",
 "userInfoEndpoint":"http://127.0.0.1:$demo_port/userinfo","clientId":"demo","clientSecret":"$demo_secret","scope":"profile email",
 "profileMap":{"id":"sub","name":"name","avatar":"picture","email":"email","emailVerified":"email_verified"}}
JSON
)
  local auth=(-H "Authorization: Bearer $admin_key" -H "Content-Type: application/json")
  local logos='"logoUrl":"/assets/logos/demo.svg","logoDarkUrl":"/assets/logos/demo-dark.svg"'
  if curl -fs -o /dev/null "${auth[@]}" "$origin/api/connectors/demo"; then
    curl -fs -o /dev/null -X PATCH "${auth[@]}" "$origin/api/connectors/demo" -d "{\"enabled\":true,$logos,\"config\":$config}"
  else
    curl -fs -o /dev/null -X POST "${auth[@]}" "$origin/api/connectors" -d "{\"id\":\"demo\",\"name\":\"Demo\",$logos,\"config\":$config}"
  fi && echo "  Demo provider on http://127.0.0.1:$demo_port, registered as connector 'demo': open $origin/sign-in"
  register_bookstore || echo "  Could not register the app 'Bookstore' (see the host's output above)." >&2
}

# The app "Bookstore" for samples/nextjs-bookstore: created once, found by name on later runs. A secret is shown
# only when made, so a rerun rotates it; .env.local gets the new one (AUTH_SECRET is kept, so cookies stay valid).
register_bookstore() {
  local app_origin=http://localhost:3000 sample="$root/samples/nextjs-bookstore"
  local env_file="$sample/.env.local" auth=(-H "Authorization: Bearer $admin_key" -H "Content-Type: application/json")
  local id answer
  if ! command -v python3 >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 >/dev/null
  fi
  id=$(curl -fs "${auth[@]}" "$origin/api/apps" | python3 -c '
import json, sys
print(next((app["id"] for app in json.load(sys.stdin) if app.get("name") == "Bookstore"), ""))') || return 1
  local done="registered"
  if [ -n "$id" ]; then
    answer=$(curl -fs -X POST "${auth[@]}" "$origin/api/apps/$id/rotate-secret") || return 1
    done="found, its secret rotated"
  else
    answer=$(curl -fs -X POST "${auth[@]}" "$origin/api/apps" -d "{\"name\":\"Bookstore\",
      \"redirectUris\":[\"$app_origin/api/auth/callback/logto\"],\"postLogoutRedirectUris\":[\"$app_origin\"]}") || return 1
  fi
  (umask 077; APP_JSON="$answer" python3 - "$env_file" "$origin/oidc" "$app_origin" <<'PY'
import base64, json, os, sys
path, default_issuer, app_origin = sys.argv[1:4]
app = json.loads(os.environ["APP_JSON"])
kept = {}
if os.path.exists(path):
    for line in open(path, encoding="utf-8"):
        key, _, value = line.strip().partition("=")
        kept[key] = value
secret = kept.get("AUTH_SECRET") or base64.b64encode(os.urandom(32)).decode()
with open(path, "w", encoding="utf-8") as out:
    out.write("# Written by scripts/run.sh --demo for the app \"Bookstore\"; its secret is rotated on every run.\n")
    out.write(f"AUTH_LOGTO_ISSUER={app.get('issuer') or default_issuer}\n")
    out.write(f"AUTH_LOGTO_ID={app['clientId']}\n")
    out.write(f"AUTH_LOGTO_SECRET={app['clientSecret']}\n")
    out.write(f"AUTH_SECRET={secret}\n")
    out.write(f"AUTH_URL={app_origin}\n")
PY
  ) || return 1
  # run.sh runs as root; whoever owns the sample must be able to read its settings.
  chown --reference="$sample" "$env_file" 2>/dev/null || true
  echo "  App 'Bookstore' $done; samples/nextjs-bookstore/.env.local written."
  echo "  Try it: cd samples/nextjs-bookstore && npm ci && npm run dev, then open $app_origin and click Sign In."
}
cat <<INFO

  Connectors is starting on $origin
  Admin key (kept in .data/admin-key): $admin_key
  API reference: $origin/scalar    OpenAPI: $origin/openapi/v1.json

  curl -H "Authorization: Bearer \$(cat .data/admin-key)" $origin/api/connectors

Press Ctrl-C to stop the host and PostgreSQL.
INFO

# The host's runtime settings (scripts/host-runtime.sh) in its own process only; exec keeps $! the host's pid.
( source scripts/host-runtime.sh
  ASPNETCORE_ENVIRONMENT=Development \
  ASPNETCORE_URLS="$origin" \
  ConnectionStrings__Connectors="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=connectors" \
  Connectors__PublicOrigin="$origin" \
  Connectors__AdminApiKeys__0="$admin_key" \
  Connectors__AllowInsecureEndpoints=true \
  Connectors__DataProtection__CertificatePath="$cert_file" \
    exec dotnet "$data/host/Connector.Host.dll" --contentRoot "$data/host" ) &
host_pid=$!

if [ "$demo" -eq 1 ]; then
  start_demo
fi
wait "$host_pid"
