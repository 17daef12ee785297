#!/bin/sh
# The app container's start (docker-compose.yml): the npm packages when package-lock.json changed, the
# compiled library the notebook imports, then the mark its healthcheck waits for. The lab itself runs
# later, by `docker compose exec app npm run lab`.
set -eu
rm -f /tmp/lab-ready
if [ ! -w /lab ]; then
  echo "✘ the container's user (uid $(id -u)) cannot write the checkout mounted at /lab (owned by uid $(stat -c %u /lab))" >&2
  echo "  → on the host, once: printf 'UID=%s\\nGID=%s\\n' \"\$(id -u)\" \"\$(id -g)\" > .env; then docker compose up -d --build --wait" >&2
  exit 1
fi
sh scripts/install-packages.sh
npm run -s build
touch /tmp/lab-ready
exec sleep infinity
