#!/usr/bin/env bash
# Installs what the lab needs on a fresh Debian/Ubuntu machine, and nothing twice: Java 17 + Maven (the
# stack's jars), kcat + ab (the lab's tools), python3-venv (the virtualenvs of the lab's Jupyter and the
# cluster's PySpark), the npm packages, the compiled library the notebook imports, and the lab's Jupyter
# (JupyterLab 4, Notebook 7, nbclient; pinned, from PyPI) with the tslab kernel. The Kafka and Hadoop jars
# are resolved by `npm run stack:up` on its first run; PySpark is installed with pip by the first
# `npm run stack:up -- --cluster`. What only the tests need (Chromium, Compose) is
# scripts/install-test-tools.sh's, which `npm test` runs.
# On macOS it says what to install with Homebrew (it installs nothing itself there); elsewhere, what
# the lab needs. One line per phase, with its time.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup-lib.sh
source scripts/setup-lib.sh

APT_PACKAGES=(openjdk-17-jdk-headless maven kcat apache2-utils python3-venv)

system_packages() {
  local missing
  mapfile -t missing < <(apt_missing "${APT_PACKAGES[@]}")
  if ((${#missing[@]} == 0)); then
    PHASE_RESULT="all present"
    return
  fi
  apt_install "${missing[@]}"
  PHASE_RESULT="installed ${missing[*]}"
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
    PHASE_RESULT="Java, Maven, kcat, ab, Python venv all present"
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
    echo "    venv), then run this again; or use Docker (docs/docker.md)" >&2
  fi
  exit 1
}

if has_apt; then
  phase "system packages" system_packages
else
  phase "system packages" require_programs
fi

# The notebook's cells require() the library's ES modules: Node.js loads them so from 20.19, 22.12 and 23 on
# (never on 21), as package.json's engines says. CI tests 20 and 24.
command -v node >/dev/null || { echo "✘ Node.js 24 (or 22.12+, 20.19+) is required (https://nodejs.org; macOS: brew install node@24)" >&2; exit 1; }
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a >= 23 ? 0 : 1)' ||
  { echo "✘ Node.js $(node -v) cannot run the lab: it needs Node.js 24 (or 22.12+, 20.19+)" >&2; exit 1; }

# install-packages.sh prints npm's progress on stderr and its result on stdout
npm_packages() {
  local result
  result=$(sh scripts/install-packages.sh)
  PHASE_RESULT=${result#npm packages: }
}
phase "npm packages" npm_packages

# the compiled library the notebooks import
phase build npm run -s build

# the lab's Jupyter (a venv in .lab/jupyter-venv, made the first time) and the tslab kernel
phase kernel npm run -s kernel:install

echo "Set-up done. Next: npm run lab (the whole walkthrough) or npm test"
