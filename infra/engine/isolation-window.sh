#!/usr/bin/env bash
# Measures whether a container on one network can open a connection to a database on another network of this engine while
# networks are being created (Docker before 28 re-inserts its isolation jumps on each network create; see
# isolation-guard.sh). Two networks A and B (B internal, like a tenant's database network), a PostgreSQL on B, a loop
# creating and removing networks, and PROBES connection attempts from A to B's address; prints how many got through.
# 0 is the only good answer. Removes everything it created, also when interrupted.
#
# Usage: infra/engine/isolation-window.sh [probes]   (default 80; needs the provisioner/postgres:15 and base images: make images)
set -euo pipefail

PROBES=${1:-80}
P=isowin-$$
PW=$(mktemp)
churn_pid=

cleanup() {
    [ -z "$churn_pid" ] || kill "$churn_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    docker rm -f "$P-a" "$P-b" >/dev/null 2>&1 || true
    docker network ls -q --filter "name=$P-" | xargs -r docker network rm >/dev/null 2>&1 || true
    rm -f "$PW"
}
trap cleanup EXIT

echo "isolation-window: $(date +%s%N)" >"$PW"
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

(for i in $(seq 1 100000); do
    docker network create "$P-churn$i" >/dev/null 2>&1 && docker network rm "$P-churn$i" >/dev/null 2>&1
done) &
churn_pid=$!

through=0
for _ in $(seq 1 "$PROBES"); do
    if docker exec "$P-a" timeout 1 bash -c "exec 3<>/dev/tcp/$ip/5432" 2>/dev/null; then
        through=$((through + 1))
    fi
done
echo "isolation-window: $through of $PROBES connections from network A reached the database on internal network B ($ip) while networks were being created"
[ "$through" = 0 ]
