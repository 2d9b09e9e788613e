# Shared PostgreSQL helpers for scripts/test.sh and scripts/run.sh (sourced, not run).
# PostgreSQL comes from Debian's packages; initdb refuses root, so clusters run as the postgres user.

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

ensure_postgres_installed() {
  if [ -n "$(pg_bin_dir)" ]; then return 0; fi
  echo "Installing PostgreSQL from the distribution's packages..." >&2
  # Do not let the package create and start a system-wide cluster: ours live in folders we own.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/no-main-cluster.conf
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql postgresql-client >/dev/null
  [ -n "$(pg_bin_dir)" ] || { echo "PostgreSQL install failed" >&2; return 1; }
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# start_cluster DIR PORT [extra postgres -c options...]: initdb when DIR is new, then start on 127.0.0.1:PORT.
start_cluster() {
  local dir=$1 port=$2; shift 2
  local bin; bin=$(pg_bin_dir)
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  local opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir"
  local extra
  for extra in "$@"; do opts="$opts -c $extra"; done
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -o "$opts" -w -t 30 start >/dev/null
}

stop_cluster() {
  local dir=$1 bin; bin=$(pg_bin_dir)
  [ -f "$dir/data/postmaster.pid" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# require_password DIR PORT PASSWORD: from now on TCP connections to the cluster need PASSWORD (SCRAM-SHA-256); the
# postgres OS user keeps its Unix-socket access (peer), which is how the password is (re)set here on every run.
require_password() {
  local dir=$1 port=$2 password=$3 bin; bin=$(pg_bin_dir)
  printf "ALTER ROLE postgres PASSWORD '%s';\n" "$password" \
    | runuser -u postgres -- "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA >/dev/null
  runuser -u postgres -- sh -c "cat > '$dir/data/pg_hba.conf'" <<'HBA'
# scripts/run.sh: the local cluster takes passwords over TCP, never trust.
local all postgres peer
host  all all 127.0.0.1/32 scram-sha-256
host  all all ::1/128      scram-sha-256
HBA
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" reload >/dev/null
}
