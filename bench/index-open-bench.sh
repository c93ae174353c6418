#!/usr/bin/env bash
# What the index's safety checks cost, in one run so the ratios hold on a noisy shared machine:
# on an index of N generated incidents (bench/IndexBench.java, built once into bench/out/), best of
# ROUNDS by wall time, alternating:
#   cat       reading the index files (page cache warm): the floor
#   search    `daxray search --limit 0 '*'`: opening for reading (no checks)
#   batch     `daxray batch` on an empty fleet: opening for writing, which verifies every segment's
#             checksums before appending (plus rules, bundle keys and a commit)
#   check     `daxray index check`: Lucene's full CheckIndex (run only on a failure or when asked)
#
#   bench/index-open-bench.sh [INCIDENTS] [ROUNDS]      (default 300000 incidents, 3 rounds)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
incidents="${1:-300000}"
rounds="${2:-3}"
out="${BENCH_DIR:-$root/bench/out}"
index="$out/idx-open-$incidents"
empty="$out/empty-fleet"
mkdir -p "$out" "$empty"
"$root/daxray" --version > /dev/null                         # builds the CLI when needed
jar="$root/cli/target/daxray.jar"
[[ -d "$index" ]] || java -cp "$jar" "$root/bench/IndexBench.java" "$index" "$incidents" 1 > /dev/null

timed() {  # timed NAME COMMAND...: wall seconds and peak RSS (MiB)
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" > /dev/null 2>&1 || true
  read -r wall rss < "$out/time.txt"
  printf '%-8s %7.2f s  peak RSS %5d MiB\n' "$name" "$wall" $((rss / 1024))
}
echo "index: $incidents incidents, $(du -sLm "$index" | cut -f1) MiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  echo "round $round"
  timed cat sh -c "cat '$index'/* > /dev/null"
  timed search java -jar "$jar" search --index "$index" --limit 0 '*'
  timed batch java -jar "$jar" batch --quiet --index "$index" "$empty"
  timed check java -jar "$jar" index check "$index"
done
