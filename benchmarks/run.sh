#!/usr/bin/env bash
# Measures Mailroom beside ElasticMQ on this machine, in one run, and prints a Markdown table.
#
#   benchmarks/run.sh              build, start both servers, run every scenario, stop both
#
# Env (all optional): SKIP_BUILD=1, THREADS (4), SECONDS_PER_SCENARIO (10), WARMUP (5), PRIME (60),
#   SCENARIOS (all; "fanout" = fanout1,fanout10,fanout100,fanoutlatency, SNS → SQS, run against Mailroom
#   only: the bench skips a server without SNS, e.g. ElasticMQ), DEEP_MESSAGES (1000000), LONGPOLL_ITERATIONS (300), MAILROOM_PORT (4599),
#   ELASTICMQ_PORT (9324), PEERS (dir of elasticmq.sh; default ../shared/peers beside the repo),
#   MAILROOM_HEAP (2g), OUT (where logs and results go; default benchmarks/target/run-<time>),
#   SERVER_JAR (default emulator-http/target/mailroom.jar),
#   QUIET_WAIT (60: seconds to wait, at most, for other work on the machine to settle before measuring),
#   FLOOR (1: after the scenarios, measure the machine's floor with benchmarks/floor.sh; 0 skips it).
# Progress goes to stderr; stdout carries only the machine line and the table.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MAILROOM_PORT="${MAILROOM_PORT:-4599}"
export ELASTICMQ_PORT="${ELASTICMQ_PORT:-9324}"
PEERS="${PEERS:-$ROOT/../shared/peers}"
OUT="${OUT:-$ROOT/benchmarks/target/run-$(date +%Y%m%d-%H%M%S)}"
RESULTS="$OUT/results.tsv"
BENCH_JAR="$ROOT/benchmarks/target/mailroom-bench.jar"

log() { echo "run.sh: $*" >&2; }

