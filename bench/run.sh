#!/usr/bin/env bash
# The pipeline benchmark in one command: starts the local stack (README's run command) on a fresh data directory with
# durable PostgreSQL, times its start-up, runs bench/PipelineBenchmark.java against it and stops it again.
#   bench/run.sh [sections...]        (after ./mvnw -q -DskipTests install; sections: see PipelineBenchmark.java)
# Figures go to stdout and to bench/results/<UTC timestamp>.txt; docs/benchmarks.md explains them.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=local-stack/target/doorstroom-local-exec.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -DskipTests install" >&2; exit 2; }
cp=$(./mvnw -q -o -pl local-stack dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
data=$(mktemp -d /tmp/doorstroom-bench.XXXXXX)
# the services start from class-data archives written at the last stop after a build (local-stack ClassData)
# (compgen: with pipefail, `ls … | wc -l` on a fresh build, no archives yet, ended this script without a word)
archives=$(compgen -G 'local-stack/target/services/class-data/*/*.jsa' | wc -l || true)
if [ "${DOORSTROOM_CLASS_DATA:-on}" = off ]; then class_data=off; elif [ "$archives" -ge 6 ]; then class_data=read; else class_data="none yet, written at this run's stop"; fi
mkdir -p bench/results
out=bench/results/$(date -u +%Y%m%dT%H%M%SZ).txt
start=$(date +%s.%N)
DOORSTROOM_DATA="$data" DOORSTROOM_RATE_LIMIT="${DOORSTROOM_RATE_LIMIT:-100000}" java -jar "$jar" > "$data/stack.out" 2>&1 &
stack=$!
# BENCH_KEEP_DATA=1 keeps the data directory (the services' logs are in its logs/) for a look after the run
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null; [ -n "${BENCH_KEEP_DATA:-}" ] && echo "data and logs kept in $data" || rm -rf "$data"' EXIT
until grep -q "Doorstroom is ready" "$data/stack.out"; do
  kill -0 $stack 2>/dev/null || { cat "$data/stack.out"; exit 1; }
  sleep 0.2
done
startup=$(echo "$(date +%s.%N) - $start" | bc)
sleep "${BENCH_SETTLE_SECONDS:-20}"   # the catalogue loads and the JVMs settle before "at rest" is measured
BENCH_STARTUP_SECONDS=$startup BENCH_CLASS_DATA="$class_data" java -Xmx1g -Dlogback.configurationFile=bench/logback.xml -cp "$cp" bench/PipelineBenchmark.java "$@" | tee "$out"
echo "figures in $out"
