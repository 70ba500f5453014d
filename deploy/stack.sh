#!/usr/bin/env bash
# The local stack: PostgreSQL, a real Kafka broker (KRaft) from Maven Central, and the four services.
#   deploy/stack.sh up [-d] [--demo]   start everything (idempotent); -d returns once all are ready
#   deploy/stack.sh down               stop the services and the broker (PostgreSQL is left as found)
#   deploy/stack.sh status             what runs where
#   deploy/stack.sh token [--partner P] [--role R] [--sub NAME]   print a dev bearer token
#   deploy/stack.sh train [SERVICE…]   (re)train the services' AOT caches (up does it after a build)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICES=(engagement-service:8081:engagement ssat-service:8082:ssat task-service:8083:task resource-catalog-service:8084:catalog)
JWT_DIR="$STATE_DIR/jwt"
ISSUER="https://successworkshop.local"

ensure_keys() {
  mkdir -p "$JWT_DIR"
  if [[ ! -f "$JWT_DIR/privateKey.pem" ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$JWT_DIR/privateKey.pem" 2>/dev/null
    openssl pkey -in "$JWT_DIR/privateKey.pem" -pubout -out "$JWT_DIR/publicKey.pem"
    log "generated a dev JWT key pair in $JWT_DIR"
  fi
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

token() {
  local partner=partner-a role=fasttrack-manager sub=fm@partner-a.example ttl=28800
  while [[ $# -gt 0 ]]; do
    case $1 in
      --partner) partner=$2; shift 2 ;;
      --role) role=$2; shift 2 ;;
      --sub) sub=$2; shift 2 ;;
      --ttl) ttl=$2; shift 2 ;;
      *) die "unknown option $1 (token [--partner P] [--role R] [--sub NAME] [--ttl SECONDS])" ;;
    esac
  done
  ensure_keys
  local now; now=$(date +%s)
  local groups; groups=$(printf '%s' "$role" | tr ',' '\n' | sed 's/.*/"&"/' | paste -sd, -)
  local header='{"alg":"RS256","typ":"JWT"}'
  local payload="{\"iss\":\"$ISSUER\",\"sub\":\"$sub\",\"upn\":\"$sub\",\"groups\":[$groups],\"partner_id\":\"$partner\",\"iat\":$now,\"exp\":$((now + ttl))}"
  local unsigned; unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
  local sig; sig=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$JWT_DIR/privateKey.pem" | b64url)
  printf '%s.%s\n' "$unsigned" "$sig"
}

service_jar() { echo "$ROOT_DIR/$1/target/quarkus-app/quarkus-run.jar"; }
# The services' JVM flags, one line shared with the benchmarks and system tests (deploy/harness Stack); SERVICE_JAVA_OPTS
# replaces them. Small heap and serial GC: four services and a broker share two cores and a developer's laptop.
options_file() { grep -v '^[[:space:]]*#' "$ROOT_DIR/$1" | tr -s ' \n' ' '; } # JVM flags of a file, comments left out
JAVA_OPTS_DEFAULT="$(options_file deploy/service-jvm.options)"
JAVA_OPTS_DEFAULT="${SERVICE_JAVA_OPTS:-$JAVA_OPTS_DEFAULT}"
# Java 25's AOT cache (JEP 483/514: classes loaded and linked; not the training's method profiles, see AOT_TRAINING_FLAGS)
# from a training run of the packaged jar (train_aot below); AppCDS as the fallback when there is no cache yet.
cds_flag() {
  local app="$ROOT_DIR/$1/target/quarkus-app"
  if [[ -f "$app/app.aot" ]]; then echo "-XX:AOTCache=$app/app.aot -Xlog:aot=off -Xlog:cds=off"; return; fi
  [[ -f "$app/app-cds.jsa" ]] && echo "-XX:SharedArchiveFile=$app/app-cds.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
}

# The training run's own flags (the cache without the training's method profiles: why, in the file).
AOT_TRAINING_FLAGS="$(options_file deploy/aot-training.options)"

