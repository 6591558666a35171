# Sourced by start.sh and stop.sh of scripts/registry, scripts/postgres and
# scripts/rabbitmq: the folder a throwaway server keeps its state in.
#
# It is the folder the server's variable names (PLUGIN_PATTERNS_*_DIR), when
# set: scripts/throwaway-server.ts names a new one for each run. Otherwise it
# is a temp folder start.sh makes, whose path it records in this checkout's
# .cache/servers/NAME, where stop.sh and a second start.sh find it. One fixed
# path (/tmp/plugin-patterns-NAME) would be shared by every checkout on the
# machine: two CI runs at once would use, and stop, each other's server.

servers_record="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.cache/servers"

# For start.sh: sets `state` to the named folder ($2), else to this checkout's
# recorded one while it exists, else to a new temp folder, recorded. A second
# start.sh at the same time waits for the record, then finds the same folder.
start_state() {
  if [ -n "$2" ]; then
    state="$2"
    return
  fi
  mkdir -p "$servers_record"
  {
    if command -v flock >/dev/null 2>&1; then flock 8; fi
    recorded_state "$1"
    if [ -z "$state" ]; then
      state="$(mktemp -d "${TMPDIR:-/tmp}/plugin-patterns-$1.XXXXXX")"
      echo "$state" >"$servers_record/$1"
    fi
  } 8>"$servers_record/$1.lock"
}

# For stop.sh: sets `state` to the named folder ($2), else to this checkout's
# recorded one; empty when there is neither.
stop_state() {
  if [ -n "$2" ]; then
    state="$2"
  else
    recorded_state "$1"
  fi
}

# Sets `state` to the folder this checkout's record names, when it is one
# start_state made: stop.sh deletes it (rm -rf) and may source a file in it, so
# the record, a file anyone who can write to the checkout can write, is not
# trusted. It must name a folder (not a link) of the current user's whose name
# has mktemp's form above. Any other record is forgotten, and said so; one naming
# a folder gone since (a reboot cleared the temp folder) is forgotten quietly.
recorded_state() {
  state="$(cat "$servers_record/$1" 2>/dev/null || true)"
  [ -n "$state" ] || return 0
  if [ ! -e "$state" ] && [ ! -L "$state" ]; then
    state=""
  elif [ -L "$state" ] || [ ! -d "$state" ] || [ ! -O "$state" ] ||
    ! [[ "$(basename "$state")" =~ ^plugin-patterns-$1\.[A-Za-z0-9]{6}$ ]]; then
    printf 'server-state.sh: forgetting .cache/servers/%s: %q is not a folder of this user named plugin-patterns-%s.XXXXXX\n' \
      "$1" "$state" "$1" >&2
    state=""
  fi
  [ -n "$state" ] || rm -f "$servers_record/$1"
}

# For stop.sh, once the folder is gone: so is the record of it (unless it was named).
forget_state() {
  if [ -z "$2" ]; then rm -f "$servers_record/$1"; fi
}