cpu_busy_percent() {  # whole-machine CPU busy over one second, from /proc/stat
  local a b
  read -r -a a < <(head -1 /proc/stat)
  sleep 1
  read -r -a b < <(head -1 /proc/stat)
  local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

wait_for_quiet() {  # on a shared machine, other builds would be measured as server or client cost
  local deadline=$(( $(date +%s) + ${QUIET_WAIT:-60} )) busy
  while busy=$(cpu_busy_percent); [ "$busy" -gt 20 ]; do
    if [ "$(date +%s)" -ge "$deadline" ]; then log "machine still ${busy}% busy; measuring anyway"; return; fi
    log "machine ${busy}% busy with other work; waiting"
    sleep 4
  done
}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # Only the server and what it depends on: other modules' tests need not compile for a benchmark.
  if grep -q '<module>benchmarks</module>' pom.xml; then
    log "building (./mvnw -q -B -DskipTests package -pl emulator-http,benchmarks -am)"
    ./mvnw -q -B -DskipTests package -pl emulator-http,benchmarks -am >&2
  else
    # Not yet a reactor module: build it on its own against the installed parent POM.
    log "building (./mvnw -q -B -DskipTests package -pl emulator-http -am; benchmarks/pom.xml)"
    ./mvnw -q -B -DskipTests package -pl emulator-http -am >&2
    ./mvnw -q -B -N install >&2
    ./mvnw -q -B -f benchmarks/pom.xml package >&2
  fi
fi
if [ -z "${SERVER_JAR:-}" ]; then
  for candidate in emulator-http/target/mailroom.jar emulator-http/target/mailroom-all.jar; do
    if [ -f "$candidate" ]; then SERVER_JAR="$ROOT/$candidate"; break; fi
  done
fi
[ -f "${SERVER_JAR:-}" ] || { log "no server jar in emulator-http/target (or SERVER_JAR)"; exit 1; }
[ -f "$BENCH_JAR" ] || { log "no $BENCH_JAR"; exit 1; }

mkdir -p "$OUT"
: >"$RESULTS"
MAILROOM_PID=""
ELASTICMQ_PID=""
BENCH_PID=""

stop_pid() {  # stop one process this script started: TERM, then KILL after 15 s
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  if [ -n "${BENCH_PID:-}" ]; then kill -TERM "$BENCH_PID" 2>/dev/null || true; wait "$BENCH_PID" 2>/dev/null || true; fi
  if [ -n "$MAILROOM_PID" ]; then log "stopping Mailroom ($MAILROOM_PID)"; stop_pid "$MAILROOM_PID"; fi
  if [ -n "$ELASTICMQ_PID" ]; then "$PEERS/elasticmq.sh" stop "$ELASTICMQ_PID" >&2 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for_quiet
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# Mailroom: the bench jar spawns it and times process start -> first 200 from /_mailroom/health.
log "starting Mailroom on 127.0.0.1:$MAILROOM_PORT"
# A failed start is retried (twice at most) and recorded: the table should say so, not hide it.
for attempt in 1 2 3; do
  if java -jar "$BENCH_JAR" startup --port "$MAILROOM_PORT" --label mailroom \
      --log "$OUT/mailroom.log" --pid-file "$OUT/mailroom.pid" --results "$RESULTS" -- \
      java "-Xmx${MAILROOM_HEAP:-2g}" -jar "$SERVER_JAR" --port "$MAILROOM_PORT" >&2; then
    break
  fi
  cp "$OUT/mailroom.log" "$OUT/mailroom-failed-start-$attempt.log"
  first_line="$(grep -m1 -E 'Exception|Error' "$OUT/mailroom.log" | tr '\t' ' ' || true)"
  printf 'mailroom\tstartup\t#note\tstart attempt %s failed: %s\n' "$attempt" "${first_line:-see log}" >>"$RESULTS"
  [ "$attempt" -lt 3 ] || { log "Mailroom did not start; see $OUT/mailroom-failed-start-*.log"; exit 1; }
  sleep 1
done
MAILROOM_PID="$(cat "$OUT/mailroom.pid")"
TARGETS=(--endpoint "http://127.0.0.1:$MAILROOM_PORT" --server-pid "$MAILROOM_PID" --label mailroom)

if [ -x "$PEERS/elasticmq.sh" ]; then
  log "starting ElasticMQ on 127.0.0.1:$ELASTICMQ_PORT"
  ELASTICMQ_PID="$("$PEERS/elasticmq.sh" start 2>"$OUT/elasticmq-start.log")" || { cat "$OUT/elasticmq-start.log" >&2; exit 1; }
  cat "$OUT/elasticmq-start.log" >&2
  EMQ_STARTUP_MS="$(sed -n 's/.*startup_ms=\([0-9]*\).*/\1/p' "$OUT/elasticmq-start.log" | tail -1)"
  sleep 2
  java -jar "$BENCH_JAR" idle --server-pid "$ELASTICMQ_PID" --label elasticmq \
      ${EMQ_STARTUP_MS:+--startup-ms "$EMQ_STARTUP_MS"} --results "$RESULTS" >&2
  TARGETS+=(--endpoint "http://127.0.0.1:$ELASTICMQ_PORT" --server-pid "$ELASTICMQ_PID" --label elasticmq)
else
  log "no $PEERS/elasticmq.sh: measuring Mailroom alone"
fi

log "running scenarios; details in $OUT/bench.log"
# One client JVM for both servers: it is warmed once and alternates between them per scenario.
# It runs in the background so that a signal to this script is handled at once (bash defers traps
# until a foreground command ends); timeout passes a TERM on to the JVM.
timeout 1500 java -Xmx1g -jar "$BENCH_JAR" "${TARGETS[@]}" \
    --threads "${THREADS:-4}" --seconds "${SECONDS_PER_SCENARIO:-10}" --warmup "${WARMUP:-5}" \
    --prime "${PRIME:-60}" --scenario "${SCENARIOS:-all}" --deep-messages "${DEEP_MESSAGES:-1000000}" \
    --longpoll-iterations "${LONGPOLL_ITERATIONS:-300}" --results "$RESULTS" >"$OUT/bench.log" 2>&1 &
BENCH_PID=$!
tail -n +1 -f --pid="$BENCH_PID" "$OUT/bench.log" >&2 &
BENCH_STATUS=0
wait "$BENCH_PID" || BENCH_STATUS=$?
BENCH_PID=""
sleep 0.3 # let tail print the last lines

LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
FLOOR_TABLE=""
if [ "${FLOOR:-1}" != 0 ]; then
  cleanup # the floor is measured with neither server running
  MAILROOM_PID="" ELASTICMQ_PID=""
  log "measuring the machine's floor (benchmarks/floor.sh)"
  "$ROOT/benchmarks/floor.sh" >"$OUT/floor.md" 2>>"$OUT/floor.log" &
  BENCH_PID=$!
  wait "$BENCH_PID" && FLOOR_TABLE="$(cat "$OUT/floor.md")" || log "no floor figures; see $OUT/floor.log"
  BENCH_PID=""
fi
THREADS_DESC="${THREADS:-4} threads, ${WARMUP:-5} s warm-up + ${SECONDS_PER_SCENARIO:-10} s per scenario, ${PRIME:-60} s priming, ${DEEP_MESSAGES:-1000000} deep messages"
{
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(uname -sr); client and servers share it."
  echo "Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER."
  echo "Mailroom: $(basename "$SERVER_JAR") built from $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- 'emulator-*' 2>/dev/null || echo ' plus uncommitted changes'); bench: $THREADS_DESC."
  echo
  java -jar "$BENCH_JAR" report --results "$RESULTS"
  if [ -n "$FLOOR_TABLE" ]; then echo; echo "$FLOOR_TABLE"; fi
} | tee "$OUT/report.md"
[ "$BENCH_STATUS" = 0 ] || log "the benchmark reported failures (exit $BENCH_STATUS); see $OUT/bench.log"
exit "$BENCH_STATUS"
