#!/usr/bin/env bash
# `npm ci`, with one narrow fallback. npm refuses a lock file that lacks entries for other platforms'
# optional binaries (e.g. @biomejs/cli-darwin-arm64), and a lock made against a registry mirror that
# does not serve those packages lacks exactly them. When every package npm reports missing is such an
# optional dependency recorded in the lock, install from the lock with `npm install --no-save` instead
# (same versions, lock left untouched) and say so loudly. Any other mismatch fails as `npm ci` does.
set -uo pipefail

output="$(npm ci --no-audit --no-fund 2>&1)"
status=$?
echo "$output"
[ "$status" -eq 0 ] && exit 0

missing="$(sed -nE 's/.*Missing: (@?[^@ ]+)@.* from lock file.*/\1/p' <<<"$output")"
[ -n "$missing" ] || exit "$status"

node - "$missing" <<'JS' || exit "$status"
const lock = JSON.parse(require("node:fs").readFileSync("package-lock.json", "utf8"));
const optional = new Set(Object.values(lock.packages ?? {}).flatMap((entry) => Object.keys(entry.optionalDependencies ?? {})));
const notOptional = process.argv[2].split("\n").filter((name) => !optional.has(name));
if (notOptional.length > 0) {
  console.error(`npm-ci: the lock file is out of sync for non-optional packages: ${notOptional.join(", ")}`);
  process.exit(1);
}
JS

echo "npm-ci: WARNING: package-lock.json lacks other platforms' optional binaries ($(echo $missing | tr '\n' ' '))."
echo "npm-ci: installing the locked versions with 'npm install --no-save' instead; regenerate the lock against the full npm registry to fix this."
npm install --no-save --no-audit --no-fund
