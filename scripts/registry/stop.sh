#!/usr/bin/env bash
# Stops the throwaway registry that scripts/registry/start.sh started, and
# deletes its folder. Does nothing, successfully, when none is running.
set -euo pipefail
. "$(dirname "$0")/../server-state.sh"
. "$(dirname "$0")/server-pid.sh"
stop_state registry "${PLUGIN_PATTERNS_REGISTRY_DIR:-}"
if [ -z "$state" ] || [ ! -d "$state" ]; then
  forget_state registry "${PLUGIN_PATTERNS_REGISTRY_DIR:-}"
  exit 0
fi
if pid="$(server_pid)"; then
  # The pid is the server's process group (start.sh starts it with setsid):
  # the shell shim and the Node.js it runs go together.
  group="-$pid"
  kill -TERM -- "$group" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 -- "$group" 2>/dev/null || break; sleep 0.1; done
  # A server left behind once its folder is gone would serve nothing, forever.
  kill -KILL -- "$group" 2>/dev/null || true
fi
rm -rf "$state" "$state.lock"
forget_state registry "${PLUGIN_PATTERNS_REGISTRY_DIR:-}"
echo "registry/stop.sh: stopped and removed $state" >&2
