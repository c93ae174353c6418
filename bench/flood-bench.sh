#!/usr/bin/env bash
# Bounded triage memory on floods: for each flood of one root cause (bench/GenerateFlood.java: a SIGBUS
# flood on one page, an EDAC CE storm, GHES CE records, memory_failure() verdicts on consecutive pages; and,
# when named, `warnings`: one kernel WARNING report after another, each a whole report of 22 lines),
# times `grep -c -F -f keywords` and `daxray triage --format json` with -Xmx256m and on the default heap,
# in one run, and prints wall time, CPU, peak RSS, the ratio to grep, and what triage made of it (incidents,
# evidence lines counted, exit code).
#
#   bench/flood-bench.sh [SIZE_MIB] [RUNS] [KIND...]   (default 200 MiB, best of 1, all four floods)
#
# The floods are generated once into bench/out/ (git-ignored). DAXRAY_BASE_JAR=path/to/daxray.jar adds
# the same runs with another build (e.g. main's) for a before/after in the same session.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-200}"
runs="${2:-1}"
if (( $# > 2 )); then kinds=("${@:3}"); else kinds=(sigbus edac ghes verdicts); fi
out="${BENCH_DIR:-$root/bench/out}"
mkdir -p "$out"
keywords="$out/keywords.txt"
"$root/daxray" schema --keywords > "$keywords"     # also builds the CLI when needed
jar="$root/cli/target/daxray.jar"

# best_of NAME COMMAND...: best wall time of $runs runs (exit 0 or 1 counts), with its CPU and peak RSS.
best_of() {
  local name="$1"; shift
  local best="" rss="" cpu="" code=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %x %U %S" -o "$out/time.txt" "$@" > "$out/stdout.txt" 2>"$out/stderr.txt" || true
    local t m x u k
    read -r t m x u k < <(tail -1 "$out/time.txt")
    if [[ "$x" != 0 && "$x" != 1 ]] || grep -q OutOfMemoryError "$out/stderr.txt"; then
      echo "$name failed (exit $x): $(grep -m1 -o 'OutOfMemoryError.*' "$out/stderr.txt" || tail -1 "$out/stderr.txt")" >&2
      continue
    fi
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then
      best="$t"; rss="$m"; code="$x"; cpu=$(awk -v u="$u" -v k="$k" 'BEGIN{print u+k}')
      cp "$out/stdout.txt" "$out/best.txt"
    fi
  done
  local what=""
  if [[ -n "$best" && "$name" != grep ]]; then
    what=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
i = d["incidents"]
print("%d incident(s), %d evidence lines (largest %d), %d events read" % (len(i), sum(x["evidenceCount"] for x in i),
      max([x["evidenceCount"] for x in i] or [0]), sum(x["events"] for x in d["inputs"])))' "$out/best.txt")
  fi
  printf '%-22s %s %s %s %s\n' "$name" "${best:-fail}" "${rss:-0}" "${cpu:-0}" "$what"
}

for kind in "${kinds[@]}"; do
  file="$out/flood-$kind-${size}m.log"
  [[ -f "$file" ]] || java "$root/bench/GenerateFlood.java" "$file" "$size" "$kind"
  cat "$file" > /dev/null
  bytes=$(stat -c %s "$file")
  echo "flood: $kind, $file ($((bytes >> 20)) MiB, $(wc -l < "$file") lines)"
  {
    best_of grep grep -c -F -f "$keywords" "$file"
    best_of triage-Xmx256m java -Xmx256m -jar "$jar" triage --format json --quiet "$file"
    best_of triage java -jar "$jar" triage --format json --quiet "$file"
    if [[ -n "${DAXRAY_BASE_JAR:-}" ]]; then
      best_of base-triage-Xmx256m java -Xmx256m -jar "$DAXRAY_BASE_JAR" triage --format json --quiet "$file"
      best_of base-triage java -jar "$DAXRAY_BASE_JAR" triage --format json --quiet "$file"
    fi
  } | awk -v bytes="$bytes" '
    NR == 1 { base = $2 }
    $2 == "fail" { printf "  %-22s failed (see above)\n", $1; next }
    { printf "  %-22s wall %7.2f s  %6.1f MiB/s  %6.2fx grep   cpu %7.2f s   peak RSS %5.0f MiB   ", $1, $2, bytes / 1048576 / $2, $2 / base, $4, $3 / 1024;
      for (i = 5; i <= NF; i++) printf "%s ", $i; printf "\n" }'
done
echo "(best of $runs by wall time; cpu = user+sys; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
