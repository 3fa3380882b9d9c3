#!/usr/bin/env bash
# Creates the peers' virtual environment for `statusdeck-bench --peers`: py-fsrs, the Rust FSRS
# core through its Python binding, and the Anki library. Peers are only measured against, never a
# dependency of the product, so they live in a git-ignored venv at the repository root.
# Idempotent: does nothing when the venv already has the pinned versions.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
venv="${STATUSDECK_BENCH_VENV:-$root/.venv-bench}"
pins=("fsrs==6.3.2" "fsrs-rs-python==0.9.3" "anki==26.9.3")

if [ -x "$venv/bin/python" ] && "$venv/bin/python" - "${pins[@]}" <<'PY' >/dev/null 2>&1
import sys, importlib.metadata as m
for pin in sys.argv[1:]:
    name, version = pin.split("==")
    if m.version(name) != version:
        sys.exit(1)
import fsrs, fsrs_rs_python, anki.collection  # noqa: F401  (importable, not only installed)
PY
then
  echo "peers: $venv is ready" >&2
  exit 0
fi
echo "peers: creating $venv with ${pins[*]}" >&2
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "${pins[@]}"
echo "peers: $venv is ready" >&2
