#!/usr/bin/env bash
# Whole-process benchmark: `daxray events --format jsonl` and `daxray triage --format json` against
# `grep -c -F` of the prefilter keywords on the same synthetic dmesg, in one run, so the ratios hold
# on a noisy shared machine.
#
#   bench/events-bench.sh [SIZE_MIB] [RUNS] [dmesg|trace]   (default 1024 MiB, best of 3, dmesg)
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
keywords="$out/keywords.txt"

[[ -f "$file" ]] || java "$root/bench/GenerateDmesg.java" "$file" "$size" 1 42 "$kind"
"$root/daxray" schema --keywords > "$keywords"     # also builds the CLI when needed
cat "$file" > /dev/null                              # page cache warm for every contender

# best_of NAME COMMAND...: runs the command $runs times, prints the best wall time and peak RSS.
# Exit status 0 and 1 (grep: no match; triage: findings) count; any other run is reported and dropped.
best_of() {
  local name="$1"; shift
  local best="" rss="" cpu=""
  for _ in $(seq "$runs"); do
    # stdout goes to a file, not /dev/null: GNU grep stops at the first match when it sees /dev/null.
    /usr/bin/time -f "%e %M %x %U %S" -o "$out/time.txt" "$@" > "$out/stdout.txt" 2>"$out/stderr.txt" || true
    local t m x u k
    read -r t m x u k < <(tail -1 "$out/time.txt")
    if [[ "$x" != 0 && "$x" != 1 ]]; then
      echo "bench: $name exited with $x: $(tail -3 "$out/stderr.txt")" >&2
      continue
    fi
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then
      best="$t"; rss="$m"; cpu=$(awk -v u="$u" -v k="$k" 'BEGIN{print u+k}')
    fi
  done
  printf '%s %s %s %s\n' "$name" "${best:-nan}" "${rss:-0}" "${cpu:-nan}"
}

results=$(
  best_of grep grep -c -F -f "$keywords" "$file"
  best_of events "$root/daxray" events --format jsonl --quiet "$file"
  DAXRAY_JAVA_OPTS=-Xmx256m best_of events-Xmx256m "$root/daxray" events --format jsonl --quiet "$file"
  best_of triage "$root/daxray" triage --format json --quiet "$file"
  DAXRAY_JAVA_OPTS=-Xmx256m best_of triage-Xmx256m "$root/daxray" triage --format json --quiet "$file"
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
