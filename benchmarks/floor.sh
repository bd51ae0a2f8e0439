#!/usr/bin/env bash
# The machine's floor for server CPU per call: a C server that does no work at all, answering on
# loopback in the two patterns of the CPU-per-call targets (see floor/request-response-floor.c), and
# what the kernel charges it per request. Prints a Markdown table (median of ROUNDS, min–max).
#
#   benchmarks/floor.sh                       # needs gcc; ~1 minute
#   FLOOR_ROUNDS=5 FLOOR_SECONDS=10 benchmarks/floor.sh
#   FLOOR_WORK_KIB="16 64" benchmarks/floor.sh   # also: what a working set costs per request (see below)
#
# Profiles: "latency" is one connection whose client thinks 130 µs between calls (what a warmed SDK v2
# client spends per call here, 85–160 µs), 1.5 KiB each way, as the `latency` scenario; "batch" is four
# connections thinking 200 µs, 6 KiB each way (the mean of SendMessageBatch, ReceiveMessage of 10 and
# DeleteMessageBatch), as the `batch` scenario.
#
# FLOOR_WORK_KIB adds, per size, both profiles again with the server walking a working set of that
# many KiB per request (every cache line once, in a random order), and a second table: the server's
# user CPU per request beside the same walk in a tight loop. The ratio is what fetching a server's code
# and data again after every wake-up costs on this machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${FLOOR_ROUNDS:-3}"
[ "$ROUNDS" -ge 1 ] 2>/dev/null || { echo "floor.sh: FLOOR_ROUNDS must be 1 or more" >&2; exit 2; }
SECONDS_PER_ROUND="${FLOOR_SECONDS:-8}"
BIN="$ROOT/benchmarks/target/request-response-floor"
mkdir -p "$ROOT/benchmarks/target"
command -v gcc >/dev/null || { echo "floor.sh: no gcc on this machine; the floor is not measured" >&2; exit 3; }
gcc -O2 -Wall -Wextra -o "$BIN" "$ROOT/benchmarks/floor/request-response-floor.c"

PROFILES=("latency 1 130 1536 1536" "batch 4 200 6144 6144")
WORK_KIB="${FLOOR_WORK_KIB:-}"
for kib in $WORK_KIB; do
  [ "$kib" -ge 1 ] 2>/dev/null && [ "$kib" -le 65536 ] || { echo "floor.sh: FLOOR_WORK_KIB takes sizes of 1-65536 KiB" >&2; exit 2; }
done
RAW="$(mktemp)"
trap 'rm -f "$RAW"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  for profile in "${PROFILES[@]}"; do
    read -r name connections think request response <<<"$profile"
    "$BIN" "$connections" "$think" "$request" "$response" "$SECONDS_PER_ROUND" | grep -v '^#' | sed "s/^/$name\t/" >>"$RAW"
    for kib in $WORK_KIB; do
      "$BIN" "$connections" "$think" "$request" "$response" "$SECONDS_PER_ROUND" "$kib" | grep -v '^#' | sed "s/^/$name\t/" >>"$RAW"
    done
  done
done

echo "| Floor (C server doing no work; median of $ROUNDS, min–max) | connections | client think µs | bytes each way | requests per wake-up | server CPU µs per request |"
echo "|---|---:|---:|---:|---:|---:|"
for profile in "${PROFILES[@]}"; do
  read -r name connections think request _ <<<"$profile"
  awk -F'\t' -v p="$name" '$1 == p && $10 == 0 { n++; cpu[n] = $8 + $9; wake[n] = $7 }
    END {
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (cpu[j] < cpu[i]) { t = cpu[i]; cpu[i] = cpu[j]; cpu[j] = t }
      for (i = 1; i <= n; i++) w += wake[i]
      median = n % 2 ? cpu[(n + 1) / 2] : (cpu[n / 2] + cpu[n / 2 + 1]) / 2
      printf "%.1f (%.1f–%.1f)\t%.2f\n", median, cpu[1], cpu[n], w / n
    }' "$RAW" | {
    IFS=$'\t' read -r cpu wake
    echo "| $name | $connections | $think | $request | $wake | $cpu |"
  }
done

[ -n "$WORK_KIB" ] || exit 0
echo
echo "| Working set per request (median of $ROUNDS, min–max) | profile | server user CPU µs per request | the same walk in a tight loop, µs | ratio |"
echo "|---|---|---:|---:|---:|"
for kib in $WORK_KIB; do
  for profile in "${PROFILES[@]}"; do
    read -r name _ <<<"$profile"
    awk -F'\t' -v p="$name" -v k="$kib" '$1 == p && $10 == k { n++; user[n] = $8; loop[n] = $11 }
      END {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) {
          if (user[j] < user[i]) { t = user[i]; user[i] = user[j]; user[j] = t }
          if (loop[j] < loop[i]) { t = loop[i]; loop[i] = loop[j]; loop[j] = t }
        }
        mu = n % 2 ? user[(n + 1) / 2] : (user[n / 2] + user[n / 2 + 1]) / 2
        ml = n % 2 ? loop[(n + 1) / 2] : (loop[n / 2] + loop[n / 2 + 1]) / 2
        printf "| %d KiB | %s | %.1f (%.1f–%.1f) | %.2f (%.2f–%.2f) | %.1f |\n", k, p, mu, user[1], user[n], ml, loop[1], loop[n], mu / ml
      }' "$RAW"
  done
done
