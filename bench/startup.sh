#!/usr/bin/env bash
# Cold start of the built launcher: wall time of `a2doctor explain LINE` and `a2doctor explain
# AH01630`, with the AppCDS archive (the launcher's default) and without (A2DOCTOR_CDS=off),
# the four commands taking turns in each round so that a busy machine slows all of them alike.
# Prints the median and the fastest run of each in milliseconds, and the load average.
#
#   bench/startup.sh [ROUNDS] [LAUNCHER]        (defaults: 20, target/a2doctor)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
launcher=${2:-target/a2doctor}
[ -x "$launcher" ] || { echo "startup.sh: no $launcher (run mvn -B -q -DskipTests package)" >&2; exit 2; }
# a real line, captured from httpd 2.4 in samples/access-require
line=$(grep -m1 'AH01630' samples/access-require/error.log)
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
export XDG_CACHE_HOME=$cache
"$launcher" explain "$line" >/dev/null || true   # the first run writes the archive

names=("explain LINE, CDS" "explain LINE, no CDS" "explain AH01630, CDS" "explain AH01630, no CDS")
run() {
  case $1 in
    0) "$launcher" explain "$line" ;;
    1) A2DOCTOR_CDS=off "$launcher" explain "$line" ;;
    2) "$launcher" explain AH01630 ;;
    3) A2DOCTOR_CDS=off "$launcher" explain AH01630 ;;
  esac
}
declare -a times
for ((r = 0; r < rounds; r++)); do
  for i in 0 1 2 3; do
    t0=$(date +%s%N)
    run "$i" >/dev/null || true
    t1=$(date +%s%N)
    times[i]="${times[i]:-} $(((t1 - t0) / 1000000))"
  done
done
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg) ($(nproc) cores), $rounds rounds"
for i in 0 1 2 3; do
  # shellcheck disable=SC2086
  sorted=$(printf '%s\n' ${times[i]} | sort -n)
  n=$(echo "$sorted" | wc -l)
  median=$(echo "$sorted" | sed -n "$(((n + 1) / 2))p")
  min=$(echo "$sorted" | head -n 1)
  printf '%-26s median %5d ms   fastest %5d ms\n' "${names[i]}" "$median" "$min"
done
