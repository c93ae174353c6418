# Shared by the bench scripts: best_of NAME COMMAND... runs the command $runs times (stdout to
# $out/stdout.txt, not /dev/null: GNU grep stops at the first match when it sees /dev/null) and
# prints "NAME best-wall-seconds peak-RSS-KiB cpu-seconds" of the fastest run. Exit status 0 and 1
# (grep: no match; triage: findings) count; any other run is reported and dropped.
best_of() {
  local name="$1"; shift
  local best="" rss="" cpu=""
  for _ in $(seq "$runs"); do
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

# grep_and_daxray FILE: the common contenders on FILE: grep of the keywords ($keywords), then events and
# triage through the launcher, each on the default heap and with -Xmx256m.
grep_and_daxray() {
  local file="$1"
  best_of grep grep -c -F -f "$keywords" "$file"
  best_of events "$root/daxray" events --format jsonl --quiet "$file"
  DAXRAY_JAVA_OPTS=-Xmx256m best_of events-Xmx256m "$root/daxray" events --format jsonl --quiet "$file"
  best_of triage "$root/daxray" triage --format json --quiet "$file"
  DAXRAY_JAVA_OPTS=-Xmx256m best_of triage-Xmx256m "$root/daxray" triage --format json --quiet "$file"
}
