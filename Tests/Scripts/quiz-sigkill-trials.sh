#!/usr/bin/env bash
# SIGKILL the real quiz in tmux at random moments and check that no acknowledged answer is lost.
#   Tests/Scripts/quiz-sigkill-trials.sh BINARY [TRIALS]
# An answer is acknowledged once the progress counter on screen shows it (the quiz shows the next
# card only after the answer's write + fsync). Each trial answers 1-6 cards, sends one more grade
# and kills the process 0-30 ms later, then checks: the history has at least as many answers as
# were acknowledged, at most one more, and `statusdeck stats` reads it (exit 0).
set -euo pipefail
bin="$1"; trials="${2:-200}"
socket="sdkill-$$"
work="$(mktemp -d)"; trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
lost=0; extra=0; total=0
progress() { tmux -L "$socket" capture-pane -p | sed -n 2p | awk '{print $NF}' | cut -d/ -f1; }
for t in $(seq 1 "$trials"); do
  dir="$work/$t"; mkdir -p "$dir"
  tmux -L "$socket" -f /dev/null new-session -d -x 80 -y 24 "LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no $bin review --mode flip --data-dir $dir; sleep 60"
  for _ in $(seq 200); do tmux -L "$socket" capture-pane -p | grep "Space show answer" >/dev/null && break; sleep 0.02; done
  pid=$(pgrep -P "$(tmux -L "$socket" display -p '#{pane_pid}')" | sed -n 1p)
  answers=$((RANDOM % 6 + 1)); acked=0
  for a in $(seq 1 "$answers"); do
    tmux -L "$socket" send-keys Space; sleep 0.03
    tmux -L "$socket" send-keys "$((RANDOM % 4 + 1))"
    for _ in $(seq 200); do [ "$(progress)" = "$a" ] && break; sleep 0.01; done
    [ "$(progress)" = "$a" ] && acked=$a
  done
  tmux -L "$socket" send-keys Space; sleep 0.03; tmux -L "$socket" send-keys 3
  sleep "0.0$((RANDOM % 30))"
  kill -KILL "$pid" 2>/dev/null || true
  tmux -L "$socket" kill-server 2>/dev/null || true
  total=$((total + acked))
  lines=0; [ -f "$dir/history.jsonl" ] && lines=$(grep -c . "$dir/history.jsonl" || true)
  if [ "$lines" -lt "$acked" ]; then lost=$((lost + 1)); echo "trial $t: $acked acknowledged, $lines in the file" >&2; fi
  if [ "$lines" -gt $((acked + 1)) ]; then extra=$((extra + 1)); echo "trial $t: $acked acknowledged, $lines in the file (too many)" >&2; fi
  "$bin" stats --data-dir "$dir" >/dev/null 2>"$dir.err" || { lost=$((lost + 1)); echo "trial $t: stats failed: $(cat "$dir.err")" >&2; }
done
echo "$total acknowledged answers in $trials trials" >&2
echo "$((trials - lost - extra)) passed, $((lost + extra)) failed"
[ "$lost" -eq 0 ] && [ "$extra" -eq 0 ]
