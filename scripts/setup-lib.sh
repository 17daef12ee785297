# Shell functions shared by scripts/bootstrap.sh (the lab's set-up) and scripts/install-test-tools.sh
# (what only the tests need). Sourced, never run on its own.

# Seconds since the epoch: with microseconds where bash has them (5.0 on), whole seconds on macOS's bash 3.2.
clock() {
  if [ -n "${EPOCHREALTIME:-}" ]; then echo "${EPOCHREALTIME/,/.}"; else date +%s; fi
}

# phase NAME COMMAND...: runs COMMAND in this shell, then prints one line, `==> NAME: RESULT (T s)`.
# COMMAND says what it did by setting PHASE_RESULT ("all present", "installed kcat"); "done" otherwise.
# Whatever COMMAND prints (apt's or npm's progress) comes before that line.
phase() {
  local name=$1 start
  shift
  start=$(clock)
  PHASE_RESULT=done
  "$@"
  printf '==> %s: %s (%s s)\n' "$name" "$PHASE_RESULT" "$(awk -v a="$start" -v b="$(clock)" 'BEGIN { printf "%.1f", b - a }')"
}

# Whether this system installs with apt (Debian, Ubuntu and their kin).
has_apt() {
  command -v apt-get >/dev/null && command -v dpkg-query >/dev/null
}

# The Debian packages among the arguments that are not installed, one a line.
apt_missing() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
}

# apt-get install the arguments, as root or through sudo.
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "✘ need root or sudo to install: $*" >&2; return 1; }
    sudo=sudo
  fi
  echo "Installing with apt: $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
