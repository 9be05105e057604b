#!/usr/bin/env bash
# Throughput of the pipeline with 2,000 catalog entries vs 20 (issue 8: target >= 0.8x), and the
# time to load 2,000 entries from YAML. Speed is measured here, never in unit tests.
# Usage: src/test/bench/catalog-scale.sh [LINES] [ROUNDS]
# Needs: python3, a built target/a2doctor.jar and target/test-classes (mvn test-compile package),
# and ../shared/bench beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/../../.."
lines=${1:-200000}
rounds=${2:-5}
log=/var/tmp/a2doctor-bench-1000000.log
[ -f "$log" ] || python3 ../shared/bench/gen_log.py 1000000 "$log" >/dev/null
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg), $(nproc) cores"
java -XX:+UseSerialGC -cp target/a2doctor.jar:target/test-classes \
  dev.a2doctor.match.CatalogScaleBench "$log" "$lines" "$rounds"
# loading 2,000 entries from YAML and from the binary index (regexes compiled on first use)
java -XX:+UseSerialGC -cp target/a2doctor.jar:target/test-classes \
  dev.a2doctor.catalog.CatalogLoadBench 2000 patterns
