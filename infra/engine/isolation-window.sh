#!/usr/bin/env bash
# Measures whether a container on one network can open a connection to a database on another network of this engine while
# networks are being created (Docker before 28 re-inserts its isolation jumps on each network create; see
# isolation-guard.sh). Two networks A and B (B internal, like a tenant's database network), a PostgreSQL on B, a loop
# creating and removing networks, and PROBES connection attempts from A to B's address; prints how many got through and
# how many networks the loop made meanwhile. 0 is the only good answer. Removes everything it created, also when
# interrupted. A probe from B's own network first shows the database answers (else the 0 would mean nothing).
#
# Usage: infra/engine/isolation-window.sh [probes]   (default 80; needs the provisioner/postgres:15 and base images: make images)
set -euo pipefail

PROBES=${1:-80}
P=isowin-$$
WORK=$(mktemp -d)
PW=$WORK/password
STOP=$WORK/stop
COUNT=$WORK/churned
churn_pid=

cleanup() {
    touch "$STOP"
    [ -z "$churn_pid" ] || wait "$churn_pid" 2>/dev/null || true
    docker rm -f -v "$P-a" "$P-b" "$P-control" >/dev/null 2>&1 || true   # -v: the database image declares a volume
    docker network ls -q --filter "name=$P-" | xargs -r docker network rm >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "isolation-window: $(date +%s%N)" >"$PW"
chmod 755 "$WORK"
chmod 644 "$PW"
docker network create "$P-a" >/dev/null
docker network create --internal "$P-b" >/dev/null
docker run -d --name "$P-a" --network "$P-a" provisioner/base:bookworm sleep 600 >/dev/null
docker run -d --name "$P-b" --network "$P-b" -v "$PW:/run/secrets/db_password:ro" provisioner/postgres:15 >/dev/null
ip=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$P-b")
for _ in $(seq 1 60); do
    docker exec "$P-b" pg_isready -q 2>/dev/null && break
    sleep 0.5
done
docker exec "$P-b" pg_isready -q || { echo "isolation-window: the database on $P-b did not start" >&2; exit 1; }
docker run --rm --name "$P-control" --network "$P-b" provisioner/base:bookworm timeout 3 bash -c "exec 3<>/dev/tcp/$ip/5432" \
    || { echo "isolation-window: the database at $ip does not answer even from its own network: nothing to measure" >&2; exit 1; }

# The loop stops when told (the stop file) and waits for its own last create/remove, so nothing of it is left behind.
(
    set +e
    n=0
    while [ ! -e "$STOP" ] && [ "$n" -lt 100000 ]; do
        n=$((n + 1))
        docker network create "$P-churn$n" >/dev/null 2>&1
        docker network rm "$P-churn$n" >/dev/null 2>&1
        echo "$n" >"$COUNT"
    done
) &
churn_pid=$!

through=0
for _ in $(seq 1 "$PROBES"); do
    if docker exec "$P-a" timeout 1 bash -c "exec 3<>/dev/tcp/$ip/5432" 2>/dev/null; then
        through=$((through + 1))
    fi
done
touch "$STOP"
wait "$churn_pid" 2>/dev/null || true
echo "isolation-window: $through of $PROBES connections from network A reached the database on internal network B ($ip) while $(cat "$COUNT" 2>/dev/null || echo 0) networks were created and removed"
[ "$through" = 0 ]
