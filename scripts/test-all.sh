#!/usr/bin/env bash
# `npm test`: every check the project has, in order of cost. All steps run even after a failure, so one
# run shows every problem; the exit status is non-zero when any step failed. The unit and integration
# tests run in one vitest invocation (its global setup starts the Spark servers), so vitest's summary is
# among the closing lines of the output, followed only by the step summary.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Plain text when the output goes to a log (CI reads the closing lines), colours in a terminal.
[ -t 1 ] || export NO_COLOR=1

failed=()
passed=()

step() {
  local name="$1"
  shift
  local started=$SECONDS
  echo
  echo "=== test-all: $name ($*)"
  if "$@"; then
    passed+=("$name")
    echo "=== test-all: $name passed in $((SECONDS - started))s"
  else
    failed+=("$name")
    echo "=== test-all: $name FAILED after $((SECONDS - started))s"
  fi
}

step lint npx biome check .
step typecheck npx tsc -p tsconfig.json --noEmit
step proto-bindings npx tsx scripts/proto.ts --check
if [ -f generator/main.ts ]; then
  step generated-code npx tsx generator/main.ts --check
else
  echo "=== test-all: generated-code skipped: generator/main.ts does not exist yet"
fi
results="$(mktemp -t sparkts-vitest-XXXXXX.json)"
step tests npx vitest run --project unit --project integration --project integration-reattach \
  --reporter=default --reporter=json --outputFile.json="$results"

# The plain closing line with the test counts ("N passed, N failed, N skipped"), which any CI log reader understands.
counts="$(node -e '
  const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$results" 2>/dev/null || echo "test-all: vitest wrote no results")"
rm -f "$results"

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "test-all: FAILED: ${failed[*]} (passed: ${passed[*]:-none}) in ${SECONDS}s"
  echo "$counts"
  exit 1
fi
echo "test-all: all ${#passed[@]} steps passed (${passed[*]}) in ${SECONDS}s"
echo "$counts"
