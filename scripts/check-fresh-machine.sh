#!/usr/bin/env bash
# The clean-machine check: `npm test` as a new user runs it, on a machine without the servers the suite
# installs. A fresh clone of HEAD in a temp folder; `apt-get remove` of redis-server and the PostgreSQL server
# packages (the psql client and libpq stay); optionally an empty n8n cache; then `npm test` in the clone.
# Needs root and Debian's apt (it removes system packages; `npm test` installs them again).
# Usage: scripts/check-fresh-machine.sh [--empty-n8n-cache]    (runs the whole suite: an hour or more)
set -euo pipefail

empty_cache=0
for arg in "$@"; do
	case "$arg" in
		--empty-n8n-cache) empty_cache=1 ;;
		-h | --help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown option: $arg" >&2; exit 2 ;;
	esac
done
[ "$(id -u)" -eq 0 ] || { echo "run as root: it removes redis-server and PostgreSQL with apt-get" >&2; exit 2; }
command -v apt-get >/dev/null || { echo "needs Debian's apt-get" >&2; exit 2; }

repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
work=$(mktemp -d "${TMPDIR:-/tmp}/sacs-fresh-XXXXXX")
echo "• fresh clone of $commit in $work/clone"
git clone --quiet --no-local "$repo" "$work/clone"
git -C "$work/clone" checkout --quiet --detach "$commit"

# dpkg-query exits 1 when one of the names matches no package it ever knew (e.g. postgresql-contrib, which
# `npm test` does not install): that only means there is nothing of it to remove.
servers=$({ dpkg-query -W -f '${db:Status-Abbrev} ${Package}\n' redis-server postgresql 'postgresql-[0-9]*' postgresql-contrib 2>/dev/null || true; } |
	awk '$1 ~ /^ii/ { print $2 }' | tr '\n' ' ')
if [ -n "$servers" ]; then
	echo "• apt-get remove $servers"
	DEBIAN_FRONTEND=noninteractive apt-get remove -y --quiet $servers
fi
# Nothing the suite would find must be left: it looks exactly here (scripts/install-queue-services.mjs).
if command -v redis-server >/dev/null || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	echo "a redis-server or postgres binary is still installed; remove it first" >&2
	exit 1
fi
unset SACS_E2E_REDIS_SERVER SACS_E2E_POSTGRES_BIN

if [ "$empty_cache" -eq 1 ]; then
	export SACS_N8N_CACHE="$work/n8n-cache"
	echo "• empty n8n cache: $SACS_N8N_CACHE"
fi

echo "• npm test in the clone"
cd "$work/clone"
status=0
npm test || status=$?
echo "• clean-machine check: npm test exited $status (clone kept in $work)"
exit "$status"
