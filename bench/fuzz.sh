#!/usr/bin/env bash
# Fuzzes daxray's parsers with Jazzer, one target after the other, SECONDS each (default 60).
#
#   bench/fuzz.sh [SECONDS] [TARGET...]      TARGET: Class#method, e.g. EnvelopeFuzzTest#envelope
#
# Each target is a @FuzzTest in analyzer/src/test/java (in mvn -B verify they only replay their seeds
# from analyzer/src/test/resources/.../<Class>Inputs/<method>/). Here JAZZER_FUZZ=1 turns one of them
# into a fuzzing run with Jazzer's hooks and coverage instrumentation on (but its regex-injection
# sanitizer: rule files compile the regexes their authors write, by design); an input that throws, runs
# longer than 1 s (libFuzzer -timeout=1) or allocates more than 64 MB (checked by the targets) is a
# finding. Jazzer stops at the first finding of a target and writes it into that target's seed
# directory, so the next mvn verify replays it (and fails until it is fixed); the libFuzzer corpus it
# grows stays in analyzer/.cifuzz-corpus/ (git-ignored). Logs go to bench/out/fuzz/. Prints one line per target:
# executions, seconds, executions per second, corpus size and findings.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(
    EnvelopeFuzzTest#envelope
    FamilyFuzzTest#printk FamilyFuzzTest#crash FamilyFuzzTest#crashBlocks FamilyFuzzTest#memoryFailure FamilyFuzzTest#inject
    FamilyFuzzTest#mce FamilyFuzzTest#ghes FamilyFuzzTest#edac FamilyFuzzTest#fs FamilyFuzzTest#nvdimm
    FamilyFuzzTest#storage FamilyFuzzTest#pat FamilyFuzzTest#tracepoint
    FamilyFuzzTest#mcelog FamilyFuzzTest#rasdaemon FamilyFuzzTest#ipmi
    JournalFuzzTest#json JournalFuzzTest#export JournalFuzzTest#verbose JournalFuzzTest#dmesgJson JournalFuzzTest#wall
    RasDatabaseFuzzTest#database RasDatabaseFuzzTest#sqlDump
    DeviceStateFuzzTest#ndctlJson DeviceStateFuzzTest#iomem DeviceStateFuzzTest#sysfs
    BpftraceFuzzTest#output BpftraceFuzzTest#mappings
    RulesFuzzTest#parseBindFormat QueryFuzzTest#query CaptureFuzzTest#capture
  )
fi
out="$root/bench/out/fuzz"
mkdir -p "$out"
cd "$root"

# The package of each test class, for its seed directory.
package_of() {
  local file
  file=$(find analyzer/src/test/java -name "$1.java" -print -quit)
  dirname "${file#analyzer/src/test/java/}"
}

printf '%-34s %12s %8s %10s %8s %s\n' target executions seconds exec/s corpus findings
for target in "${targets[@]}"; do
  class="${target%%#*}"
  method="${target##*#}"
  log="$out/$class-$method.log"
  seeds="analyzer/src/test/resources/$(package_of "$class")/${class}Inputs/$method"
  rm -f analyzer/crash-* analyzer/timeout-* analyzer/oom-* analyzer/Crash_*.java
  mkdir -p "$seeds"
  before=$(ls "$seeds")
  status=0
  # jazzer.internal.arg.N are libFuzzer's arguments (arg.0 stands for argv[0]); they come after
  # @FuzzTest's own, so they win.
  JAZZER_FUZZ=1 mvn -B -o verify -pl analyzer -am -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.hooks=true '-Djazzer.instrumentation_includes=dev.daxray.**' \
    -Djazzer.disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection \
    -DargLine="-Xmx1g -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=$seconds -Djazzer.internal.arg.2=-timeout=1" \
    > "$log" 2>&1 || status=$?
  done_line=$(grep -a -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 || true)
  runs=$(awk '{print $2}' <<< "$done_line")
  secs=$(awk '{print $5}' <<< "$done_line")
  corpus=$(grep -a -o 'corp: [0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
  findings=()
  # Jazzer writes a finding into the seed directory (or, without one, into analyzer/).
  for finding in $(comm -13 <(echo "$before") <(ls "$seeds")); do
    findings+=("$seeds/$finding")
  done
  for finding in analyzer/crash-* analyzer/timeout-* analyzer/oom-*; do
    [[ -f "$finding" ]] || continue
    mv "$finding" "$seeds/"
    findings+=("$seeds/$(basename "$finding")")
  done
  rm -f analyzer/Crash_*.java
  if [[ $status -ne 0 && ${#findings[@]} -eq 0 ]]; then
    findings+=("run failed with status $status, see $log")
  fi
  rate=$(awk -v r="${runs:-0}" -v s="${secs:-0}" 'BEGIN { if (s > 0) printf "%d", r / s; else print "-" }')
  printf '%-34s %12s %8s %10s %8s %s\n' "$target" "${runs:--}" "${secs:--}" "$rate" "${corpus:--}" \
    "${findings[*]:-none}"
done
