# Sourced by .ci/setup. ensure_venv DIR: leaves a working virtualenv (python and pip) at DIR.
#
# A setup interrupted while making a venv (Ctrl-C, a full disk, a lost connection during
# ensurepip) leaves DIR with no python or no pip, and every later run used to fail on it. Such a
# DIR is made again; a working one is kept with the packages already in it.
ensure_venv() {
  local venv="$1"
  if [ -e "$venv" ] && ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
    echo "setup: $venv is not a working virtualenv (an interrupted setup?); making it again" >&2
    rm -rf "$venv"
  fi
  [ -e "$venv" ] || python3 -m venv "$venv"
}
