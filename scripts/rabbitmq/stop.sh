#!/usr/bin/env bash
# Stops the throwaway RabbitMQ that scripts/rabbitmq/start.sh started (and its
# epmd), and deletes its folder. Does nothing, successfully, when none is running.
set -euo pipefail
. "$(dirname "$0")/../server-state.sh"
stop_state rabbitmq "${PLUGIN_PATTERNS_AMQP_DIR:-}"
if [ -z "$state" ] || [ ! -d "$state" ]; then
  forget_state rabbitmq "${PLUGIN_PATTERNS_AMQP_DIR:-}"
  exit 0
fi
if [ -f "$state/env" ]; then
  # shellcheck disable=SC1091
  . "$state/env"
  # Given the pid file, rabbitmqctl waits until the node's process has exited:
  # without it, it returns while the node still shuts down, in a folder about to go.
  /usr/lib/rabbitmq/bin/rabbitmqctl stop "$state/rabbitmq.pid" >/dev/null 2>&1 || {
    [ -f "$state/rabbitmq.pid" ] && kill -9 "$(cat "$state/rabbitmq.pid")" 2>/dev/null || true
  }
  epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
fi
rm -rf "$state" "$state.lock"
forget_state rabbitmq "${PLUGIN_PATTERNS_AMQP_DIR:-}"
echo "rabbitmq/stop.sh: stopped and removed $state" >&2
