#!/usr/bin/env bash
# Cold start of the built launcher: wall time of `a2doctor explain LINE` (with the server
# context of this machine, and with --no-context), `explain --format json LINE` and `a2doctor
# explain AH01630`, with the start-up cache (the launcher's default: an AOT cache on Java 25+,
# an AppCDS archive before; the rows say CDS for either) and without (A2DOCTOR_CDS=off),
# `explain LINE` without the context cache and catalog note (A2DOCTOR_CACHE=off), and of
# `java -version` with the launcher's JVM options and Java (the floor: the JVM's own start), the
# commands taking turns in each round so that a busy machine slows all of them alike. Prints, in
# milliseconds, the median and fastest wall time and the median CPU time (user + system) of
# each, and the load average before and after. Another Java than the launcher's default:
# JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 bench/startup.sh
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
# the Java the launcher runs (JAVA_HOME, PATH, /usr/lib/jvm): its floor
java_home=$(A2DOCTOR_CDS=off A2DOCTOR_OPTS=-XshowSettings:properties "$launcher" --version 2>&1 \
  | sed -n 's/^ *java.home = //p')
java_bin=${java_home:+$java_home/bin/}java
echo "Java: $("$java_bin" -version 2>&1 | head -n 1) ($java_bin)"

names=("explain LINE, CDS" "explain LINE, no CDS" "explain --no-context LINE, CDS"
  "explain --format json LINE, CDS" "explain AH01630, CDS" "explain AH01630, no CDS"
  "java -version (floor)" "explain LINE, CDS, no caches")
run() {
  case $1 in
    0) "$launcher" explain "$line" ;;
    1) A2DOCTOR_CDS=off "$launcher" explain "$line" ;;
    2) "$launcher" explain --no-context "$line" ;;
    3) "$launcher" explain --format json "$line" ;;
    4) "$launcher" explain AH01630 ;;
    5) A2DOCTOR_CDS=off "$launcher" explain AH01630 ;;
    6) "$java_bin" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -version ;;
    7) A2DOCTOR_CACHE=off "$launcher" explain "$line" ;;
  esac
}
median() { # the median of the numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
declare -a wall cpu
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
TIMEFORMAT='%3U %3S'
for ((r = 0; r < rounds; r++)); do
  for i in "${!names[@]}"; do
    t0=$(date +%s%N)
    used=$( { time run "$i" >/dev/null 2>&1; } 2>&1 ) || true
    t1=$(date +%s%N)
    wall[i]="${wall[i]:-} $(((t1 - t0) / 1000000))"
    # CPU time (user + system) of the run: what the machine's load inflates least
    cpu[i]="${cpu[i]:-} $(echo "$used" | awk '{ printf "%d", ($1 + $2) * 1000 }')"
  done
done
echo "$rounds rounds; load average before: $load_before, after: $(cut -d ' ' -f 1-3 /proc/loadavg) ($(nproc) cores)"
for i in "${!names[@]}"; do
  # shellcheck disable=SC2086
  w=$(printf '%s\n' ${wall[i]} | median)
  # shellcheck disable=SC2086
  fastest=$(printf '%s\n' ${wall[i]} | sort -n | head -n 1)
  # shellcheck disable=SC2086
  c=$(printf '%s\n' ${cpu[i]} | median)
  printf '%-32s wall median %5d ms, fastest %5d ms; CPU median %5d ms\n' "${names[i]}" "$w" "$fastest" "$c"
done
