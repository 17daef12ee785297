#!/usr/bin/env bash
# Installs everything the lab needs on a fresh Debian/Ubuntu machine, and nothing twice:
# Java 17 + Maven (the stack's jars), kcat + ab (the lab's tools), Jupyter + nbconvert (the notebook),
# the npm packages, the compiled library the notebook imports, and the tslab kernel for Jupyter.
# The Kafka and Hadoop jars are resolved by `npm run stack:up` on its first run.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(openjdk-17-jdk-headless maven kcat apache2-utils
  jupyter-notebook jupyter-nbconvert python3-nbclient python3-ipykernel)

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

# The notebook's cells require() the library's ES modules: Node.js loads them so from 20.19, 22.12 and 23 on
# (never on 21), as package.json's engines says. CI tests 20 and 24.
command -v node >/dev/null || { echo "✘ Node.js 24 (or 22.12+, 20.19+) is required (https://nodejs.org)" >&2; exit 1; }
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a >= 23 ? 0 : 1)' ||
  { echo "✘ Node.js $(node -v) cannot run the lab: it needs Node.js 24 (or 22.12+, 20.19+)" >&2; exit 1; }

step "npm packages (npm ci when package-lock.json changed)"
sh scripts/install-packages.sh

step "Compiling the library for the notebooks (npm run build)"
npm run -s build

step "Installing the tslab kernel for Jupyter (npm run kernel:install)"
npm run -s kernel:install

step "Set-up done. Next: npm run lab (the whole walkthrough) or npm test"
