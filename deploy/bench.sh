#!/usr/bin/env bash
# Benchmarks (issue 9): separate from the tests; each prints its figures.
#   deploy/bench.sh [startup|read|write-to-effect|catch-up|cpu|all]  [-Drate=100 -Dseconds=15 -Devents=100000 -Dconcurrency=8 -Dwarmup=… -DwarmupRate=…]
# Each benchmark starts its own copies of the packaged services (fresh databases and topics) on PostgreSQL and the
# Kafka broker (started here when none runs). Run it on a quiet machine: the figures are only as good as that.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
what=${1:-all}; shift || true
ensure_postgres
started_kafka=0
if ! kafka_running; then started_kafka=1; fi
ensure_kafka
trap '[[ $started_kafka -eq 1 ]] && stop_pidfile "$STATE_DIR/kafka.pid" kafka' EXIT
cd "$ROOT_DIR"
if [[ ! -f engagement-service/target/quarkus-app/quarkus-run.jar || "${BENCH_REBUILD:-0}" == 1 ]]; then
  mvn_cmd -q -B -DskipTests -Dquarkus.package.jar.type=aot-jar package -pl engagement-service,ssat-service,task-service,resource-catalog-service >&2
fi
# Start-up is measured with each service's AOT cache, as the stack runs them (BENCH_AOT=0: without, when none is there).
if [[ "${BENCH_AOT:-1}" == 1 && ( $what == startup || $what == all ) ]]; then
  "$ROOT_DIR/deploy/stack.sh" train >&2
fi
mvn_cmd -q -B -DskipTests package -pl deploy/harness >&2
# The reference is packaged as the services are (aot-jar), so that its start-up figure is trained the same way.
mvn_cmd -q -B -DskipTests -Dquarkus.package.jar.type=aot-jar package -pl deploy/bench/reference-app >&2
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
exec java -Xmx1g "$@" -Dproject.root="$ROOT_DIR" -cp "deploy/harness/target/classes:$(cat deploy/harness/target/classpath.txt)" \
  com.successworkshop.harness.bench.Bench "$what"
