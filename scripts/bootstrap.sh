#!/usr/bin/env bash
# Installs everything the lab needs on a fresh Debian/Ubuntu machine, and nothing twice:
# Java 17 + Maven (the stack's jars), kcat + ab (the lab's tools),
# Chromium (the notebook's browser test, driven by puppeteer-core: no browser download), python3-venv
# (the virtualenvs of the lab's Jupyter and the cluster's PySpark), the npm packages, the compiled library
# the notebook imports, and the lab's Jupyter (JupyterLab 4, Notebook 7, nbclient; pinned, from PyPI)
# with the tslab kernel. The Kafka and Hadoop jars are resolved by `npm run stack:up` on its first run;
# PySpark is installed with pip by the first `npm run stack:up -- --cluster`.
# On macOS it says what to install with Homebrew (it installs nothing itself there); elsewhere, what
# the lab needs.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(openjdk-17-jdk-headless maven kcat apache2-utils chromium python3-venv)

step() { printf '\n==> %s\n' "$*"; }

install_debian_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  # The tests validate docker-compose.yml with Compose (no engine needed): Docker's own plugin when it is
  # there, Debian's docker-compose otherwise.
  if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
    missing+=(docker-compose)
  fi
  if ((${#missing[@]} == 0)); then
    step "Debian packages: all present"
    return
  fi
  step "Installing Debian packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "✘ need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The programs the lab runs, each with the check that it works (macOS's /usr/bin/java is a stub that
# fails without a JDK) and its Homebrew formula.
require_programs() {
  local missing=() formulas=()
  java -version >/dev/null 2>&1 || { missing+=(java); formulas+=(openjdk@17); }
  mvn -v >/dev/null 2>&1 || { missing+=(mvn); formulas+=(maven); }
  command -v kcat >/dev/null || { missing+=(kcat); formulas+=(kcat); }
  command -v ab >/dev/null || { missing+=(ab); formulas+=(httpd); }
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || { missing+=(python3-venv); formulas+=(python@3); }
  if ((${#missing[@]} == 0)); then
    step "Java, Maven, kcat, ab, Python venv: all present"
    return
  fi
  echo "✘ missing: ${missing[*]}" >&2
  if [ "$(uname -s)" = Darwin ]; then
    # untested: our machines run Debian; these are Homebrew's formula names
    echo "  → install them with Homebrew (https://brew.sh), then run this again:" >&2
    echo "      brew install ${formulas[*]}" >&2
    if [[ " ${formulas[*]} " == *" openjdk@17 "* ]]; then
      echo "    openjdk@17 is keg-only: put it first on PATH, e.g. in ~/.zshrc:" >&2
      echo "      export PATH=\"\$(brew --prefix openjdk@17)/bin:\$PATH\"" >&2
    fi
  else
    echo "  → install them with your system's packages (Java 17+, Maven, kcat, Apache Bench, Python 3 with" >&2
    echo "    venv), then run this again; or use Docker (README: With Docker instead)" >&2
  fi
  exit 1
}

if command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; then
  install_debian_packages
else
  require_programs
fi

# The notebook's cells require() the library's ES modules: Node.js loads them so from 20.19, 22.12 and 23 on
# (never on 21), as package.json's engines says. CI tests 20 and 24.
command -v node >/dev/null || { echo "✘ Node.js 24 (or 22.12+, 20.19+) is required (https://nodejs.org; macOS: brew install node@24)" >&2; exit 1; }
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a >= 23 ? 0 : 1)' ||
  { echo "✘ Node.js $(node -v) cannot run the lab: it needs Node.js 24 (or 22.12+, 20.19+)" >&2; exit 1; }

step "npm packages (npm ci when package-lock.json changed)"
sh scripts/install-packages.sh

step "Compiling the library for the notebooks (npm run build)"
npm run -s build

step "The lab's Jupyter (a venv in .lab/jupyter-venv, first time only) and the tslab kernel (npm run kernel:install)"
npm run -s kernel:install

step "Set-up done. Next: npm run lab (the whole walkthrough) or npm test"
