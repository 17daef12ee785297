#!/usr/bin/env bash
# Makes `docker compose` available to the Docker client, which the tests use to validate
# docker-compose.yml (`docker compose config` needs no Docker engine). Nothing happens when the plugin
# is there already. Otherwise the plugin is built from its Go module (github.com/docker/compose) with the
# Go toolchain, into ~/.docker/cli-plugins, where the Docker client looks for plugins.
set -euo pipefail

COMPOSE_MODULE=github.com/docker/compose/v5
COMPOSE_VERSION=v5.6.0 # its go.mod asks for Go 1.26.8
PLUGIN_DIR="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"

if docker compose version >/dev/null 2>&1; then
  echo "docker compose: $(docker compose version --short 2>/dev/null || echo present)"
  exit 0
fi
if ! command -v docker >/dev/null; then
  echo "no docker client: nothing to add docker compose to (the docker-compose.yml test is skipped)"
  exit 0
fi
command -v go >/dev/null || {
  echo "✘ docker compose is missing and there is no Go toolchain to build it:" >&2
  echo "  install the docker-compose-plugin package of your Docker distribution" >&2
  exit 1
}

echo "Building docker compose ${COMPOSE_VERSION} from its Go module (first time only, ~2 min) ..."
src=$(go mod download -json "${COMPOSE_MODULE}@${COMPOSE_VERSION}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$src" ] || { echo "✘ go mod download ${COMPOSE_MODULE}@${COMPOSE_VERSION} failed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the module cache is read-only, and a module with replace directives must be built as the main module
cp -r "$src/." "$work" && chmod -R u+w "$work"
mkdir -p "$PLUGIN_DIR"
(cd "$work" && go build -trimpath -ldflags "-s -w -X ${COMPOSE_MODULE}/internal.Version=${COMPOSE_VERSION}" \
  -o "$PLUGIN_DIR/docker-compose" ./cmd)
echo "✔ docker compose $(docker compose version --short)"