# A short training run of one packaged service: started with -XX:AOTCacheOutput on a scratch database and scratch
# topics, asked what a client asks at start (health, OpenAPI, a read, a write where it has one), stopped; the JVM
# writes target/quarkus-app/app.aot as it exits. The real run's flags but the metaspace cap: the cache is assembled in
# the training JVM's metaspace, and a whole Quarkus app does not fit in 128 MB twice.
train_aot() { # train_aot NAME
  local name=$1 app="$ROOT_DIR/$1/target/quarkus-app" port db run
  [[ -f "$app/app.aot" && "$app/app.aot" -nt "$app/quarkus-run.jar" ]] && return 0
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  run="aot_$(date +%s)_$RANDOM"; db="${run}_${name//-/_}"
  ensure_database "$db"
  log "training the AOT cache of $name (a short run on a scratch database)"
  HTTP_PORT=$port DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DB_USER="$PGUSER" \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" KAFKA_GROUP_ID="$run" \
  ENGAGEMENT_TOPIC="$run-engagement" SSAT_TOPIC="$run-ssat" TASK_TOPIC="$run-task" RESOURCE_TOPIC="$run-resource" \
  ENGAGEMENT_DLQ_TOPIC="$run-engagement-dlq" SSAT_DLQ_TOPIC="$run-ssat-dlq" TASK_DLQ_TOPIC="$run-task-dlq" RESOURCE_DLQ_TOPIC="$run-resource-dlq" \
  JWT_PUBLIC_KEY_LOCATION="$JWT_DIR/publicKey.pem" MALLOC_ARENA_MAX=2 \
    java ${TRAINING_JAVA_OPTS:-$(sed -E "s/-XX:MaxMetaspaceSize=[^ ]+//" <<<"$JAVA_OPTS_DEFAULT")} $AOT_TRAINING_FLAGS -XX:AOTCacheOutput="$app/app.aot" -Xlog:aot=error -Xlog:cds=error \
      -jar "$app/quarkus-run.jar" >"$STATE_DIR/logs/$name-aot-training.log" 2>&1 &
  local pid=$!
  wait_for 120 "$name's training run (see $STATE_DIR/logs/$name-aot-training.log)" ready "$port"
  local t; t=$(token --partner aot-training --role fasttrack-manager,catalog-admin,ops)
  local base="http://127.0.0.1:$port"
  for path in /q/health/ready /api/v1/engagements /api/v1/engagements/00000000-0000-0000-0000-000000000000 \
      /api/v1/tasks /api/v1/resources /api/v1/ssat/readiness /api/v1/task-templates; do
    for _ in 1 2 3; do curl -fs -o /dev/null -H "Authorization: Bearer $t" "$base$path" || true; done
  done
  if [[ $name == engagement-service ]]; then
    curl -fs -o /dev/null -H "Authorization: Bearer $t" -H 'Content-Type: application/json' -X POST "$base/api/v1/engagements" \
      -d '{"customerName":"AOT training","licenceCount":25000,"enterprise":true,"intendedServices":["OD"]}' || true
  fi
  kill -TERM $pid; wait $pid 2>/dev/null || true
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 || true
  [[ -f "$app/app.aot" ]] && log "$name: AOT cache $(du -h "$app/app.aot" | cut -f1)" || log "$name: no AOT cache written (AppCDS stays)"
}

build_services() {
  local missing=0
  for s in "${SERVICES[@]}"; do [[ -f "$(service_jar "${s%%:*}")" ]] || missing=1; done
  if [[ $missing -eq 1 || "${STACK_REBUILD:-0}" == 1 ]]; then
    log "building the four services (mvn package -DskipTests)"
    # With the AOT cache (default): Quarkus' aot-jar, whose classes sit on the JDK's class path so that the training
    # run caches the application's classes too (the fast-jar's own class loader keeps them out): first answer 5.8 s →
    # 3.3 s for engagement-service, measured. Without it: AppCDS, archived at package time.
    local packaging="-Dquarkus.package.jar.appcds.enabled=true"
    [[ "${STACK_AOT:-1}" == 1 ]] && packaging="-Dquarkus.package.jar.type=aot-jar"
    (cd "$ROOT_DIR" && mvn_cmd -q -B -DskipTests $packaging package \
        -pl engagement-service,ssat-service,task-service,resource-catalog-service) >&2 \
      || die "the build failed; run 'mvn -DskipTests package' to see why"
  fi
  if [[ "${STACK_AOT:-1}" == 1 ]]; then
    mkdir -p "$STATE_DIR/logs"
    for s in "${SERVICES[@]}"; do train_aot "${s%%:*}"; done
  fi
}

