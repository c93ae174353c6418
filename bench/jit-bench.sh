#!/usr/bin/env bash
# Which JIT a capture's size calls for: `daxray triage --format json` on generated captures of each size
# and profile, through the launcher, with tiered compilation (C1 then C2), with the client compiler
# alone (-XX:TieredStopAtLevel=1), and tiered with the rule engine's and incident building's methods
# compiled each on its own and big compiled methods not inlined again (-XX:CompileCommand=dontinline,
# -XX:InlineSmallCode=250: "apart", what the launcher adds), best of RUNS by wall time, in one run.
# The launcher picks the client compiler alone for captures up to 32 MiB (README, Performance → Cold
# start) and the engine apart for triage of larger ones (Performance → Storms); this shows where each pays.
#
#   bench/jit-bench.sh [RUNS] [SIZE_MIB...]   (default best of 3; sizes 1 16 32 64)
#
# PROFILES="dmesg edac sigbus mixed" (the default) picks the captures: dmesg is the sparse benchmark's
# (0.1 % incident lines), the others the storm benchmark's (5 %, bench/storm-bench.sh). Captures are
# generated once into bench/out/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
if (( $# > 1 )); then sizes=("${@:2}"); else sizes=(1 16 32 64); fi
read -r -a profiles <<< "${PROFILES:-dmesg edac sigbus mixed}"
out="${BENCH_DIR:-$root/bench/out}"
mkdir -p "$out"
"$root/daxray" --version > /dev/null                # builds the CLI when needed

source "$root/bench/lib.sh"

apart="-XX:+TieredCompilation -XX:CompileCommand=quiet -XX:CompileCommand=dontinline,dev.daxray.matches.*::*"
apart+=" -XX:CompileCommand=dontinline,dev.daxray.incidents.*::* -XX:InlineSmallCode=250"
printf '  %-8s %8s %10s %10s %8s %10s %8s\n' profile size tiered c1-only c1/tiered apart apart/tiered
for profile in "${profiles[@]}"; do
  for size in "${sizes[@]}"; do
    if [[ "$profile" == dmesg ]]; then
      file="$out/sparse-1pm-${size}m.log"; density=1
    else
      file="$out/storm-$profile-50pm-${size}m.log"; density=50
    fi
    [[ -f "$file" ]] || java "$root/bench/GenerateDmesg.java" "$file" "$size" "$density" 42 "$profile" > /dev/null
    cat "$file" > /dev/null                          # page cache warm for both
    # A JIT option in DAXRAY_JAVA_OPTS is the user's choice: the launcher then adds none of its own.
    results=$(
      DAXRAY_JAVA_OPTS=-XX:+TieredCompilation best_of tiered "$root/daxray" triage --format json --quiet "$file"
      DAXRAY_JAVA_OPTS=-XX:TieredStopAtLevel=1 best_of c1 "$root/daxray" triage --format json --quiet "$file"
      DAXRAY_JAVA_OPTS="$apart" best_of apart "$root/daxray" triage --format json --quiet "$file"
    )
    echo "$results" | awk -v p="$profile" -v s="$size" '
      { wall[NR] = $2 }
      END { printf "  %-8s %6d M %8.2f s %8.2f s %7.2fx %8.2f s %11.2fx\n", p, s, wall[1], wall[2], wall[2] / wall[1],
                   wall[3], wall[3] / wall[1] }'
  done
done
echo "(best of $runs by wall time; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
