#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the tests of @plugin-patterns/storage-postgres
# and prints, on stdout, the shell line that points the tests at it:
#
#   eval "$(bash scripts/postgres/start.sh)"
#   # -> export PLUGIN_PATTERNS_POSTGRES_URL='postgres://postgres@127.0.0.1:PORT/plugin_patterns'
#
# The cluster lives in a temp folder ($PLUGIN_PATTERNS_POSTGRES_DIR, or one of
# this checkout's: see server-state.sh), listens on 127.0.0.1 only, on a free
# port, with trust authentication: it is for tests, never for data. Running it
# again while the server is up prints the same URL and starts nothing.
# Installs Debian's postgresql package first when no initdb is found (needs root
# or sudo); pass --no-install to fail instead. Stop it with scripts/postgres/stop.sh.
# Everything but the export line goes to stderr.
set -euo pipefail

install=yes
[ "${1:-}" = --no-install ] && install=no

database=plugin_patterns
log() { echo "postgres/start.sh: $*" >&2; }

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if [ "$install" = no ]; then
    log "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)"
    exit 1
  fi
  log "installing Debian's postgresql package"
  bash "$(dirname "$0")/../system-packages.sh" postgresql >&2
  bin="$(find_bin)"
fi

# initdb refuses to run as root: as root, the cluster belongs to the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su -s /bin/sh postgres -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

# After the install: no folder is made for a server that is not installed.
. "$(dirname "$0")/../server-state.sh"
start_state postgres "${PLUGIN_PATTERNS_POSTGRES_DIR:-}"
print_url() { printf "export PLUGIN_PATTERNS_POSTGRES_URL='%s'\n" "$(cat "$state/url")"; }

mkdir -p "$state"
# One start at a time per state folder: a second caller waits, then finds the server up.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$state.lock"
  flock 9
fi

if [ -f "$state/url" ] && as_owner "$bin/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
  log "already running"
  print_url
  exit 0
fi

# Whatever is left from an earlier run (a reboot, a killed job) is thrown away.
if [ -d "$state/data" ]; then
  as_owner "$bin/pg_ctl" -D "$state/data" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$state/data" "$state/url" "$state/server.log"
if [ "$(id -u)" -eq 0 ]; then
  # The folder stays root's (server-state.sh trusts a recorded folder only when
  # it is the caller's); the postgres user writes to it as its group.
  chgrp postgres "$state"
  chmod 770 "$state"
  as_owner test -w "$state" || { log "error: the postgres user cannot write to $state (is a parent folder private?)"; exit 1; }
fi

as_owner "$bin/initdb" -D "$state/data" -U postgres -A trust -E UTF8 --locale=C --no-sync --no-instructions >/dev/null

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
started=no
for _ in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + RANDOM % 30000))
  port_in_use "$port" && continue
  if as_owner "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 30 \
    -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$state -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null 9>&-; then  # the server must not inherit (and hold) the lock
    started=yes
    break
  fi
  log "could not start on port $port, trying another"
done
if [ "$started" = no ]; then
  log "error: PostgreSQL did not start; its log follows"
  cat "$state/server.log" >&2 || true
  exit 1
fi

"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"
echo "postgres://postgres@127.0.0.1:$port/$database" >"$state/url"
log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') is up on 127.0.0.1:$port (data in $state)"
print_url
