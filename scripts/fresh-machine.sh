#!/usr/bin/env bash
# Sets up a fresh machine and runs one root script: `tour` or `test`.
#
# The machine may have only an old Node.js and npm. npm fetches pnpm 10 (which
# still runs on Node 20); pnpm then installs the workspace, including the `node`
# package, a Node.js 24 binary from the npm registry. Every pnpm script runs on
# that Node.js, because pnpm puts node_modules/.bin first on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
task="${1:?usage: scripts/fresh-machine.sh <tour|test|bench> [args...]}"
shift
PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"
export CI="${CI:-true}"
npx --yes "pnpm@${PNPM_VERSION}" install --frozen-lockfile
exec npx --yes "pnpm@${PNPM_VERSION}" run "$task" "$@"
