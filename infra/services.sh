#!/usr/bin/env bash
# Make Redis and PostgreSQL reachable at REDIS_URL / DATABASE_URL (defaults 127.0.0.1:6379 / :5432).
# Already running: nothing to do. Otherwise start private instances with data under .data/
# (installing Debian's redis-server / postgresql when missing and we are root), or
# `docker compose up -d redis postgres` where a Docker engine runs. Says in one line what it did.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/govwatch}
redis_port=$(node -e 'console.log(new URL(process.env.REDIS_URL).port || 6379)')
pg_port=$(node -e 'console.log(new URL(process.env.DATABASE_URL).port || 5432)')
pg_user=$(node -e 'console.log(decodeURIComponent(new URL(process.env.DATABASE_URL).username) || "postgres")')

status() { node infra/check-services.mjs 2>/dev/null | grep -q "^$1 ok"; }
did=()
apt_install() {
  [ "$(id -u)" = 0 ] || { echo "services: $1 is not running and not installed; install Debian's $1 (as root: apt-get install -y $1) or set ${2}" >&2; exit 1; }
  (apt-get install -y -qq "$1" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$1" >/dev/null; })
  did+=("installed $1")
}
docker_up() { command -v docker >/dev/null && docker info >/dev/null 2>&1 && docker compose up -d "$1" >/dev/null 2>&1; }

if ! status redis; then
  if ! command -v redis-server >/dev/null && docker_up redis; then
    did+=("started redis in docker")
  else
    command -v redis-server >/dev/null || apt_install redis-server REDIS_URL
    mkdir -p .data/redis
    redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$root/.data/redis" --appendonly yes \
      --maxmemory-policy noeviction --save '' --daemonize yes --logfile "$root/.data/redis/redis.log"
    did+=("started private redis-server on 127.0.0.1:$redis_port (.data/redis)")
  fi
fi

if ! status postgres; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$pg_bin" ] && docker_up postgres; then
    did+=("started postgres in docker")
  else
    if [ -z "$pg_bin" ]; then apt_install postgresql DATABASE_URL; pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); fi
    data="$root/.data/postgres"
    as_pg=()
    # PostgreSQL refuses to run as root: run it as the postgres system user.
    if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); mkdir -p "$data"; chown postgres "$data"; chmod 700 "$data"; fi
    [ -f "$data/PG_VERSION" ] || "${as_pg[@]}" "$pg_bin/initdb" -D "$data" -U "$pg_user" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $pg_port -c listen_addresses=127.0.0.1 -k /tmp" start >/dev/null
    did+=("started private postgres on 127.0.0.1:$pg_port (.data/postgres)")
  fi
fi

if status redis && status postgres; then
  if [ ${#did[@]} -eq 0 ]; then echo "services: redis and postgres already reachable"; else echo "services: $(IFS=';'; echo "${did[*]}")"; fi
else
  echo "services: still unreachable: $(node infra/check-services.mjs | grep down | tr '\n' ' ')(REDIS_URL=$REDIS_URL DATABASE_URL=$DATABASE_URL)" >&2
  exit 1
fi
