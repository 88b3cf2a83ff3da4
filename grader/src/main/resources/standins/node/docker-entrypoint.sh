#!/bin/sh
# As upstream's node image: a first argument that is an option, or no command on the PATH, runs node with it.
set -e
if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1" || true)" ]; then
  set -- node "$@"
fi
exec "$@"
