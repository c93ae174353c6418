#!/usr/bin/env bash
# Binary input against text: `daxray events` on SIZE_MIB of random bytes and on a synthetic dmesg of
# the same size, with `wc -l` and `grep -c -F -f keywords` on the random bytes, in one run, so the
# ratios hold on a noisy shared machine.
#
#   bench/binary-bench.sh [SIZE_MIB] [RUNS]      (default 100 MiB, best of 3)
#
# Both files are generated once into bench/out/ (git-ignored). DAXRAY=command replaces ./daxray
# (e.g. DAXRAY="java -jar old/daxray.jar" to time another build on the same files).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-100}"
runs="${2:-3}"
out="${BENCH_DIR:-$root/bench/out}"
daxray="${DAXRAY:-$root/daxray}"
mkdir -p "$out"
random="$out/random-${size}m.bin"
text="$out/dmesg-${size}m.log"
keywords="$out/keywords.txt"

[[ -f "$random" ]] || java "$root/bench/GenerateRandom.java" "$random" "$size"
[[ -f "$text" ]] || java "$root/bench/GenerateDmesg.java" "$text" "$size" 1 42 dmesg
$daxray schema --keywords > "$keywords"            # also builds the CLI when needed
cat "$random" "$text" > /dev/null                    # page cache warm for every contender

source "$root/bench/lib.sh"

results=$(
  best_of wc-l-random wc -l "$random"
  best_of grep-random grep -c -F -f "$keywords" "$random"
  best_of events-text $daxray events --format jsonl --quiet "$text"
  best_of events-random $daxray events --format jsonl --quiet "$random"
)

echo "inputs: $random and $text ($size MiB each, $(wc -l < "$random") and $(wc -l < "$text") lines)"
echo "(best of $runs by wall time; cpu = user+sys of that run; ratios against daxray events on text in this run)"
echo "$results" | awk -v bytes="$((size << 20))" '
  { name[NR] = $1; wall[NR] = $2; rss[NR] = $3; cpu[NR] = $4; if ($1 == "events-text") { base = $2; cbase = $4 } }
  END { for (i = 1; i <= NR; i++)
    printf "%-14s wall %7.2f s  %7.1f MiB/s  %5.2fx text   cpu %7.2f s  %5.2fx text   peak RSS %5.0f MiB\n",
      name[i], wall[i], bytes / 1048576 / wall[i], wall[i] / base, cpu[i], cpu[i] / cbase, rss[i] / 1024 }'