ready() { curl -fs -o /dev/null "http://127.0.0.1:$1/q/health/ready" 2>/dev/null; }

start_services() {
  mkdir -p "$STATE_DIR/logs"
  for s in "${SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$s"
    if port_open "$port"; then log "$name already listening on $port"; continue; fi
    ensure_database "$db"
    log "starting $name on $port"
    HTTP_PORT=$port \
    DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DB_USER="$PGUSER" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    JWT_PUBLIC_KEY_LOCATION="$JWT_DIR/publicKey.pem" \
    CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:3000,http://localhost:5173}" \
    MALLOC_ARENA_MAX=2 \
      nohup java $JAVA_OPTS_DEFAULT $(cds_flag "$name") \
        -jar "$(service_jar "$name")" >"$STATE_DIR/logs/$name.log" 2>&1 &
    echo $! > "$STATE_DIR/$name.pid"
  done
  for s in "${SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$s"
    wait_for 90 "$name (see $STATE_DIR/logs/$name.log)" ready "$port"
  done
}

print_urls() {
  echo
  echo "Success Workshop platform is up:"
  printf '  %-26s %s\n' "PostgreSQL" "$PGHOST:$PGPORT (databases engagement, ssat, task, catalog)"
  printf '  %-26s %s\n' "Kafka (KRaft)" "127.0.0.1:$KAFKA_PORT"
  for s in "${SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$s"
    printf '  %-26s http://localhost:%s  (Swagger UI: http://localhost:%s/q/swagger-ui)\n' "$name" "$port" "$port"
  done
  echo "  Token:  TOKEN=\$(deploy/stack.sh token --partner partner-a --role fasttrack-manager)"
  echo "  Logs:   $STATE_DIR/logs    Stop: deploy/stack.sh down"
}

down() {
  for s in "${SERVICES[@]}"; do stop_pidfile "$STATE_DIR/${s%%:*}.pid" "${s%%:*}"; done
  stop_pidfile "$STATE_DIR/kafka.pid" kafka
}

status() {
  pg_ready && echo "postgres   up   $PGHOST:$PGPORT" || echo "postgres   down"
  kafka_running && echo "kafka      up   127.0.0.1:$KAFKA_PORT" || echo "kafka      down"
  for s in "${SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$s"
    ready "$port" 2>/dev/null && echo "$name up   http://localhost:$port" || echo "$name down"
  done
}

up() {
  local detach=0 demo=0
  for a in "$@"; do
    case $a in -d|--detach) detach=1 ;; --demo) demo=1 ;; *) die "unknown option $a (up [-d] [--demo])" ;; esac
  done
  ensure_postgres
  ensure_kafka
  ensure_keys
  build_services
  start_services
  if [[ $demo -eq 1 ]]; then "$DEPLOY_DIR/demo.sh"; fi
  print_urls
  if [[ $detach -eq 0 ]]; then
    trap 'echo; down; exit 0' INT TERM
    echo "Press Ctrl-C to stop the stack."
    while true; do sleep 3600 & wait $!; done
  fi
}

cmd=${1:-up}; shift || true
case $cmd in
  up) up "$@" ;;
  down) down ;;
  status) status ;;
  token) token "$@" ;;
  train) ensure_postgres; ensure_kafka; ensure_keys; mkdir -p "$STATE_DIR/logs"
         for s in "${SERVICES[@]}"; do [[ $# -eq 0 || " $* " == *" ${s%%:*} "* ]] && train_aot "${s%%:*}"; done ;;
  *) die "usage: stack.sh up [-d] [--demo] | down | status | token [--partner P] [--role R] | train [SERVICE…]" ;;
esac
