#!/usr/bin/env bash
# Times `a2doctor diagnose --format json` (the launcher, as users run it) against
# `rg -c -f patterns.txt` on the same synthetic log, alternately, in one run, and prints the ratio
# per round and the median (issue 8's yardstick: target <= 1.0x), with a2doctor's user CPU and
# peak RSS and the load average (the machine is shared: compare ratios, not seconds).
# Speed is measured here, never in unit tests.
# Usage: src/test/bench/vs-ripgrep.sh [LINES] [ROUNDS] [-- a2doctor options, e.g. --threads 1]
# Needs: python3, ripgrep, GNU time (/usr/bin/time), a built target/a2doctor (mvn package), and
# ../shared/bench beside the checkout. The log goes to /var/tmp, never into the repository.
set -euo pipefail
cd "$(dirname "$0")/../../.."
lines=${1:-1000000}
rounds=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
[ "${1:-}" = "--" ] && shift
bench=../shared/bench
a2doctor=${A2DOCTOR:-target/a2doctor} # another build to compare: A2DOCTOR=/path/to/a2doctor
log=/var/tmp/a2doctor-bench-$lines.log
[ -f "$log" ] || python3 "$bench/gen_log.py" "$lines" "$log" >/dev/null
cat "$log" > /dev/null # warm the page cache
"$a2doctor" diagnose --no-context --format json "$@" "$log" > /dev/null || true # CDS archive
now() { date +%s.%N; }
ratios=()
echo "log: $log ($lines lines, $(du -m "$log" | cut -f 1) MB); $(nproc) cores"
for r in $(seq 1 "$rounds"); do
  load=$(cut -d ' ' -f 1 /proc/loadavg)
  t0=$(now); rg -c -f "$bench/patterns.txt" "$log" | cat > /dev/null; t1=$(now)
  /usr/bin/time -f '%U %M' -o /tmp/a2doctor-bench-time.$$ \
    "$a2doctor" diagnose --no-context --format json "$@" "$log" | cat > /dev/null || true
  t2=$(now)
  read -r user rss < <(tail -n 1 /tmp/a2doctor-bench-time.$$)
  rg_s=$(echo "$t1 - $t0" | bc -l); a2d_s=$(echo "$t2 - $t1" | bc -l)
  ratio=$(echo "$a2d_s / $rg_s" | bc -l)
  ratios+=("$ratio")
  printf 'round %d: rg %.2f s, a2doctor %.2f s (user CPU %.1f s, peak RSS %d MiB), load %s: ratio a2doctor/rg = %.1fx\n' \
    "$r" "$rg_s" "$a2d_s" "$user" "$((rss / 1024))" "$load" "$ratio"
done
rm -f /tmp/a2doctor-bench-time.$$
median=$(printf '%s\n' "${ratios[@]}" | sort -g | sed -n "$(( (rounds + 1) / 2 ))p")
printf 'RATIO median over %d rounds, %d lines: a2doctor/rg = %.1fx (target <= 1.0x); load average now %s\n' \
  "$rounds" "$lines" "$median" "$(cut -d ' ' -f 1-3 /proc/loadavg)"
