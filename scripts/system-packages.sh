#!/usr/bin/env bash
# Installs the Debian packages the full test suite needs, when they are missing:
# PostgreSQL (the postgres storage driver's conformance run), RabbitMQ (the amqp
# transport and the notification agents' tests) and Chromium (the docs site's
# browser test). Needs root or sudo; does nothing when all are there.
# Name packages to look at only those (the server start scripts do):
#   bash scripts/system-packages.sh postgresql
set -euo pipefail
wanted=" ${*:-chromium postgresql rabbitmq-server} "
missing=()
[[ $wanted == *" chromium "* ]] && ! command -v chromium >/dev/null 2>&1 && missing+=(chromium)
[[ $wanted == *" postgresql "* ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && missing+=(postgresql)
[[ $wanted == *" rabbitmq-server "* ]] && [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && missing+=(rabbitmq-server)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}" >&2
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: ${missing[*]} missing and no root or sudo to install them" >&2; exit 1; }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >&2
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The package starts a system-wide RabbitMQ on every address; the tests start their own on loopback.
if [[ " ${missing[*]} " == *" rabbitmq-server "* ]]; then
  "${as_root[@]}" service rabbitmq-server stop >/dev/null 2>&1 || true
fi
