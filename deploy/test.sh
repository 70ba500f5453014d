#!/usr/bin/env bash
# Runs every test on real PostgreSQL and a real Kafka broker (started here when none runs).
# Each test run uses its own databases, topics and consumer groups, so it can share a running stack.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

started_kafka=0
cleanup() {
  if [[ $started_kafka -eq 1 ]]; then stop_pidfile "$STATE_DIR/kafka.pid" kafka; fi
}
trap cleanup EXIT

ensure_postgres
ensure_frontend_tools
if ! kafka_running; then started_kafka=1; fi
ensure_kafka
# The outage tests run a private broker of their own from these jars, even when a running broker is reused.
kafka_lib >/dev/null

# Quarkus maps KAFKA_BOOTSTRAP_SERVERS onto kafka.bootstrap.servers above any test override, which would send the
# outage test's app to the shared broker instead of its private one: the tests find the broker at its default address.
unset KAFKA_BOOTSTRAP_SERVERS
cd "$ROOT_DIR"
# Only in CI: the fault tests may restart this machine's PostgreSQL under load.
extra=()
if [[ "${CI:-}" == "true" ]]; then extra+=(-Dfault.postgres=true); fi
mvn_cmd -B -ntp verify "${extra[@]}" "$@"
# The specs the build just wrote, as a frontend team uses them: lint, no untyped operation, a client that compiles.
deploy/frontend/check.sh
