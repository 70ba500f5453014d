#!/usr/bin/env bash
# The local stack: PostgreSQL, a real Kafka broker (KRaft) from Maven Central, and the four services.
#   deploy/stack.sh up [-d] [--demo]   start everything (idempotent); -d returns once all are ready
#   deploy/stack.sh down               stop the services and the broker (PostgreSQL is left as found)
#   deploy/stack.sh status             what runs where
#   deploy/stack.sh token [--partner P] [--role R] [--sub NAME]   print a dev bearer token
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
# Small heap and serial GC: four services and a broker share two cores and a developer's laptop.
JAVA_OPTS_DEFAULT="-Xms32m -Xmx160m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m"
cds_flag() { local jsa="$ROOT_DIR/$1/target/quarkus-app/app-cds.jsa"; [[ -f "$jsa" ]] && echo "-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"; }

build_services() {
  local missing=0
  for s in "${SERVICES[@]}"; do [[ -f "$(service_jar "${s%%:*}")" ]] || missing=1; done
  if [[ $missing -eq 1 || "${STACK_REBUILD:-0}" == 1 ]]; then
    log "building the four services (mvn package -DskipTests)"
    # AppCDS: the class-data archive each service gets at package time cuts its start-up time.
    (cd "$ROOT_DIR" && mvn_cmd -q -B -DskipTests -Dquarkus.package.jar.appcds.enabled=true package \
        -pl engagement-service,ssat-service,task-service,resource-catalog-service) >&2 \
      || die "the build failed; run 'mvn -DskipTests package' to see why"
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
      nohup java ${SERVICE_JAVA_OPTS:-$JAVA_OPTS_DEFAULT} $(cds_flag "$name") \
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
  *) die "usage: stack.sh up [-d] [--demo] | down | status | token [--partner P] [--role R]" ;;
esac
