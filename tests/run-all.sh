#!/usr/bin/env bash
# Runs every test (unit and integration) and, when some fail, ends with a short summary of each failure
# (name, first lines of its message) so that the last lines of a CI log are enough to see what broke.
# The whole console log stays in .build/test-results/console.log.
set -uo pipefail
cd "$(dirname "$0")/.."
CONFIG="${CONFIG:-Release}"
out=.build/test-results
mkdir -p "$out"
log="$out/console.log"

# The CLI's integration tests run the binary users run (make build: native, or ReadyToRun without a C compiler).
if [ -z "${PROVISIONER_TEST_BINARY:-}" ] && [ -x .build/provision/provision ]; then
    export PROVISIONER_TEST_BINARY="$PWD/.build/provision/provision"
fi

dotnet test Provisioner.sln -c "$CONFIG" --no-build --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && exit 0

# A failed test prints "  Failed <name> [time]", then "  Error Message:", the message, "  Stack Trace:", the trace.
echo
echo "==== failed tests (whole log: $log) ===="
awk '
  function flush(   i) {
    for (i = 1; i <= n; i++) if (i <= 3 || i > n - 8) print "   " msg[i]; else if (i == 4) print "   ..."
    n = 0
  }
  function endtrace() { if (intrace && first != "") print "   " first; intrace = 0; first = "" }
  /^  Failed [A-Za-z]/            { flush(); endtrace(); print "FAILED:" substr($0, 9); inmsg = 0; next }
  /^  Error Message:/             { inmsg = 1; next }
  /^  Stack Trace:/               { flush(); inmsg = 0; intrace = 1; first = ""; next }
  /^  Standard Output Messages:/  { flush(); endtrace(); inmsg = 0; next }
  /^  (Passed|Skipped) /          { flush(); endtrace(); inmsg = 0; next }
  inmsg && NF                     { sub(/^ +/, ""); msg[++n] = $0 }
  # The frame in the test class itself (its file ends in Tests.cs), else the first frame with a line number.
  intrace && /Tests\.cs:line [0-9]+/ { sub(/^ +/, ""); print "   " $0; intrace = 0; first = ""; next }
  intrace && /:line [0-9]+/ && first == "" { sub(/^ +/, ""); first = $0 }
  END                             { flush(); endtrace() }
' "$log"
awk '/^     Failed: [0-9]+/ { failed += $2 } /^     Passed: [0-9]+/ { passed += $2 } /^    Skipped: [0-9]+/ { skipped += $2 }
     END { printf "==== %d failed, %d passed, %d skipped in all test projects\n", failed, passed, skipped }' "$log"
exit "$status"
