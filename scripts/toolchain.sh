#!/usr/bin/env bash
# Bootstraps the toolchain on a fresh clone, then runs a root script under it.
#
#   bash scripts/toolchain.sh [--browser] [--postgres] <script>
#
# Needs only Node (any version >= 18) and npm. pnpm comes through npx at the pinned version;
# Node 24 comes from the root devDependency "node" (pnpm puts its bin first on PATH), so every
# script runs on Node 24 whatever the system Node is. --browser installs Debian's chromium
# when /usr/bin/chromium is missing (tests drive it through playwright-core). --postgres installs
# Debian's postgresql when its binaries are missing (scripts/postgres.sh; the Postgres storage
# tests start a throwaway server from them).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=0
postgres=0
while [ "${1:-}" = "--browser" ] || [ "${1:-}" = "--postgres" ]; do
  if [ "$1" = "--browser" ]; then browser=1; else postgres=1; fi
  shift
done
script="${1:?usage: toolchain.sh [--browser] [--postgres] <script>}"
shift

PNPM_VERSION=10.34.9
pnpm() { npx --yes "pnpm@${PNPM_VERSION}" "$@"; }

if [ "$browser" = 1 ] && [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "› installing Debian's chromium (tests run in a real headless browser)" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ "$postgres" = 1 ]; then bash scripts/postgres.sh >/dev/null; fi

echo "› installing dependencies with pnpm ${PNPM_VERSION}" >&2
CI="${CI:-true}" pnpm install --frozen-lockfile --reporter=silent

exec npx --yes "pnpm@${PNPM_VERSION}" run "$script" "$@"
