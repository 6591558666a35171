#!/usr/bin/env bash
# Stops the throwaway PostgreSQL that scripts/postgres/start.sh started, and
# deletes its folder. Does nothing, successfully, when none is running.
set -euo pipefail
state="${PLUGIN_PATTERNS_POSTGRES_DIR:-${TMPDIR:-/tmp}/plugin-patterns-postgres}"
[ -d "$state" ] || exit 0
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -n "$bin" ] && [ -f "$state/data/PG_VERSION" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1 || true
  else
    "$bin/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
fi
rm -rf "$state" "$state.lock"
echo "postgres/stop.sh: stopped and removed $state" >&2
