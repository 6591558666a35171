#!/usr/bin/env bash
# Stops the throwaway registry that scripts/registry/start.sh started, and
# deletes its folder. Does nothing, successfully, when none is running.
set -euo pipefail
state="${PLUGIN_PATTERNS_REGISTRY_DIR:-${TMPDIR:-/tmp}/plugin-patterns-registry}"
[ -d "$state" ] || exit 0
if [ -f "$state/pid" ]; then
  pid="$(cat "$state/pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  # Verdaccio can outlive a TERM by holding its keep-alive connections open;
  # a server left behind after its folder is gone would serve nothing, forever.
  kill -KILL "$pid" 2>/dev/null || true
fi
rm -rf "$state"
echo "registry/stop.sh: stopped and removed $state" >&2
