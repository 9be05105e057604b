#!/usr/bin/env bash
# Peak RSS of `a2doctor diagnose --format json` (the launcher, as users run it) on the synthetic
# log at several sizes, to show that memory does not grow with the file (issue 8: at most
# 128 MiB on the 5M-line log). Each size runs ROUNDS times, the sizes taking turns; prints each
# run's peak RSS, wall and user CPU, the findings it printed, and the load average.
# Memory and speed are measured here, never in unit tests.
# Usage: src/test/bench/memory.sh [ROUNDS] [LINES...] [-- a2doctor options, e.g. --threads 1]
#        (defaults: 1 round of 1000000 and 5000000 lines)
# Needs: python3, GNU time (/usr/bin/time), a built target/a2doctor (mvn package), and
# ../shared/bench beside the checkout. The logs go to /var/tmp, never into the repository.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-1}
[ $# -gt 0 ] && shift
sizes=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do sizes+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000)
a2doctor=${A2DOCTOR:-target/a2doctor}
out=$(mktemp)
trap 'rm -f "$out" "$out.time"' EXIT
for lines in "${sizes[@]}"; do
  log=/var/tmp/a2doctor-bench-$lines.log
  [ -f "$log" ] || python3 ../shared/bench/gen_log.py "$lines" "$log" >/dev/null
done
"$a2doctor" diagnose --no-context --format json /dev/null > /dev/null || true # CDS archive
echo "$(nproc) cores; load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  for lines in "${sizes[@]}"; do
    log=/var/tmp/a2doctor-bench-$lines.log
    /usr/bin/time -f '%M %e %U' -o "$out.time" \
      "$a2doctor" diagnose --no-context --format json "$@" "$log" > "$out" || true
    read -r rss wall user < <(tail -n 1 "$out.time")
    findings=$(grep -c '"type":"finding"' "$out" || true)
    printf 'round %d, %d lines (%d MB): peak RSS %d MiB, %.1f s wall, %.1f s user CPU, %d findings\n' \
      "$r" "$lines" "$(du -m "$log" | cut -f 1)" "$((rss / 1024))" "$wall" "$user" "$findings"
  done
done
echo "load average now $(cut -d ' ' -f 1-3 /proc/loadavg)"
