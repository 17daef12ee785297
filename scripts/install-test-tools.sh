#!/usr/bin/env bash
# What only the tests need, installed when missing and skipped when present; `npm test` runs this first
# (and .ci/run through npm test). The student's set-up, scripts/bootstrap.sh, installs neither:
# - Chromium at /usr/bin/chromium, for the notebook's browser test (puppeteer-core drives it and
#   downloads no browser);
# - Compose, to validate docker-compose.yml (no Docker engine needed): Docker's `docker compose` plugin
#   when it is there, Debian's docker-compose otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup-lib.sh
source scripts/setup-lib.sh

# Ubuntu's chromium packages only install a snap, which fails where snapd does not run (containers, WSL).
is_ubuntu() {
  [ -r /etc/os-release ] && (. /etc/os-release && [[ " ${ID:-} ${ID_LIKE:-} " == *" ubuntu "* ]])
}

test_tools() {
  local wanted=() notes=()
  if [ ! -x /usr/bin/chromium ]; then
    if has_apt && ! is_ubuntu; then
      wanted+=(chromium)
    else
      notes+=("no /usr/bin/chromium: the notebook's browser test needs Chromium there (on Ubuntu: \`snap install chromium\` where snapd runs, then \`ln -s /snap/bin/chromium /usr/bin/chromium\`)")
    fi
  fi
  if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
    if has_apt; then
      wanted+=(docker-compose)
    else
      notes+=("no Docker Compose: the compose tests need \`docker compose\` or docker-compose")
    fi
  fi
  if ((${#wanted[@]} > 0)); then
    apt_install "${wanted[@]}"
    PHASE_RESULT="installed ${wanted[*]}"
  else
    PHASE_RESULT="all present"
  fi
  if ((${#notes[@]} > 0)); then
    PHASE_RESULT="${PHASE_RESULT/all present/nothing installed}"
    printf '  → %s\n' "${notes[@]}" >&2
  fi
}

phase "test tools" test_tools
