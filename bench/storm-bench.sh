#!/usr/bin/env bash
# Dense captures: `daxray events --format jsonl` and `daxray triage --format json`, each on the default
# heap and with -Xmx256m, against `grep -c -F` of the prefilter keywords on the same file, in one run, with
# wall time, CPU and peak RSS. The sparse benchmark (events-bench.sh) has 0.1 % incident lines; here a
# storm from one failing part makes PER_MILLE of the lines (default 50: 5 %, a realistic storm density).
#
#   bench/storm-bench.sh [SIZE_MIB] [RUNS] [PROFILE...]   (default 256 MiB, best of 3, edac ghes sigbus mixed)
#
# Profiles (bench/GenerateDmesg.java): edac (EDAC CE storm from one DIMM), ghes (firmware-first CE records),
# sigbus (SIGBUS flood on one 2 MiB dax page), mixed (the three in turn, with the sparse incidents). Captures
# are generated once into bench/out/ (git-ignored). PER_MILLE=… changes the density. BASE_JAR=path/to/daxray.jar
# adds that jar's events and triage (default heap) as contenders, for a before/after in the same run (build
# one from another commit with `git archive <commit> | tar -x -C DIR` and `mvn -q -DskipTests package -pl cli -am`
# there).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-256}"
runs="${2:-3}"
if (( $# > 2 )); then profiles=("${@:3}"); else profiles=(edac ghes sigbus mixed); fi
density="${PER_MILLE:-50}"
out="${BENCH_DIR:-$root/bench/out}"
mkdir -p "$out"
keywords="$out/keywords.txt"
"$root/daxray" schema --keywords > "$keywords"     # also builds the CLI when needed

source "$root/bench/lib.sh"

for profile in "${profiles[@]}"; do
  file="$out/storm-$profile-${density}pm-${size}m.log"
  [[ -f "$file" ]] || java "$root/bench/GenerateDmesg.java" "$file" "$size" "$density" 42 "$profile"
  cat "$file" > /dev/null                            # page cache warm for every contender
  results=$(
    grep_and_daxray "$file"
    if [[ -n "${BASE_JAR:-}" ]]; then
      best_of events@base java -jar "$BASE_JAR" events --format jsonl --quiet "$file"
      best_of triage@base java -jar "$BASE_JAR" triage --format json --quiet "$file"
    fi
  )
  bytes=$(stat -c %s "$file")
  lines=$(wc -l < "$file")
  relevant=$(grep -c -F -f "$keywords" "$file" || true)
  echo "storm: $profile, $file ($((bytes >> 20)) MiB, $lines lines, $relevant with a keyword)"
  echo "$results" | awk -v bytes="$bytes" '
    NR == 1 { base = $2; cbase = $4 }
    { printf "  %-16s wall %7.2f s  %7.1f MiB/s  %5.2fx grep   cpu %7.2f s  %5.2fx grep   peak RSS %5.0f MiB\n", $1, $2, bytes / 1048576 / $2, $2 / base, $4, $4 / cbase, $3 / 1024 }'
done
echo "(best of $runs by wall time; cpu = user+sys of that run; ratios against grep in this run; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
