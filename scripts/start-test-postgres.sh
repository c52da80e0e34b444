#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL server for the PostgreSQL test suite, and
# creates the role and database the tests use. Idempotent: safe to run again.
#
#   scripts/start-test-postgres.sh          # then: ./mvnw verify -Ppostgres
#
# Debian's server refuses to run as root, so it is started through pg_ctlcluster, which runs it as
# the postgres user.
set -euo pipefail

DB_NAME=${TASKFLOW_TEST_DATABASE_NAME:-taskflow_test}
DB_USER=${TASKFLOW_TEST_DATABASE_USER:-taskflow}
DB_PASSWORD=${TASKFLOW_TEST_DATABASE_PASSWORD:-taskflow}

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing PostgreSQL from Debian's packages..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql postgresql-contrib >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters --no-header | awk '{print $1" "$2}' | grep -q "^${version} main$"; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters --no-header | awk '$1=="'"$version"'" && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi

psql_as_postgres() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"; }

for _ in $(seq 1 30); do
  psql_as_postgres -c 'select 1' >/dev/null 2>&1 && break
  sleep 1
done

if [ "$(psql_as_postgres -c "select 1 from pg_roles where rolname = '${DB_USER}'")" != "1" ]; then
  psql_as_postgres -c "create role ${DB_USER} login password '${DB_PASSWORD}'"
fi
if [ "$(psql_as_postgres -c "select 1 from pg_database where datname = '${DB_NAME}'")" != "1" ]; then
  psql_as_postgres -c "create database ${DB_NAME} owner ${DB_USER}"
fi

port=$(pg_lsclusters --no-header | awk '$1=="'"$version"'" && $2=="main" {print $3}')
echo "PostgreSQL ${version} is up: jdbc:postgresql://localhost:${port}/${DB_NAME} (user ${DB_USER})"
