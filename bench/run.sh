#!/usr/bin/env bash
# Builds the bench module (and what it depends on) and runs benchmarks; see BENCHMARKS.md.
#
#   bench/run.sh                      # all four benchmarks, default sizes and durations
#   bench/run.sh inprocess --seconds=20 --windows=64,128,256
#   SKIP_BUILD=1 bench/run.sh alarms --pending=200000
#   SKIP_BUILD=1 bench/run.sh grpc --rounds=12 --seconds=24   # 12 interleaved rounds of 2 s per case
#   JAVA_OPTS="-Xmx8g" bench/run.sh all
#
# Results (Markdown) go to standard output, progress to standard error.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  # One reactor run, so the classpath points at the jars just built (each module writes its own
  # target/classpath.txt; the bench module's is the one used).
  mvn -B -q -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt >&2
fi
cp_file=bench/target/classpath.txt
command="${1:-all}"
shift || true
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xms4g -Xmx4g -XX:+AlwaysPreTouch} -cp "bench/target/classes:$(cat "$cp_file")" \
  dev.duro.bench.Bench "$command" "$@"
