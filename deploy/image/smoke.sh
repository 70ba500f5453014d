#!/usr/bin/env bash
# Smoke test of the images: build, inspect, push to a local registry, pull and run with podman against the local
# PostgreSQL and Kafka, one authenticated request, SIGTERM, clean-up. Prints one "SMOKE PASS|FAIL" line per service.
#
#   deploy/image/smoke.sh [service...|all]      engagement-service when none is named
#
# Needs root (podman with vfs storage in a temporary root); installs podman, runc, skopeo, umoci and
# docker-registry from Debian when missing. Environment: KAFKA_BOOTSTRAP_SERVERS (localhost:9092; a broker is
# started there from deploy/kafka when none answers), PGHOST/PGPORT/PGUSER (127.0.0.1:5432, postgres),
# SMOKE_MEMORY (512m: the pods' memory limit), SMOKE_READY_TIMEOUT (120 s), SMOKE_KEEP=1 keeps the work directory,
# SMOKE_CPUS=1 limits CPU as the pods' limit does, SMOKE_BUILD=0 tests the archives already in deploy/image/target, SMOKE_LOAD=N sends N more GETs and reports the peak RSS, SMOKE_JAVA_OPTIONS replaces the image's JDK_JAVA_OPTIONS.
# The images are built by build.sh into deploy/image/target (IMAGE_* variables apply).
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}"
KAFKA_PORT="${BOOTSTRAP##*:}"
# A broker started here on another port than 9092 needs its own controller port too (9093 may be taken).
[[ "$KAFKA_PORT" == 9092 ]] || KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
export KAFKA_PORT ${KAFKA_CONTROLLER_PORT:+KAFKA_CONTROLLER_PORT}
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
IMAGE_DIR="$DEPLOY_DIR/image"
OUT="${IMAGE_OUT:-$IMAGE_DIR/target}"
MEMORY="${SMOKE_MEMORY:-512m}"
READY_TIMEOUT="${SMOKE_READY_TIMEOUT:-120}"
ISSUER="https://successworkshop.local"
declare -A PROBE=([engagement-service]=/api/v1/engagements [ssat-service]=/api/v1/ssat/readiness
                  [task-service]=/api/v1/task-templates [resource-catalog-service]=/api/v1/resources)

say() { printf '[smoke] %s\n' "$*" >&2; }
fail() { printf 'SMOKE FAIL %s: %s\n' "${CURRENT:-setup}" "$*"; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
  # Developers' machines: the smoke test needs root; CI (CI=true) must run it.
  [[ "${CI:-}" == true ]] && fail "run as root: podman runs the images with vfs storage in a temporary root"
  echo "SMOKE SKIP: not root (podman runs the images with vfs storage in a temporary root); CI runs it as root"; exit 0
fi
missing=()
for c in podman runc skopeo umoci docker-registry jq zip curl openssl; do command -v "$c" >/dev/null || missing+=("$c"); done
if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing ${missing[*]} (Debian)"
  pkgs=("${missing[@]/docker-registry/docker-registry}")
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null) \
    || fail "could not install ${missing[*]}: apt-get install --no-install-recommends ${missing[*]}"
fi

