#!/usr/bin/env bash
# Times `a2doctor diagnose --format json` against `rg -c -f patterns.txt` on the same synthetic
# log, alternately, in one run, and prints the ratio (issue 8's yardstick). Speed is measured
# here, never in unit tests. Usage: src/test/bench/vs-ripgrep.sh [LINES] [ROUNDS]
# Needs: python3, ripgrep, a built target/a2doctor.jar, and ../shared/bench beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/../../.."
lines=${1:-1000000}
rounds=${2:-3}
bench=../shared/bench
log=/var/tmp/a2doctor-bench-$lines.log
[ -f "$log" ] || python3 "$bench/gen_log.py" "$lines" "$log" >/dev/null
cat "$log" > /dev/null # warm the page cache
now() { date +%s.%N; }
a2d_total=0 rg_total=0
for r in $(seq 1 "$rounds"); do
  t0=$(now); rg -c -f "$bench/patterns.txt" "$log" | cat > /dev/null; t1=$(now)
  java -jar target/a2doctor.jar diagnose --no-context --format json "$log" | cat > /dev/null || true
  t2=$(now)
  rg_s=$(echo "$t1 - $t0" | bc -l); a2d_s=$(echo "$t2 - $t1" | bc -l)
  printf 'round %d: rg %.2f s, a2doctor %.2f s, ratio %.1fx\n' "$r" "$rg_s" "$a2d_s" \
    "$(echo "$a2d_s / $rg_s" | bc -l)"
  rg_total=$(echo "$rg_total + $rg_s" | bc -l); a2d_total=$(echo "$a2d_total + $a2d_s" | bc -l)
done
printf 'mean over %d rounds, %d lines: rg %.2f s, a2doctor %.2f s, a2doctor/rg = %.1fx\n' \
  "$rounds" "$lines" "$(echo "$rg_total / $rounds" | bc -l)" \
  "$(echo "$a2d_total / $rounds" | bc -l)" "$(echo "$a2d_total / $rg_total" | bc -l)"
