#!/usr/bin/env bash
# Cold start: the wall time of `./daxray triage samples/dax-poison-consumed-6x` (88 lines, one incident),
# with the launcher's class-data archive and without it (DAXRAY_CDS=0), beside `java -version` (the JVM's
# own start), each RUNS times, interleaved, as the median and the best in milliseconds, with the CPU time
# (user+sys) of the median run. BASE_JAR=path/to/daxray.jar adds another build's jar (java -jar, no archive).
#
#   bench/startup-bench.sh [RUNS]     (default 10)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
out="${BENCH_DIR:-$root/bench/out}"
mkdir -p "$out"
sample="$root/samples/dax-poison-consumed-6x"
"$root/daxray" triage "$sample" > /dev/null 2>&1 || true      # builds the jar and the archive when needed

declare -A contenders=(
  [java-version]="java -version"
  [triage]="$root/daxray triage $sample"
  [triage-no-cds]="env DAXRAY_CDS=0 $root/daxray triage $sample"
)
[[ -n "${BASE_JAR:-}" ]] && contenders[triage@base]="java -jar $BASE_JAR triage $sample"
names=(java-version triage triage-no-cds)
[[ -n "${BASE_JAR:-}" ]] && names+=(triage@base)

for name in "${names[@]}"; do : > "$out/startup-$name.txt"; done
for _ in $(seq "$runs"); do
  for name in "${names[@]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S" -a -o "$out/startup-$name.txt" ${contenders[$name]} > /dev/null 2>&1 || true
  done
done
for name in "${names[@]}"; do
  grep -v "^Command" "$out/startup-$name.txt" | sort -n | awk -v name="$name" '
    { wall[NR] = $1; cpu[NR] = $2 + $3 }
    END { m = int((NR + 1) / 2); printf "  %-14s median %6.0f ms   best %6.0f ms   cpu of the median run %6.0f ms\n", name, wall[m] * 1000, wall[1] * 1000, cpu[m] * 1000 }'
done
echo "($runs runs each, interleaved; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
