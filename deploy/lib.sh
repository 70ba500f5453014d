# Shared by stack.sh and test.sh: PostgreSQL and Kafka for the local stack and the tests.
# shellcheck shell=bash
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$DEPLOY_DIR/.." && pwd)"
STATE_DIR="${STACK_STATE_DIR:-$DEPLOY_DIR/.stack}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
export PGHOST PGPORT PGUSER
mkdir -p "$STATE_DIR"

# Java 25 (LTS) builds and runs the services: JAVA_HOME when it is 25 or newer, else one found under /usr/lib/jvm.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
ensure_java25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's#/$##' | sort -rV); do
    [[ -n "$candidate" && -x "$candidate/bin/javac" ]] || continue
    local major; major=$(java_major "$candidate")
    if [[ -n "$major" && "$major" -ge 25 ]]; then
      export JAVA_HOME="$candidate" PATH="$candidate/bin:$PATH"
      return 0
    fi
  done
  printf '[stack] ERROR: %s\n' "Java 25 or newer is needed: install a JDK 25 (e.g. apt-get install openjdk-25-jdk-headless from Debian trixie, or Temurin 25) and set JAVA_HOME to it" >&2
  exit 1
}
ensure_java25

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

mvn_cmd() {
  if [[ -x "$ROOT_DIR/mvnw" ]]; then "$ROOT_DIR/mvnw" "$@"; else mvn "$@"; fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && exec 3>&- 3<&-; }

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local limit=$1 what=$2; shift 2
  local start=$SECONDS
  until "$@"; do
    (( SECONDS - start >= limit )) && die "$what not ready after ${limit}s"
    sleep 0.3
  done
}

pg_ready() { pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; }

ensure_postgres() {
  if command -v pg_isready >/dev/null && pg_ready; then return 0; fi
  if ! command -v pg_isready >/dev/null || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      log "PostgreSQL not installed: installing it with apt-get (Debian's postgresql package)"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
        || die "could not install PostgreSQL; install it (apt-get install postgresql) or set PGHOST/PGPORT to a running server"
      local conf; conf=$(ls -d /etc/postgresql/*/main | head -1)
      # Local trust auth over TCP for the development stack only.
      grep -q "successworkshop" "$conf/pg_hba.conf" || sed -i '1i host all all 127.0.0.1/32 trust # successworkshop' "$conf/pg_hba.conf"
    else
      die "no PostgreSQL at $PGHOST:$PGPORT; start one (trust auth for user $PGUSER) or run as root so this script can apt-get install postgresql"
    fi
  fi
  if command -v pg_ctlcluster >/dev/null; then
    local version; version=$(ls /etc/postgresql | sort -V | tail -1)
    log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  fi
  wait_for 30 "PostgreSQL at $PGHOST:$PGPORT" pg_ready
}

# The frontend checks (deploy/frontend): Node.js + npm for Redocly, openapi-typescript and tsc; Debian's Chromium for
# the browser test. Installed with apt-get where they are missing (as root), then the pinned npm packages (npm ci).
ensure_frontend_tools() {
  local missing=()
  command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      log "installing ${missing[*]} with apt-get (Debian's packages) for the frontend checks"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
        || die "could not install ${missing[*]}; install them (apt-get install ${missing[*]})"
    else
      die "the frontend checks need ${missing[*]}: apt-get install ${missing[*]} (or run this script as root)"
    fi
  fi
  local dir="$ROOT_DIR/deploy/frontend"
  if [[ ! -d $dir/node_modules || $dir/package-lock.json -nt $dir/node_modules ]]; then
    log "npm ci in deploy/frontend (Redocly, openapi-typescript, openapi-fetch, typescript 5, playwright-core)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in deploy/frontend"
    touch "$dir/node_modules"
  fi
}

ensure_database() { # ensure_database NAME
  local db=$1
  if ! psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "create database \"$db\"" >/dev/null
    log "created database $db"
  fi
}

kafka_lib() {
  local lib="$DEPLOY_DIR/kafka/target/lib"
  if [[ ! -f "$lib/.complete" ]]; then
    log "fetching the Apache Kafka broker (org.apache.kafka:kafka_2.13) from Maven Central"
    mvn_cmd -q -B -f "$DEPLOY_DIR/kafka/pom.xml" package >&2 || die "could not fetch the Kafka broker jars with Maven"
    touch "$lib/.complete"
  fi
  echo "$lib"
}

kafka_running() { port_open "$KAFKA_PORT"; }

ensure_kafka() {
  if kafka_running; then log "Kafka already listening on 127.0.0.1:$KAFKA_PORT"; return 0; fi
  local lib; lib=$(kafka_lib)
  local dir="$STATE_DIR/kafka"
  mkdir -p "$dir/logs"
  sed -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" -e "s#@DATA_DIR@#$dir/data#g" \
    "$DEPLOY_DIR/kafka/server.properties.template" > "$dir/server.properties"
  local java_opts=(-Xms256m -Xmx512m -XX:+UseSerialGC -Dkafka.logs.dir="$dir/logs"
                   -Dlog4j2.configurationFile="$DEPLOY_DIR/kafka/log4j2.properties" -cp "$lib/*")
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    local cluster_id; cluster_id=$(java "${java_opts[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" >/dev/null 2>&1 \
      || die "could not format Kafka storage in $dir/data"
  fi
  log "starting Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT"
  nohup java "${java_opts[@]}" kafka.Kafka "$dir/server.properties" >"$dir/logs/stdout.log" 2>&1 &
  echo $! > "$STATE_DIR/kafka.pid"
  wait_for 60 "Kafka on port $KAFKA_PORT" kafka_running
}

stop_pidfile() { # stop_pidfile FILE NAME
  local file=$1 name=$2
  [[ -f "$file" ]] || return 0
  local pid; pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    log "stopped $name"
  fi
  rm -f "$file"
}
