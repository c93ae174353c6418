#!/usr/bin/env bash
# Flink against batch, in one run so the ratios hold on a noisy shared machine: the same generated
# fleet through `daxray batch --jobs 1/2` and `daxray flink --parallelism 1/2` (embedded local
# cluster, JVM and cluster start included), each into a fresh index: wall time, CPU, peak RSS,
# Flink ÷ batch at equal parallelism, and p1 ÷ p2.
#
#   bench/flink-bench.sh [HOSTS] [MIB_PER_HOST]      (default 200 hosts × 2 MiB)
#
# CORES_PER_SLOT=1 gives each run as many CPUs as it has slots (taskset: parallelism 1 on CPU 0,
# parallelism 2 on CPUs 0-1), as a cluster whose task slots each own a core would; without it every run
# may use every core, so a single slot's JIT, GC and index merges borrow the idle second core.
# Both modes run every contender with the G1 collector (the JVM would pick another on one CPU).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/fleet-setup.sh"
"$root/daxray" schema --keywords > /dev/null                       # builds the CLI when needed
"$root/daxray" flink --help > /dev/null                            # builds the flink module when needed
find "$fleet" -type f -exec cat {} + > /dev/null                   # page cache warm for every contender

pinned=()                                                          # timed's CPU set per parallelism
if [[ -n "${CORES_PER_SLOT:-}" ]]; then
  (( CORES_PER_SLOT == 1 && $(nproc) >= 2 )) || { echo "CORES_PER_SLOT=1 needs 2 or more cores" >&2; exit 2; }
  pinned=(taskset -c)
fi
export DAXRAY_JAVA_OPTS="${DAXRAY_JAVA_OPTS:-} -XX:+UseG1GC"

timed() {  # timed NAME COMMAND...: wall s, CPU s, peak RSS KiB; on CPUs 0..p-1 with CORES_PER_SLOT (p from NAME)
  local name="$1"; shift
  if (( ${#pinned[@]} )); then
    set -- "${pinned[@]}" "0-$(( ${name: -1} - 1 ))" "$@"
  fi
  rm -rf "$out/idx-$name" "$out/idx-$name.flink-work"
  /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$@" > "$out/$name.out" 2> "$out/$name.err" || true
  echo "$name $(tail -1 "$out/time.txt")"
}
echo "fleet: $fleet: $hosts hosts, $(du -sm "$fleet" | cut -f1) MiB compressed, $(nproc) cores${CORES_PER_SLOT:+, one per slot}, load $(cut -d' ' -f1-3 /proc/loadavg)"
results=$(
  timed batch-j1 "$root/daxray" batch --quiet --jobs 1 --index "$out/idx-batch-j1" "$fleet"
  timed batch-j2 "$root/daxray" batch --quiet --jobs 2 --index "$out/idx-batch-j2" "$fleet"
  timed flink-p1 "$root/daxray" flink --parallelism 1 --index "$out/idx-flink-p1" "$fleet"
  timed flink-p2 "$root/daxray" flink --parallelism 2 --index "$out/idx-flink-p2" "$fleet"
)
echo "$results" | awk '
  { wall[$1] = $2; printf "%-9s %7.2f s wall  %7.2f s CPU  peak RSS %5.0f MiB\n", $1, $2, $3 + $4, $5 / 1024 }
  END {
    printf "flink/batch at p1 %.2fx, at p2 %.2fx;  p1/p2 speed-up: batch %.2fx, flink %.2fx\n",
      wall["flink-p1"] / wall["batch-j1"], wall["flink-p2"] / wall["batch-j2"],
      wall["batch-j1"] / wall["batch-j2"], wall["flink-p1"] / wall["flink-p2"] }'
for n in batch-j2 flink-p2; do echo "$n: $(head -1 "$out/$n.out")"; done
