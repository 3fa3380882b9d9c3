#!/usr/bin/env bash
# Builds a libFuzzer target and runs it for a bounded time.
#
#   Tests/Fuzz/run.sh NAME SECONDS     e.g. Tests/Fuzz/run.sh fuzz-deck 60
#   Tests/Fuzz/run.sh all SECONDS      every target, SECONDS each
#
# The build goes to its own scratch path (.build-fuzz, git-ignored) so it never disturbs the
# normal debug build. Inputs libFuzzer finds interesting go to .build-fuzz/corpus/NAME; the
# committed seeds in Tests/Fuzz/corpus/NAME are only read. An input that breaks a property is
# saved to .build-fuzz/findings/NAME/ and the script exits 1: fix the bug, then copy the input to
# Tests/Fuzz/regressions/NAME/ so `swift test` (CorpusReplayTests) keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/../.."

targets=(fuzz-deck fuzz-history-line fuzz-config fuzz-answer fuzz-terminal-text)
name=${1:?usage: Tests/Fuzz/run.sh NAME|all SECONDS}
seconds=${2:?usage: Tests/Fuzz/run.sh NAME|all SECONDS}
if [ "$name" = all ]; then selected=("${targets[@]}"); else selected=("$name"); fi

# Swift's own crash reporter would take the abort before libFuzzer can save the input.
export SWIFT_BACKTRACE=enable=no

status=0
for target in "${selected[@]}"; do
  [[ " ${targets[*]} " == *" $target "* ]] || { echo "run.sh: found target '$target'; expected one of ${targets[*]} or all" >&2; exit 2; }
  mkdir -p .build-fuzz
  # Quiet unless it fails: dependency warnings are not ours to fix here.
  if ! swift build -c release --sanitize=fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz --product "$target" \
      >.build-fuzz/build-"$target".log 2>&1; then
    cat .build-fuzz/build-"$target".log >&2
    echo "$target: the fuzz build failed (it needs the libFuzzer runtime of the toolchain's clang)" >&2
    exit 1
  fi
  work=.build-fuzz/corpus/$target
  findings=.build-fuzz/findings/$target
  mkdir -p "$work" "$findings"
  log=.build-fuzz/$target.log
  if .build-fuzz/release/"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      -artifact_prefix="$findings/" -print_final_stats=1 "$work" "Tests/Fuzz/corpus/$target" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "$target: ${runs:-?} runs in ${seconds}s (${rate:-?}/s), no property broken; corpus $(ls "$work" | wc -l) inputs"
  else
    echo "$target: FAILED; input saved in $findings/, log in $log" >&2
    grep -a -m1 -E "property broken|ERROR: libFuzzer" "$log" >&2 || true
    status=1
  fi
done
exit $status
