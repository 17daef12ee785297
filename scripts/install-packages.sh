#!/bin/sh
# `npm ci`, only when package-lock.json changed since the last install: npm ci empties node_modules
# first, so running it every time costs minutes. The stamp lives in node_modules, so a fresh checkout,
# a removed node_modules and the compose file's node_modules volume each install once.
# Used by scripts/bootstrap.sh and by the app container's start (docker/app-start.sh). Its result is one
# line on stdout (bootstrap's phase line takes it); npm's progress goes to stderr.
set -eu
cd "$(dirname "$0")/.."
stamp=node_modules/.lab-lock-stamp
# node rather than sha256sum, which macOS lacks
lock_hash=$(node -e 'process.stdout.write(require("node:crypto").createHash("sha256").update(require("node:fs").readFileSync("package-lock.json")).digest("hex"))')
if [ "$(cat "$stamp" 2>/dev/null)" = "$lock_hash" ]; then
  echo "npm packages: up to date (package-lock.json unchanged since the last npm ci)"
  exit 0
fi
echo "Installing the npm packages (npm ci) ..." >&2
npm ci --no-audit --no-fund >&2
echo "$lock_hash" >"$stamp"
echo "npm packages: installed with npm ci"
