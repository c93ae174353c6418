# Sourced by the fleet benchmarks: root, out, and a generated fleet of $1 hosts × $2 MiB (default
# 200 × 2) in $fleet, made once by bench/GenerateFleet.java into bench/out/ (git-ignored).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hosts="${1:-200}"
per="${2:-2}"
out="${BENCH_DIR:-$root/bench/out}"
fleet="$out/fleet-${hosts}x${per}"
mkdir -p "$out"
[[ -d "$fleet" ]] || java -Dsamples="$root/samples" "$root/bench/GenerateFleet.java" "$fleet" "$hosts" "$per"
