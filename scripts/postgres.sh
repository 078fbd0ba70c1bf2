#!/usr/bin/env bash
# Prints the directory of Debian's PostgreSQL server binaries (initdb, postgres), installing the
# `postgresql` package with apt-get when they are missing. The Postgres tests run a throwaway
# server from there (packages/service/test/postgres-server.ts); nothing here starts a server.
#
#   bash scripts/postgres.sh            # → /usr/lib/postgresql/15/bin
#
# Installs run under a lock, so test files that start at once do not race on dpkg. Exits
# non-zero when PostgreSQL can be neither found nor installed: the tests then fail, never skip.
set -euo pipefail

find_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if find_bindir; then exit 0; fi

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
lock="${TMPDIR:-/tmp}/handoff-postgres-install.lock"
(
  flock -w 600 9
  if ! find_bindir >/dev/null; then
    echo "› installing Debian's postgresql (the Postgres storage tests run a real server)" >&2
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  fi
) 9>"$lock"

find_bindir || {
  echo "postgres.sh: PostgreSQL binaries not found under /usr/lib/postgresql after installing" >&2
  exit 1
}
