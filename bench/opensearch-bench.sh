#!/usr/bin/env bash
# OpenSearch bulk rate and search latency against the local index on the same N generated
# incidents (bench/IndexBench.java builds the local index; OpenSearchBench starts a real
# node in-process on 127.0.0.1, exports, and times both back ends in one JVM; it lives in the
# opensearch module's test sources, next to the node helper it uses).
#
#   bench/opensearch-bench.sh [INCIDENTS] [ROUNDS]      (default 100,000 incidents, 100 rounds)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-100000}"
rounds="${2:-100}"
out="${BENCH_DIR:-$root/bench/out}"
mkdir -p "$out"
"$root/daxray" schema --keywords > /dev/null                       # builds the CLI when needed
(cd "$root" && mvn -B -q -DskipTests test-compile dependency:build-classpath -pl opensearch -am \
   -Dmdep.includeScope=test -Dmdep.outputFile="$out/opensearch-classpath.txt") >&2
index="$out/idx-generated-$n"
[[ -d "$index" ]] || java -cp "$root/cli/target/daxray.jar" "$root/bench/IndexBench.java" "$index" "$n" 1 > /dev/null
rm -rf "$out/os-node"
echo "incidents: $n, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$root/opensearch/target/test-classes:$root/opensearch/target/classes:$(cat "$out/opensearch-classpath.txt")" \
  dev.daxray.opensearch.OpenSearchBench "$index" "$out/os-node" "$rounds" 2> "$out/opensearch-bench.err"
