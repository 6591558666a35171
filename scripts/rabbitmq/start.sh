#!/usr/bin/env bash
# Starts a throwaway RabbitMQ for the bus tests (@plugin-patterns/transport-amqp,
# the notification agent's scale-out test, `pnpm tour --transport amqp://…`) and
# prints, on stdout, the shell line that points them at it:
#
#   eval "$(bash scripts/rabbitmq/start.sh)"
#   # -> export PLUGIN_PATTERNS_AMQP_URL='amqp://guest:guest@127.0.0.1:PORT'
#
# The node keeps its data and logs in a temp folder ($PLUGIN_PATTERNS_AMQP_DIR, or
# one of this checkout's: see server-state.sh), listens on 127.0.0.1 only
# (AMQP, Erlang distribution and its own epmd, each on a free port), with the
# default guest user, which RabbitMQ lets in from loopback alone: it is for
# tests, never for data. Running it again while the node is up prints the same
# URL and starts nothing. Installs Debian's rabbitmq-server package first when it
# is missing (needs root or sudo); pass --no-install to fail instead. Stop it
# with scripts/rabbitmq/stop.sh. Everything but the export line goes to stderr.
set -euo pipefail

install=yes
[ "${1:-}" = --no-install ] && install=no

bin=/usr/lib/rabbitmq/bin
log() { echo "rabbitmq/start.sh: $*" >&2; }

if [ ! -x "$bin/rabbitmq-server" ]; then
  if [ "$install" = no ]; then
    log "RabbitMQ is not installed (no $bin/rabbitmq-server)"
    exit 1
  fi
  log "installing Debian's rabbitmq-server package"
  bash "$(dirname "$0")/../system-packages.sh" rabbitmq-server >&2
fi

# After the install: no folder is made for a server that is not installed.
. "$(dirname "$0")/../server-state.sh"
start_state rabbitmq "${PLUGIN_PATTERNS_AMQP_DIR:-}"
print_url() { printf "export PLUGIN_PATTERNS_AMQP_URL='%s'\n" "$(cat "$state/url")"; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

mkdir -p "$state"
# One start at a time per state folder: a second caller waits, then finds the node up.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$state.lock"
  flock 9
fi

if [ -f "$state/url" ] && [ -f "$state/env" ]; then
  port="$(sed -n 's/^export RABBITMQ_NODE_PORT=//p' "$state/env")"
  if port_in_use "$port"; then
    log "already running"
    print_url
    exit 0
  fi
fi

# Whatever is left from an earlier run (a reboot, a killed job) is thrown away
# (the folder named, so that stop.sh leaves this checkout's record of it alone).
PLUGIN_PATTERNS_AMQP_DIR="$state" bash "$(dirname "$0")/stop.sh" >/dev/null 2>&1 || true
mkdir -p "$state"

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  return 1
}

amqp_port="$(free_port)"
dist_port="$(free_port)"
epmd_port="$(free_port)"
node="plugin-patterns-$amqp_port@localhost"
# Everything the node and its tools need, kept so that stop.sh finds the same node.
cat >"$state/env" <<ENV
export HOME='$state'
export RABBITMQ_NODENAME='$node'
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$amqp_port
export RABBITMQ_DIST_PORT=$dist_port
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_EPMD_PORT=$epmd_port
export RABBITMQ_MNESIA_BASE='$state/mnesia'
export RABBITMQ_LOG_BASE='$state/log'
export RABBITMQ_PID_FILE='$state/rabbitmq.pid'
export RABBITMQ_ENABLED_PLUGINS_FILE='$state/enabled_plugins'
export RABBITMQ_CONFIG_FILE='$state/rabbitmq'
export RABBITMQ_ADVANCED_CONFIG_FILE='$state/advanced.config'
export RABBITMQ_CONF_ENV_FILE='$state/rabbitmq-env.conf'
ENV
echo '[].' >"$state/enabled_plugins"
# AMQP on loopback alone (a listener in the config file wins over RABBITMQ_NODE_IP_ADDRESS), no
# management listener, and a disk alarm that a nearly full temp folder of a CI machine does not trip.
printf 'listeners.tcp.1 = 127.0.0.1:%s\ndisk_free_limit.absolute = 50MB\n' "$amqp_port" >"$state/rabbitmq.conf"
# Erlang's distribution (what rabbitmqctl talks to) on loopback too.
echo '[{kernel, [{inet_dist_use_interface, {127,0,0,1}}]}].' >"$state/advanced.config"
: >"$state/rabbitmq-env.conf"
# shellcheck disable=SC1091
. "$state/env"

# Run as the caller (root is fine for a throwaway node): its cookie is in $HOME, the temp folder.
nohup "$bin/rabbitmq-server" >"$state/server.out" 2>&1 9>&- &
for _ in $(seq 1 120); do
  if port_in_use "$amqp_port"; then
    echo "amqp://guest:guest@127.0.0.1:$amqp_port" >"$state/url"
    log "RabbitMQ is up on 127.0.0.1:$amqp_port (node $node, data in $state)"
    print_url
    exit 0
  fi
  sleep 0.5
done
log "error: RabbitMQ did not start within 60 s; its output follows"
cat "$state/server.out" >&2 || true
exit 1
