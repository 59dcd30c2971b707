# provision — set-up is shared by every target and is idempotent: a second run only checks.
SHELL := /bin/bash
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1
CONFIG ?= Release
BIN := $(CURDIR)/.build/provision
PROVISION := $(BIN)/provision
# The CLI's integration tests run the binary users run (tests/run-all.sh sets it too, for a run outside make).
export PROVISIONER_TEST_BINARY ?= $(PROVISION)

.PHONY: run test soak bench setup engine images fixtures build install unit demo-clean browser promtool pack registry-db cluster cluster-down swarm-test

## run: set up (engine, images, build), then provision the demo tenant and show it healthy
run: setup
	$(PROVISION) tenant demo
	$(PROVISION) status demo
	@echo
	@ep=$$($(PROVISION) status demo --json | sed -n 's/.*"endpoint": "\(http[^"]*\)".*/\1/p' | head -1); \
	case "$$ep" in https:*) try="curl --cacert $$($(PROVISION) edge ca) $$ep/api/notes";; *) try="curl $$ep/api/notes";; esac; \
	echo "The demo tenant answers at $$ep  (try: $$try)"
	@echo "Put provision on your PATH:  export PATH=\"$(BIN):\$$PATH\"   (or: make install)"

## test: set up (plus the test-only fixture image, headless chromium, the test PostgreSQL and the 3-node Swarm), then every test (unit and integration against the real engine and cluster)
test: setup fixtures browser promtool cluster
	@url=$$(infra/registry/ensure-postgres.sh) && PROVISIONER_TEST_POSTGRES="$$url" PROVISIONER_TEST_SWARM_MANAGER="$$(cat .build/cluster/manager)" CONFIG=$(CONFIG) tests/run-all.sh

## soak: the long fault tests: every journaled step boundary of provision, destroy, upgrade (forward and rolled back), backup, restore, rotation, clone and (on the cluster) host drain killed with SIGKILL, then rerun; provision and destroy through a fault-injecting engine proxy, 50 seeds; 200 provision/destroy cycles with random kills (PROVISIONER_SOAK=1); the matrices and the soak's trend in .build/faults/
soak: setup fixtures cluster
	PROVISIONER_SOAK=1 dotnet test tests/Provisioner.Cli.Tests -c $(CONFIG) --no-build --filter "FullyQualifiedName~Integration.Faults.Kill|FullyQualifiedName~Integration.Faults.EngineFault|FullyQualifiedName~Integration.Faults.Soak" --logger "console;verbosity=detailed"
	PROVISIONER_SOAK=1 PROVISIONER_TEST_SWARM_MANAGER="$$(cat .build/cluster/manager)" dotnet test tests/Provisioner.Swarm.Tests -c $(CONFIG) --no-build --filter "FullyQualifiedName~Integration.DrainKillMatrix" --logger "console;verbosity=detailed"

## registry-db: the test PostgreSQL for the shared-registry tests (Debian's postgresql-15 in .build/pg on 127.0.0.1); prints its admin URL
registry-db:
	@infra/registry/ensure-postgres.sh

## swarm-test: only the Swarm tests, against the cluster (make cluster first)
swarm-test: build cluster
	PROVISIONER_TEST_SWARM_MANAGER="$$(cat .build/cluster/manager)" dotnet test tests/Provisioner.Swarm.Tests -c $(CONFIG) --no-build

## unit: only the tests that need no engine
unit: build
	dotnet test Provisioner.sln -c $(CONFIG) --no-build --filter "Category!=Integration"

## bench: every benchmark (bench/all.sh), then one table of every figure and bench/results.json: provision vs docker-compose up (ratio) and a converged rerun; the native binary vs the ReadyToRun one (ratios); what a client sees during an upgrade; fleet upgrade parallelism (ratio); how many live small tenants fit and pass their journeys; capacity, list, status and upgrade --dry-run over 1,000-10,000 tenants (time, peak RSS); provision on the cluster vs one engine (ratio); host drain vs provision (ratio); clone of 1 GiB vs provision + file copy (ratio). ONLY="density clone" runs some
bench: setup cluster
	bench/all.sh

setup: engine images build

engine:
	@infra/engine/ensure-engine.sh

## fixtures: the test-only images: faulty notes versions (tests/fixtures, on notes-app:1.1.0) and the products' own (templates/<product>/fixtures, e.g. tracker-app:2.0.0-worker-crash)
fixtures: images
	@infra/images/build.sh fixtures
	@tests/fixtures/build.sh

## browser: Debian's headless chromium, for the capacity report's and the status page's rendering tests
browser:
	@infra/browser/ensure-chromium.sh

## promtool: Debian's promtool, the real parser the metrics file of `provision check --metrics` is tested with
promtool:
	@infra/metrics/ensure-promtool.sh

images: engine
	@infra/images/build.sh

## cluster: a 3-node Docker Swarm on this machine (a dockerd per network namespace, registry inside); idempotent. Endpoint in .build/cluster/manager
cluster: images
	@infra/cluster/ensure-cluster.sh

## cluster-down: remove that cluster, and the leftovers of a killed run
cluster-down:
	@infra/cluster/cluster-down.sh

build:
	@dotnet build Provisioner.sln -c $(CONFIG) -nologo -v q -clp:NoSummary
	@# The binary: native (NativeAOT) with a C toolchain, else ReadyToRun (see the script).
	@CONFIG=$(CONFIG) PROVISION_BIN=$(BIN) infra/build/publish-cli.sh

## install: put provision on the PATH (/usr/local/bin/provision -> .build/provision/provision)
install: build
	ln -sf $(PROVISION) /usr/local/bin/provision
	@echo "provision is now on the PATH: $$(command -v provision)"

## pack: the library packages and the `provision` .NET tool, in .build/packages (dotnet tool install --global provision --add-source .build/packages)
pack:
	@dotnet pack Provisioner.sln -c $(CONFIG) -o .build/packages -nologo -v q -clp:NoSummary

demo-clean:
	$(PROVISION) destroy demo --yes --delete-data
