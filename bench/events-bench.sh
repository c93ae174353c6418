#!/usr/bin/env bash
# Whole-process benchmark: `daxray events --format jsonl` and `daxray triage --format json` against
# `grep -c -F` of the prefilter keywords on the same synthetic dmesg, in one run, so the ratios hold
# on a noisy shared machine.
#
#   bench/events-bench.sh [SIZE_MIB] [RUNS] [dmesg|trace|journal]   (default 1024 MiB, best of 3, dmesg)
#
# The capture is generated once into bench/out/ (git-ignored) by bench/GenerateDmesg.java.
# Extra commands to time can be added with BENCH_EXTRA='name=command ...'.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-1024}"
runs="${2:-3}"
kind="${3:-dmesg}"
out="${BENCH_DIR:-$root/bench/out}"
mkdir -p "$out"
file="$out/$kind-${size}m.log"
[[ "$kind" == journal ]] && file="$out/journal-${size}m.json"
keywords="$out/keywords.txt"

[[ -f "$file" ]] || java "$root/bench/GenerateDmesg.java" "$file" "$size" 1 42 "$kind"
"$root/daxray" schema --keywords > "$keywords"     # also builds the CLI when needed
cat "$file" > /dev/null                              # page cache warm for every contender

source "$root/bench/lib.sh"

results=$(
  grep_and_daxray "$file"
  for extra in ${BENCH_EXTRA:-}; do
    best_of "${extra%%=*}" bash -c "${extra#*=}"
  done
)

bytes=$(stat -c %s "$file")
lines=$(wc -l < "$file")
relevant=$(grep -c -F -f "$keywords" "$file" || true)
echo "input: $file ($((bytes >> 20)) MiB, $lines lines, $relevant lines with a keyword)"
echo "(best of $runs by wall time; cpu = user+sys of that run; ratios against grep in this run)"
echo "$results" | awk -v bytes="$bytes" '
  NR == 1 { base = $2; cbase = $4 }
  { printf "%-16s wall %7.2f s  %7.1f MiB/s  %5.2fx grep   cpu %7.2f s  %5.2fx grep   peak RSS %5.0f MiB\n", $1, $2, bytes / 1048576 / $2, $2 / base, $4, $4 / cbase, $3 / 1024 }'
