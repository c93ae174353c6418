#!/usr/bin/env bash
# Fleet benchmark, in one run so the ratios hold on a noisy shared machine:
#   1. `daxray batch` over a synthetic fleet, next to `zcat | grep -c -F` of the prefilter keywords
#      over the same compressed files (the issue's baseline) and `zcat` alone (decompression, the
#      floor of any reader): wall time, MB/s of compressed input, peak RSS;
#   2. an index of N generated incidents written straight through IncidentIndex: bytes per
#      incident, search p50/p99, facet and group-by latency, peak RSS (bench/IndexBench.java).
#
#   bench/fleet-bench.sh [HOSTS] [MIB_PER_HOST] [INCIDENTS]     (default 2000 hosts × 6.5 MiB, 1,000,000)
#
# The issue's size is 2,000 hosts and about 2 GiB compressed (≈ 6.5 MiB of text per host, gzip ≈ 6.5×).
# The fleet is generated once into bench/out/ (git-ignored) by bench/GenerateFleet.java.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hosts="${1:-2000}"
per="${2:-6.5}"
incidents="${3:-1000000}"
out="${BENCH_DIR:-$root/bench/out}"
fleet="$out/fleet-${hosts}x${per}"
mkdir -p "$out"

[[ -d "$fleet" ]] || java -Dsamples="$root/samples" "$root/bench/GenerateFleet.java" "$fleet" "$hosts" "$per"
"$root/daxray" schema --keywords > "$out/keywords.txt"     # also builds the CLI when needed
find "$fleet" -type f -name '*.gz' | sort > "$out/files.txt"
xargs -a "$out/files.txt" cat > /dev/null                   # page cache warm for both contenders
bytes=$(xargs -a "$out/files.txt" du -cb | tail -1 | cut -f1)
raw=$(xargs -a "$out/files.txt" zcat | wc -c)

timed() {  # timed NAME COMMAND...: wall seconds and peak RSS (KiB) of the command and its children
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" > "$out/$name.out" 2> "$out/$name.err" || true
  echo "$name $(tail -1 "$out/time.txt")"
}

rm -rf "$out/idx-batch" "$out/idx-generated"
results=$(
  timed zcat-grep bash -c "xargs -a '$out/files.txt' zcat | grep -c -F -f '$out/keywords.txt'"
  timed zcat bash -c "xargs -a '$out/files.txt' zcat > /dev/null"
  timed batch "$root/daxray" batch --quiet --index "$out/idx-batch" "$fleet"
)
echo "fleet: $fleet: $hosts hosts, $(find "$fleet" -type f | wc -l) files, $((bytes >> 20)) MiB compressed, $((raw >> 20)) MiB text, $(nproc) cores"
echo "$results" | awk -v bytes="$bytes" '
  NR == 1 { base = $2 }
  { printf "%-10s %8.2f s  %7.1f MB/s compressed  %5.2fx zcat|grep  peak RSS %5.0f MiB\n", $1, $2, bytes / 1e6 / $2, $2 / base, $3 / 1024 }'
head -3 "$out/batch.out"
echo "batch index: $(du -sb "$out/idx-batch" | cut -f1) bytes"

/usr/bin/time -f "%e %M" -o "$out/time.txt" java -cp "$root/cli/target/daxray.jar" "$root/bench/IndexBench.java" \
  "$out/idx-generated" "$incidents" 200 2> "$out/index-bench.err"
echo "index bench: $(awk '{printf "%.0f s, peak RSS %.0f MiB", $1, $2 / 1024}' "$out/time.txt")"
