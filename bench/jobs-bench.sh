#!/usr/bin/env bash
# Why `batch --jobs` scales with cores, measured: the same fleet with --jobs 1, 2, 4 and 8 (wall
# time and peak RSS: what each job adds in memory, read-ahead included), and the index writer's
# throughput (bench/WriterBench.java), the one serial step, which bounds the jobs it can keep busy.
#
#   bench/jobs-bench.sh [HOSTS] [MIB_PER_HOST]      (default 200 hosts × 2 MiB)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/fleet-setup.sh"
"$root/daxray" schema --keywords > /dev/null
find "$fleet" -type f -exec cat {} + > /dev/null
echo "fleet: $fleet: $hosts hosts, $(du -sm "$fleet" | cut -f1) MiB compressed, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for jobs in 1 2 4 8; do
  rm -rf "$out/idx-jobs"
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$root/daxray" batch --quiet --jobs "$jobs" --index "$out/idx-jobs" "$fleet" > /dev/null
  awk -v j="$jobs" '{ printf "batch --jobs %d  %7.2f s  peak RSS %5.0f MiB\n", j, $1, $2 / 1024 }' "$out/time.txt"
done
for jobs in 1 8; do      # the heap every job shares: does --jobs 8 fit where --jobs 1 does?
  rm -rf "$out/idx-jobs"
  if DAXRAY_JAVA_OPTS=-Xmx64m "$root/daxray" batch --quiet --jobs "$jobs" --index "$out/idx-jobs" "$fleet" > /dev/null 2>&1; then
    echo "batch --jobs $jobs with -Xmx64m: completes"
  else
    echo "batch --jobs $jobs with -Xmx64m: fails"
  fi
done
for args in "1 64" "1 0" "10 64" "10 0"; do
  rm -rf "$out/idx-writer"
  # shellcheck disable=SC2086
  java -Dsamples="$root/samples" -cp "$root/cli/target/daxray.jar" "$root/bench/WriterBench.java" "$out/idx-writer" 20000 $args
done
