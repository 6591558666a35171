#!/usr/bin/env bash
# Starts a throwaway npm registry (Verdaccio) for the release check, and prints
# on stdout the shell lines that point the check at it:
#
#   eval "$(bash scripts/registry/start.sh)"
#   # -> export PLUGIN_PATTERNS_REGISTRY_URL='http://127.0.0.1:PORT/'
#   #    export PLUGIN_PATTERNS_REGISTRY_TOKEN='...'
#
# Its configuration and storage live in a temp folder
# ($PLUGIN_PATTERNS_REGISTRY_DIR, or one of this checkout's: see server-state.sh),
# it listens on 127.0.0.1 only, on a free port, has no uplink (it serves only
# what is published to it: ask it for the @plugin-patterns and @example scopes,
# and the public registry for everything else), and anyone may publish. It is
# for tests, never for packages anyone keeps. Verdaccio itself comes from the
# npm registry, pinned, through `npm exec`, and runs on the repository's
# Node.js. Running it again while the server is up prints the same lines.
# Stop it with scripts/registry/stop.sh. Everything but the export lines goes to stderr.
# --no-install, which the other servers' start.sh take, is accepted and changes
# nothing: Verdaccio comes from the npm registry, never from a system package.
set -euo pipefail
case "${1:-}" in
  '' | --no-install) ;;
  *) echo "usage: bash scripts/registry/start.sh [--no-install]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/../.."
verdaccio_version=6.10.4
. scripts/server-state.sh
. scripts/registry/server-pid.sh
start_state registry "${PLUGIN_PATTERNS_REGISTRY_DIR:-}"
log() { echo "registry/start.sh: $*" >&2; }
# The repository's Node.js (Verdaccio needs 22 or later; the machine's may be older).
export PATH="$PWD/node_modules/.bin:$PATH"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

print_env() {
  printf "export PLUGIN_PATTERNS_REGISTRY_URL='%s'\n" "$(cat "$state/url")"
  printf "export PLUGIN_PATTERNS_REGISTRY_TOKEN='%s'\n" "$(cat "$state/token")"
}

mkdir -p "$state"
# One start at a time per state folder: a second caller waits, then finds the server up.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$state.lock"
  flock 9
fi

if server_pid >/dev/null && [ -f "$state/token" ]; then
  log "already running"
  print_env
  exit 0
fi
rm -rf "$state/storage" "$state/htpasswd" "$state/url" "$state/token" "$state/pid" "$state/server.log"

bin="$(npm exec --yes --loglevel=error --package="verdaccio@$verdaccio_version" -- sh -c 'command -v verdaccio')"
[ -x "$bin" ] || { log "error: could not install verdaccio@$verdaccio_version from the npm registry"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for _ in $(seq 1 20); do
  candidate=$((20000 + RANDOM % 30000))
  port_in_use "$candidate" || { port=$candidate; break; }
done
[ -n "$port" ] || { log "error: no free port found"; exit 1; }

cat >"$state/config.yaml" <<YAML
storage: $state/storage
auth:
  htpasswd:
    file: $state/htpasswd
    max_users: 10
uplinks: {}
packages:
  '**':
    access: \$all
    publish: \$all
    unpublish: \$all
listen: 127.0.0.1:$port
web:
  enable: false
log:
  type: stdout
  format: pretty
  level: warn
YAML

# In a session (and process group) of its own, named by the pid kept here:
# `node` on this PATH is the node package's shell shim, which runs Node.js as
# its child, so stop.sh stops the whole group, not the shim alone.
# The server must not inherit (and hold) the lock.
nohup setsid node "$bin" --config "$state/config.yaml" >"$state/server.log" 2>&1 9>&- &
echo $! >"$state/pid"
url="http://127.0.0.1:$port/"
for _ in $(seq 1 100); do
  if node -e "fetch('${url}-/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then break; fi
  kill -0 "$(cat "$state/pid")" 2>/dev/null || break
  sleep 0.2
done
if ! node -e "fetch('${url}-/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
  log "error: Verdaccio did not start; its log follows"
  cat "$state/server.log" >&2 || true
  exit 1
fi

# npm publishes only with a token: a user of this registry's own, made on the spot.
node -e "
const url = process.argv[1];
fetch(url + '-/user/org.couchdb.user:ci', {
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'ci', password: 'throwaway-' + process.pid }),
}).then(async (response) => {
  const body = await response.json();
  if (!body.token) throw new Error('no token: ' + response.status + ' ' + JSON.stringify(body));
  process.stdout.write(body.token);
}).catch((error) => { console.error(error.message); process.exit(1); });
" "$url" >"$state/token"
echo "$url" >"$state/url"
log "Verdaccio $verdaccio_version is up on 127.0.0.1:$port (storage in $state)"
print_env
