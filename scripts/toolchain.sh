#!/usr/bin/env bash
# Bootstraps the toolchain on a fresh clone, then runs a root script under it.
#
#   bash scripts/toolchain.sh [--browser] <script>
#
# Needs only Node (any version >= 18) and npm. pnpm comes through npx at the pinned version;
# Node 24 comes from the root devDependency "node" (pnpm puts its bin first on PATH), so every
# script runs on Node 24 whatever the system Node is. --browser installs Debian's chromium
# when /usr/bin/chromium is missing (tests drive it through playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=0
if [ "${1:-}" = "--browser" ]; then browser=1; shift; fi
script="${1:?usage: toolchain.sh [--browser] <script>}"
shift

PNPM_VERSION=10.34.9
pnpm() { npx --yes "pnpm@${PNPM_VERSION}" "$@"; }

if [ "$browser" = 1 ] && [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "› installing Debian's chromium (tests run in a real headless browser)" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "› installing dependencies with pnpm ${PNPM_VERSION}" >&2
CI="${CI:-true}" pnpm install --frozen-lockfile --reporter=silent

exec npx --yes "pnpm@${PNPM_VERSION}" run "$script" "$@"
