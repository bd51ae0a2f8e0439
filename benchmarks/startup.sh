#!/usr/bin/env bash
# Starts the server jar RUNS times (default 10) with the benchmark's start-up probe and prints, for each
# figure, the median, minimum and maximum: process start → first served request (GET /_mailroom/health),
# → first SQS answer (ListQueues over JSON), CPU used until the first, and idle RSS 2 s later.
#
#   benchmarks/startup.sh                      # after ./mvnw -q -B -DskipTests package -pl emulator-http,benchmarks -am
#   RUNS=20 SERVER_JAR=/tmp/other.jar JAVA_OPTS=-Xmx2g benchmarks/startup.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-10}"
PORT="${PORT:-4597}"
SERVER_JAR="${SERVER_JAR:-$ROOT/emulator-http/target/mailroom.jar}"
BENCH_JAR="$ROOT/benchmarks/target/mailroom-bench.jar"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
for i in $(seq 1 "$RUNS"); do
  # shellcheck disable=SC2086
  java -jar "$BENCH_JAR" startup --port "$PORT" --label mailroom --log "$OUT/server.log" \
      --pid-file "$OUT/pid" --results "$OUT/results.tsv" -- \
      java ${JAVA_OPTS:-} -jar "$SERVER_JAR" --port "$PORT" >/dev/null 2>&1
  pid="$(cat "$OUT/pid")"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  sleep 1 # let the machine settle between starts
done
echo "$RUNS starts of $(basename "$SERVER_JAR") (java ${JAVA_OPTS:-}); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F'\t' '$2 == "startup" && $3 !~ /^#/ { v[$3] = v[$3] " " $4; u[$3] = $5 }
  END {
    n = split("startup_ms first_sqs_ms startup_cpu_ms idle_rss_mib", keys, " ")
    for (k = 1; k <= n; k++) {
      m = split(substr(v[keys[k]], 2), xs, " ")
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (xs[j] + 0 < xs[i] + 0) { t = xs[i]; xs[i] = xs[j]; xs[j] = t }
      med = (m % 2) ? xs[(m + 1) / 2] : (xs[m / 2] + xs[m / 2 + 1]) / 2
      printf "%-16s median %7.0f  min %7.0f  max %7.0f %s\n", keys[k], med, xs[1], xs[m], u[keys[k]]
    }
  }' "$OUT/results.tsv"
