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
