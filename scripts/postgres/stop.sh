#!/usr/bin/env bash
# Stops the throwaway PostgreSQL that scripts/postgres/start.sh started, and
# deletes its folder. Does nothing, successfully, when none is running.
set -euo pipefail
# runuser is in /usr/sbin, which a minimal PATH (CI runs under env -i) leaves out.
PATH="$PATH:/usr/sbin:/sbin"
. "$(dirname "$0")/../server-state.sh"
stop_state postgres "${PLUGIN_PATTERNS_POSTGRES_DIR:-}"
if [ -z "$state" ] || [ ! -d "$state" ]; then
  forget_state postgres "${PLUGIN_PATTERNS_POSTGRES_DIR:-}"
  exit 0
fi
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -n "$bin" ] && [ -f "$state/data/PG_VERSION" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1 || true
  else
    "$bin/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
fi
# Should pg_ctl have failed, the server's own pid file still names it: a
# server left behind once its folder is gone would run forever.
# (A pid file left by a crash may name another process by now: only a postgres is stopped.)
if [ -f "$state/data/postmaster.pid" ]; then
  pid="$(head -n 1 "$state/data/postmaster.pid")"
  if grep -qa postgres "/proc/$pid/cmdline" 2>/dev/null; then
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -rf "$state" "$state.lock"
forget_state postgres "${PLUGIN_PATTERNS_POSTGRES_DIR:-}"
echo "postgres/stop.sh: stopped and removed $state" >&2
