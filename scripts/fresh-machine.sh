#!/usr/bin/env bash
# Sets up a fresh machine and runs `tour` or `test` (or any root script).
#
# The machine may have only an old Node.js and npm. npm fetches pnpm 10 (which
# still runs on Node 20); pnpm then installs the workspace, including the `node`
# package: a Node.js 24 binary from the npm registry. Every pnpm script runs on
# that Node.js, because pnpm puts node_modules/.bin first on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
task="${1:?usage: scripts/fresh-machine.sh <tour|test|bench> [args...]}"
shift
pnpm_version="$(node -p "require('./package.json').packageManager.split('@')[1]")"
# The Node.js every script runs on: the `node` devDependency. pnpm checks the
# packages' engines against it instead of the old Node.js that runs pnpm here.
node_version="$(node -p "require('./package.json').devDependencies.node")"
# No npm update notice: the machine's npm is only the way to fetch pnpm.
export npm_config_update_notifier=false
# The Node.js 24 from the npm registry trusts only the certificate authorities
# built into it; the machine's own list (which its Node.js may use) can hold a
# proxy's. The tests that install from the npm registry need it.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
pnpm() { npx --yes "pnpm@${pnpm_version}" "$@"; }

if [ "$task" = test ]; then
  bash scripts/system-packages.sh
fi
CI="${CI:-true}" pnpm install --frozen-lockfile --config.node-version="$node_version"

if [ "$task" = test ]; then
  # A throwaway PostgreSQL on loopback for the postgres driver's tests. The
  # assignment first, so that a failed start stops the run (eval of nothing would not).
  pg_env="$(bash scripts/postgres/start.sh)"
  eval "$pg_env" # exports PLUGIN_PATTERNS_POSTGRES_URL
  trap 'bash scripts/postgres/stop.sh >/dev/null 2>&1 || true' EXIT
  # A throwaway RabbitMQ on loopback for the bus: the amqp transport, the
  # notification agents' scale-out test and the tour over amqp://.
  amqp_env="$(bash scripts/rabbitmq/start.sh)"
  eval "$amqp_env" # exports PLUGIN_PATTERNS_AMQP_URL
  trap 'bash scripts/postgres/stop.sh >/dev/null 2>&1 || true; bash scripts/rabbitmq/stop.sh >/dev/null 2>&1 || true' EXIT
  # A throwaway npm registry (Verdaccio) on loopback for the release check:
  # `pnpm test:release` publishes every package to it and installs them back.
  registry_env="$(bash scripts/registry/start.sh)"
  eval "$registry_env" # exports PLUGIN_PATTERNS_REGISTRY_URL and _TOKEN
  trap 'bash scripts/postgres/stop.sh >/dev/null 2>&1 || true; bash scripts/rabbitmq/stop.sh >/dev/null 2>&1 || true; bash scripts/registry/stop.sh >/dev/null 2>&1 || true' EXIT
fi
pnpm run "$task" "$@"
