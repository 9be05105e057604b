#!/usr/bin/env bash
# What is the least a JVM takes to look at every line of the synthetic log, against ripgrep?
# Times, alternately in one run: `rg -c -f patterns.txt` (issue 8's yardstick), JvmFloor in
# mode `bytes` (line ends and a hash of each message's bytes: no object per line), JvmFloor in
# mode `strings` (each line decoded to a String and its message counted in a bounded map, the
# least any parser of fields does), MatchFloor (two threads; each message not seen before is
# parsed and matched once by a2doctor's own Matcher, on RE2/J as issue 8 requires; a repeat costs
# a hash; nothing grouped or written), MatchFloor parse-only (the same without the matching) and
# `a2doctor diagnose --format json`, all single runs of a cold JVM with the launcher's JVM
# options (MatchFloor and a2doctor with an AppCDS archive), and prints each one's median time as
# a ratio to ripgrep's. It puts a number on how much of a2doctor's ratio is the JVM itself, and
# on the least any design that matches with RE2/J can take.
# Usage: src/test/bench/jvm-floor.sh [LINES] [ROUNDS]   (defaults 1000000, 3)
# Needs: javac and jar, python3, ripgrep, a built target/a2doctor, ../shared/bench beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/../../.."
lines=${1:-1000000}
rounds=${2:-3}
bench=../shared/bench
log=/var/tmp/a2doctor-bench-$lines.log
[ -f "$log" ] || python3 "$bench/gen_log.py" "$lines" "$log" >/dev/null
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" src/test/bench/JvmFloor.java
javac -cp target/a2doctor.jar -d "$classes/m" src/test/bench/MatchFloor.java
jar cf "$classes/match-floor.jar" -C "$classes/m" .
cat "$log" > /dev/null # warm the page cache
target/a2doctor diagnose --no-context --format json "$log" > /dev/null || true # CDS archive
jvm=(-XX:+UseSerialGC -Xms24m -Xmn16m -XX:SurvivorRatio=2)
match=(java "${jvm[@]}" -XX:FreqInlineSize=40 -Xlog:cds=off -Xlog:cds+dynamic=off
  -cp "target/a2doctor.jar:$classes/match-floor.jar")
"${match[@]}" -XX:ArchiveClassesAtExit="$classes/match-floor.jsa" MatchFloor "$log" > /dev/null
match+=(-XX:SharedArchiveFile="$classes/match-floor.jsa" MatchFloor "$log" 2)
names=("rg -c -f patterns.txt" "JvmFloor bytes" "JvmFloor strings" "MatchFloor parse-only"
  "MatchFloor" "a2doctor diagnose")
run() {
  case $1 in
    0) rg -c -f "$bench/patterns.txt" "$log" ;;
    1) java "${jvm[@]}" -cp "$classes" JvmFloor bytes "$log" ;;
    2) java "${jvm[@]}" -cp "$classes" JvmFloor strings "$log" ;;
    3) "${match[@]}" parse-only ;;
    4) "${match[@]}" ;;
    5) target/a2doctor diagnose --no-context --format json "$log" || true ;;
  esac
}
declare -a times
echo "log: $log ($lines lines, $(du -m "$log" | cut -f 1) MB); $(nproc) cores; load $(cut -d ' ' -f 1-3 /proc/loadavg)"
for ((r = 0; r < rounds; r++)); do
  for i in "${!names[@]}"; do
    t0=$(date +%s%N); run "$i" > /dev/null; t1=$(date +%s%N)
    times[i]="${times[i]:-} $(((t1 - t0) / 1000000))"
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# shellcheck disable=SC2086
rg_ms=$(printf '%s\n' ${times[0]} | median)
for i in "${!names[@]}"; do
  # shellcheck disable=SC2086
  ms=$(printf '%s\n' ${times[i]} | median)
  printf '%-22s median %5d ms over %d rounds = %.2fx rg\n' "${names[i]}" "$ms" "$rounds" \
    "$(echo "$ms / $rg_ms" | bc -l)"
done
echo "load average now $(cut -d ' ' -f 1-3 /proc/loadavg)"