services=("$@")
[[ ${#services[@]} -gt 0 ]] || services=(engagement-service)
[[ "${services[0]}" == all ]] && services=(engagement-service ssat-service task-service resource-catalog-service)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/image-smoke.XXXXXX")
P=(podman --root "$WORK/storage" --runroot "$WORK/run" --storage-driver vfs --cgroup-manager=cgroupfs --events-backend=file)
REGISTRY_PID=""
DATABASES=()
started_kafka=0
cleanup() {
  local rc=$?
  set +e
  "${P[@]}" rm -af -t 5 >/dev/null 2>&1 || true
  "${P[@]}" system reset -f >/dev/null 2>&1 || true
  if [[ -n "$REGISTRY_PID" ]]; then kill "$REGISTRY_PID" 2>/dev/null; wait "$REGISTRY_PID" 2>/dev/null; fi
  for db in "${DATABASES[@]}"; do psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 || true; done
  if [[ $started_kafka -eq 1 ]]; then stop_pidfile "$STATE_DIR/kafka.pid" kafka; fi
  if [[ "${SMOKE_KEEP:-0}" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT

# Below the kernel's ephemeral range (ip_local_port_range): a port from inside it was free when picked, then taken by the
# service's own Kafka client connection before Quarkus bound it ("Port 37500 seems to be in use").
EPHEMERAL_LOW=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
(( EPHEMERAL_LOW > 21000 )) || EPHEMERAL_LOW=32768
free_port() { local p; for _ in $(seq 1 50); do p=$((20000 + RANDOM % (EPHEMERAL_LOW - 20000))); port_open "$p" || { echo "$p"; return; }; done; fail "no free port"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() { # the claims deploy/stack.sh token signs
  local n; n=$(date +%s)
  local payload="{\"iss\":\"$ISSUER\",\"sub\":\"smoke@partner-a.example\",\"upn\":\"smoke@partner-a.example\",\"groups\":[\"fasttrack-manager\"],\"partner_id\":\"partner-a\",\"iat\":$n,\"exp\":$((n + 600))}"
  local unsigned; unsigned="$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf '%s' "$payload" | b64url)"
  printf '%s.%s' "$unsigned" "$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$WORK/jwt/privateKey.pem" | b64url)"
}

T_ALL=$(now)
# lib.sh's functions exit on failure: run them in a subshell to print the FAIL line.
(ensure_postgres) || fail "no PostgreSQL at $PGHOST:$PGPORT"
if ! kafka_running; then started_kafka=1; (ensure_kafka) || fail "could not start Kafka on 127.0.0.1:$KAFKA_PORT (see $STATE_DIR/kafka/logs)"; fi

mkdir -p "$WORK/jwt" "$WORK/registry"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt/privateKey.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt/privateKey.pem" -pubout -out "$WORK/jwt/publicKey.pem"
chmod 644 "$WORK/jwt/publicKey.pem"

# A local registry (Debian's docker-registry, the CNCF distribution) on a free port of 127.0.0.1.
REG_PORT=$(free_port)
cat > "$WORK/registry/config.yml" <<EOF
version: 0.1
log: { level: error, accesslog: { disabled: true } }
storage: { filesystem: { rootdirectory: $WORK/registry/data }, delete: { enabled: true } }
http: { addr: "127.0.0.1:$REG_PORT" }
EOF
docker-registry serve "$WORK/registry/config.yml" >"$WORK/registry/log" 2>&1 &
REGISTRY_PID=$!
wait_for 30 "registry on 127.0.0.1:$REG_PORT" curl -fs -o /dev/null "http://127.0.0.1:$REG_PORT/v2/"

T_BUILD=$(now)
if [[ "${SMOKE_BUILD:-1}" != 0 ]]; then "$IMAGE_DIR/build.sh" "${services[@]}" || fail "build.sh failed"; fi
BUILD_S=$(since "$T_BUILD")
REVISION=$(git -C "$ROOT_DIR" rev-parse HEAD)

for svc in "${services[@]}"; do
  CURRENT=$svc
  T_SVC=$(now)
  archive="$OUT/$svc.oci.tar"
  [[ -f "$archive" && -f "$OUT/$svc.cdx.json" && -f "$OUT/$svc.packages.txt" ]] || fail "missing $archive or its SBOM"
  digest=$(cat "$OUT/$svc.digest")

  # Inspect: user, exec-form entrypoint without a shell, labels.
  config=$(skopeo inspect --config "oci-archive:$archive") || fail "skopeo inspect failed"
  [[ $(jq -r '.config.User' <<<"$config") == 185 ]] || fail "user is $(jq -r '.config.User' <<<"$config"), not 185"
  entry=$(jq -r '.config.Entrypoint | join(" ")' <<<"$config")
  [[ "$entry" == /opt/java/bin/java*" -jar /deployments/quarkus-run.jar" ]] || fail "entrypoint is '$entry'"
  for label in source revision version created; do
    [[ -n $(jq -r ".config.Labels[\"org.opencontainers.image.$label\"] // empty" <<<"$config") ]] || fail "label org.opencontainers.image.$label missing"
  done
  [[ "${SMOKE_BUILD:-1}" == 0 || $(jq -r '.config.Labels["org.opencontainers.image.revision"]' <<<"$config") == "$REVISION" ]] || fail "revision label is not HEAD"
  # Dockerfile.jvm kept in step: the same Java options.
  opts=$(jq -r '.config.Env[] | select(startswith("JDK_JAVA_OPTIONS=")) | sub("^JDK_JAVA_OPTIONS="; "")' <<<"$config")
  grep -qF "ENV JDK_JAVA_OPTIONS=\"$opts\"" "$ROOT_DIR/$svc/src/main/docker/Dockerfile.jvm" || fail "$svc/src/main/docker/Dockerfile.jvm has other JDK_JAVA_OPTIONS than the image ($opts)"
  # No shell anywhere in the image: the entrypoint does not need one.
  mkdir -p "$WORK/layout-$svc" && tar -xf "$archive" -C "$WORK/layout-$svc"
  shells=$(for l in $(jq -r '.layers[].digest' "$WORK/layout-$svc/blobs/sha256/${digest#sha256:}"); do
             tar -tzf "$WORK/layout-$svc/blobs/sha256/${l#sha256:}"; done | grep -E '^(\./)?(usr/)?bin/(sh|bash|dash)$' || true)
  [[ -z "$shells" ]] || fail "the image contains a shell: $shells"
  rm -rf "$WORK/layout-$svc"

  # Push to the local registry and pull it back from there with podman.
  ref="127.0.0.1:$REG_PORT/success-workshop/$svc:smoke"
  skopeo copy --quiet --dest-tls-verify=false "oci-archive:$archive" "docker://$ref" >/dev/null || fail "push to $ref failed"
  pushed=$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$ref") || fail "inspect of $ref failed"
  [[ "$pushed" == "$digest" ]] || fail "registry digest $pushed differs from the archive's $digest"
  "${P[@]}" pull --quiet --tls-verify=false "$ref" >/dev/null || fail "podman pull $ref failed"

  db="smoke_${svc//-/_}_$(date +%s)_$RANDOM"
  DATABASES+=("$db")
  ensure_database "$db" 2>/dev/null
  port=$(free_port)
  # As a pod runs it: read-only root (podman mounts a tmpfs on /tmp), no capabilities, memory limit of the pod.
  T_RUN=$(now)
  "${P[@]}" run -d --name "smoke-$svc" --runtime runc --network=host \
    --ulimit nofile=10000:10000 --ulimit nproc=4096:4096 --memory "$MEMORY" ${SMOKE_CPUS:+--cpus "$SMOKE_CPUS"} \
    --read-only --cap-drop=ALL --security-opt no-new-privileges \
    -v "$WORK/jwt/publicKey.pem:/etc/workshop/jwt/publicKey.pem:ro" \
    -e HTTP_PORT="$port" -e DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" -e DB_USER="$PGUSER" \
    -e KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" -e JWT_PUBLIC_KEY_LOCATION=/etc/workshop/jwt/publicKey.pem \
    -e KAFKA_GROUP_ID="smoke-$svc-$RANDOM" ${SMOKE_JAVA_OPTIONS:+-e "JDK_JAVA_OPTIONS=$SMOKE_JAVA_OPTIONS"} \
    "$ref" >/dev/null || fail "podman run failed"
  ready=0
  while (( $(awk -v s="$(since "$T_RUN")" -v t="$READY_TIMEOUT" 'BEGIN{print (s < t)}') )); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then ready=1; break; fi
    [[ $("${P[@]}" inspect -f '{{.State.Running}}' "smoke-$svc") == true ]] || break
    sleep 0.2
  done
  READY_S=$(since "$T_RUN")
  if [[ $ready -ne 1 ]]; then "${P[@]}" logs --tail 40 "smoke-$svc" >&2; fail "not ready after ${READY_S}s"; fi
  started=$("${P[@]}" logs "smoke-$svc" 2>&1 | sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' | head -1 || true)
  pid=$("${P[@]}" inspect -f '{{.State.Pid}}' "smoke-$svc")
  # CPU time the JVM used until ready (utime + stime): steadier than wall time on a busy machine.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")

  code=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Authorization: Bearer $(token)" "http://127.0.0.1:$port${PROBE[$svc]}")
  [[ "$code" == 200 ]] || { cat "$WORK/body" >&2; fail "GET ${PROBE[$svc]} answered $code, not 200"; }
  anonymous=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port${PROBE[$svc]}")
  [[ "$anonymous" == 401 ]] || fail "GET ${PROBE[$svc]} without a token answered $anonymous, not 401"
  rss=$(awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$pid/status")
  uid=$(awk '/^Uid:/{print $2}' "/proc/$pid/status")
  load=""
  if [[ "${SMOKE_LOAD:-0}" -gt 0 ]]; then
    # SMOKE_LOAD=N: N more authenticated GETs, 8 at a time, then the peak RSS (for sizing the pods).
    bearer="Authorization: Bearer $(token)"; T_LOAD=$(now)
    seq "$SMOKE_LOAD" | xargs -P 8 -I{} curl -s -o /dev/null -H "$bearer" "http://127.0.0.1:$port${PROBE[$svc]}"
    load_s=$(since "$T_LOAD")
    load=$(awk -v n="$SMOKE_LOAD" -v s="$load_s" '/VmRSS/{r=$2} /VmHWM/{h=$2} END{printf ", after %d GETs (%.0f/s): RSS %d MB, peak %d MB", n, n/s, r/1024, h/1024}' "/proc/$pid/status")
  fi
  [[ "$uid" == 185 ]] || fail "the JVM runs as uid $uid, not 185"

  # SIGTERM (podman stop), as Kubernetes stops a pod: Quarkus drains and the JVM exits 143 (128 + SIGTERM).
  T_STOP=$(now)
  before_stop=$("${P[@]}" logs "smoke-$svc" 2>&1 | wc -l)
  "${P[@]}" stop -t 40 "smoke-$svc" >/dev/null
  STOP_S=$(since "$T_STOP")
  exit_code=$("${P[@]}" inspect -f '{{.State.ExitCode}}' "smoke-$svc")
  [[ "$exit_code" == 143 || "$exit_code" == 0 ]] || { "${P[@]}" logs --tail 30 "smoke-$svc" >&2; fail "exit code $exit_code after SIGTERM"; }
  "${P[@]}" logs "smoke-$svc" > "$WORK/$svc.log" 2>&1
  grep -q "$svc stopped in" "$WORK/$svc.log" || fail "no 'stopped in' line after SIGTERM"
  if head -n "$before_stop" "$WORK/$svc.log" | grep -E ' (ERROR|FATAL) ' >&2; then fail "errors in the log before SIGTERM"; fi
  tail -n "+$((before_stop + 1))" "$WORK/$svc.log" | grep -E ' (ERROR|FATAL) ' > "$WORK/$svc.late" || true
  if [[ -s "$WORK/$svc.late" ]]; then
    head -3 "$WORK/$svc.late" >&2
    echo "SMOKE WARN $svc: $(wc -l < "$WORK/$svc.late") error line(s) logged by the application while it shut down (above); exit code and 'stopped in' are as expected"
  fi
  "${P[@]}" rm "smoke-$svc" >/dev/null
  "${P[@]}" rmi -f "$ref" >/dev/null 2>&1 || true
  printf 'SMOKE PASS %s: %s (%s MB) uid %s, pushed and pulled %s, ready in %s s (Quarkus: started in %s s, %s s CPU), GET %s 200, RSS %s MB (limit %s)%s, SIGTERM -> exit %s in %s s; %s s\n' \
    "$svc" "$(cat "$OUT/$svc.name")" "$(du -m "$archive" | cut -f1)" "$uid" "$digest" "$READY_S" "${started:-?}" "$cpu" \
    "${PROBE[$svc]}" "$rss" "$MEMORY" "$load" "$exit_code" "$STOP_S" "$(since "$T_SVC")"
done
CURRENT=""
printf 'SMOKE PASS all: %s image(s) built in %s s, smoke test %s s in total\n' "${#services[@]}" "$BUILD_S" "$(since "$T_ALL")"
