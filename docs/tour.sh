#!/usr/bin/env bash
# Regenerates the outputs shown in the README's Tour: runs each command against the engine, in a registry of its
# own, and prints "$ command", its output (stderr and stdout) and "(exit code N)" when it is not 0.
# Needs what `make test` sets up (the engine, the images and the fixture images): run `make test` or
# `make setup fixtures` first. Usage: docs/tour.sh > /tmp/tour.txt   (tenants are destroyed at the end)
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export NO_COLOR=1 COLUMNS=${COLUMNS:-220}
export PATH="$repo/.build/provision:$PATH"
home=$(mktemp -d /tmp/provision-tour.XXXXXX)
export PROVISIONER_HOME=$home PROVISIONER_CONFIG=$home/provisioner.yaml
cat >"$PROVISIONER_CONFIG" <<EOF
templates: $repo/templates
defaultTemplate: notes
capacity: { reserve: 10%, cpuOvercommit: 2, scope: registry }
# Recorded with each tenant on its own port (the edge proxy, on by default, has its own tour in the README).
edge: { enabled: false }
EOF
# The fault fixtures (tests/fixtures/templates) beside the real versions, for the rollback part.
fixtures=$home/with-fixtures
mkdir -p "$fixtures"
cp -r templates/notes templates/tracker "$fixtures"/
cp -r tests/fixtures/templates/notes/. "$fixtures/notes/"
cp -r tests/fixtures/templates/tracker/. "$fixtures/tracker/"

run() { # the command as shown; runs it in $home
    echo "\$ $*"
    (cd "$home" && bash -c "$*" 2>&1)
    local rc=$?
    [ "$rc" -eq 0 ] || echo "(exit code $rc)"
    echo
}
endpoint() { provision status "$1" --json | sed -n 's/.*"endpoint": "\(http[^"]*\)".*/\1/p' | head -1; }

echo "## provisioning"
run provision templates
run provision tenant acme --dry-run
run provision tenant acme
run provision tenant acme
ep=$(endpoint acme)
run "curl -s -XPOST $ep/api/notes -H 'content-type: application/json' -d '{\"body\":\"first note\"}'; echo; curl -s $ep/api/notes; echo"
run provision tenant shop --template tracker@1.0.0
run provision list
run provision status acme
run docker rm -f t-acme-app
run provision tenant acme
run provision tenant acme --size medium --dry-run
run provision list --json

echo "## bad input"
run provision tenant ACME
run provision tenant acme --template notes@9.9.9
run provision tenant acme --template notes@1.0.0
run provision tenant acme --size huge
run DOCKER_HOST=unix:///tmp/stopped.sock provision tenant beta
run provision destroy acme

echo "## templates"
mkdir -p "$home/mine"
run provision templates new shopfront --output mine
cat >"$home/mine/broken.yaml" <<'EOF'
product: shopfront
version: 1.0
sizes:
  small: { cpu: 0.5, memory: 512Mi, disk: 2Gi }
components:
  web:
    image: shopfront-app:1.0.0
    port: 8080
    entry: true
    env: { URL: "${tenant.uri}" }
    volumes: { uploads: "/etc:/host-etc" }
    health:
      - journey: checkout
EOF
run provision templates validate mine/broken.yaml

echo "## capacity"
run provision capacity --no-usage
run "provision capacity --for large --customer 'Big Brand' --no-usage | tail -n 2"
run "provision capacity --for large --count 4 --customer 'Big Brand' --no-usage | tail -n 3"

echo "## upgrades"
run provision tenant initech --template notes@1.0.0
run provision tenant globex --template notes@1.0.0
run provision upgrade globex --to 1.1.0 --monitor 5
run provision pin initech 1.0.0
run provision upgrade shop --to 2.0.0 --monitor 5
run PROVISIONER_TEMPLATES=$fixtures provision upgrade initech --to 1.2.0-crash-after-ready --monitor 5 --report junit.xml
run cat junit.xml
run provision list

echo "## maintenance windows and freezes"
run provision tenant north --template notes@1.0.0
run provision tenant south --template notes@1.0.0
# north's window is open now (from an hour ago to an hour from now); south's opens in three days.
open="$(date -u -d '-1 hour' +%a) $(date -u -d '-1 hour' +%H:%M)-$(date -u -d '+1 hour' +%H:%M) UTC"
run provision window north "'$open'"
run provision window south "'$(date -u -d '+3 days' +%a) 02:00-04:00 Europe/Berlin'"
run provision window south "'Sunday 2am'"
run provision upgrade --all --to notes@1.1.0 --dry-run
run provision upgrade --all --to notes@1.1.0
run provision upgrade south --to 1.1.0
run provision freeze --until 2026-12-24T00:00Z --reason holiday
run provision tenant east
run provision list
run provision upgrade south --to 1.1.0 --ignore-windows
run provision upgrade south --to 1.1.0 --ignore-windows --force
run provision history --limit 4
run provision unfreeze
run provision status south

echo "## clean up"
for t in acme shop initech globex north south; do provision destroy "$t" --yes --delete-data >/dev/null 2>&1; done
rm -rf "$home"
