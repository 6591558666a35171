# Sourced by scripts/registry/start.sh and stop.sh: the pid of the Verdaccio
# that start.sh started in "$state", read from "$state/pid".
#
# The file is not trusted: a server gone since (a reboot, a killed job) leaves
# a pid that may name another process by now, and stop.sh signals the whole
# process group the pid names (`kill -- -1` would signal every process). So
# the pid counts only when it is a number above 1 and its command line (the
# node shim's, then Node.js's: both carry start.sh's arguments) names this
# folder's config.yaml.

# Prints the pid and succeeds when it is our server's; fails, printing nothing, otherwise.
server_pid() {
  local pid
  pid="$(cat "$state/pid" 2>/dev/null || true)"
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  [ "$pid" -gt 1 ] || return 1
  grep -qaF -- "$state/config.yaml" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}
