#!/usr/bin/env bash
# Installs everything the lab needs on a fresh Debian/Ubuntu machine, and nothing twice:
# Java 17 + Maven (the stack's jars), kcat + ab (the lab's tools), Jupyter + nbconvert (the notebook),
# python3-venv (the cluster's PySpark virtualenv), the npm packages, the compiled library the notebook
# imports, and the tslab kernel for Jupyter. The Kafka and Hadoop jars are resolved by `npm run stack:up`
# on its first run; PySpark is installed with pip by the first `npm run stack:up -- --cluster`.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(openjdk-17-jdk-headless maven kcat apache2-utils
  jupyter-notebook jupyter-nbconvert python3-nbclient python3-ipykernel python3-venv)

step() { printf '\n==> %s\n' "$*"; }

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
# The tests validate docker-compose.yml with Compose (no engine needed): Docker's own plugin when it is
# there, Debian's docker-compose otherwise.
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
  missing+=(docker-compose)
fi
if ((${#missing[@]})); then
  step "Installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "✘ need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  step "Debian packages: all present"
fi

# 20.19: the first Node.js 20 whose require() loads ES modules, which the notebook's cells rely on
command -v node >/dev/null || { echo "✘ Node.js 20.19 or newer is required (https://nodejs.org)" >&2; exit 1; }
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
  { echo "✘ Node.js $(node -v) is too old: the lab needs Node.js 20.19 or newer" >&2; exit 1; }

# npm ci only when the lock file changed since the last install (it wipes node_modules).
stamp=node_modules/.lab-lock-stamp
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  step "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" >"$stamp"
else
  step "npm packages: up to date"
fi

step "Compiling the library for the notebooks (npm run build)"
npm run -s build

step "Installing the tslab kernel for Jupyter (npm run kernel:install)"
npm run -s kernel:install

step "Set-up done. Next: npm run lab (the whole walkthrough) or npm test"
