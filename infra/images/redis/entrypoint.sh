#!/bin/sh
# Entrypoint of provisioner/redis:7 (one tenant's queue): redis-server in the foreground, as the redis user.
#
# Contract
#   network  TCP 6379 on every address, no protected mode, no password (put it on the tenant's internal network)
#   data     none kept: no RDB snapshots (--save ''), no AOF; a restart empties it (the product must cope)
#   args     appended to redis-server, e.g. --maxmemory 64mb --maxmemory-policy noeviction
#   user     the image runs as `redis`; started as root (docker run --user 0) it drops to redis with setpriv
#   stop     SIGTERM (STOPSIGNAL in the image): redis-server exits at once
set -eu
set -- redis-server --bind 0.0.0.0 --protected-mode no --port 6379 --save '' --appendonly no --dir /var/lib/redis "$@"
if [ "$(id -u)" = 0 ]; then
    exec setpriv --reuid=redis --regid=redis --init-groups "$@"
fi
exec "$@"
