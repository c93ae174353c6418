#!/usr/bin/env bash
# The search page of `daxray serve` on an index of N generated incidents (bench/IndexBench.java
# writes it once into bench/out/, git-ignored), in one warm JVM: the server's time per page (its
# Server-Timing header) and the client's over 127.0.0.1, p50/p99, against the search alone
# (IncidentIndex.search with the page's eight facets) measured in the same run. bench/ServeBench.java.
#
#   bench/serve-bench.sh [INCIDENTS] [ROUNDS]      (default 1,000,000 incidents, 50 rounds of 9 queries)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
incidents="${1:-1000000}"
rounds="${2:-50}"
out="${BENCH_DIR:-$root/bench/out}"
index="$out/idx-generated-$incidents"
mkdir -p "$out"
"$root/daxray" --version > /dev/null                      # builds the CLI when needed
[[ -d "$index" ]] || java -cp "$root/cli/target/daxray.jar" "$root/bench/IndexBench.java" "$index" "$incidents" 1
echo "index: $index ($(du -sm "$index" | cut -f1) MiB), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$root/cli/target/daxray.jar" "$root/bench/ServeBench.java" "$index" "$rounds"
