/** `npm run coverage`: prints the registry coverage table (see generator/coverage.ts for the columns). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRegistry } from "../registry/load.js";
import { functionDrift, loadSnapshot } from "../registry/upstream.js";
import { coverageRows, formatCoverage } from "./coverage.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CASES_DIR = join(ROOT, "parity-tests", "cases");
const GOLDEN_DIR = join(ROOT, "parity-tests", "golden", "functions");
const MEMBER_GOLDEN_DIR = join(ROOT, "parity-tests", "golden", "members");

interface Captured {
  readonly plan?: unknown;
  readonly result?: unknown;
  readonly error?: unknown;
  readonly expectedError?: string;
}

/** Names whose every captured example (keys are `<name>#<example index>`) satisfies `complete`. */
function namesWhereEvery(dir: string, complete: (golden: Captured) => boolean): Set<string> {
  if (!existsSync(dir)) return new Set();
  const captured = new Map<string, boolean>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json"))) {
    const entries = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, Captured>;
    for (const [key, golden] of Object.entries(entries)) {
      const name = key.slice(0, key.lastIndexOf("#"));
      captured.set(name, (captured.get(name) ?? true) && complete(golden));
    }
  }
  return new Set([...captured].filter(([, isComplete]) => isComplete).map(([name]) => name));
}

/**
 * A member example PySpark ran without error, or that got exactly the error it expects (the server refuses the
 * effect; the plans it sent are still the golden, but there is no result).
 */
function capturedAsExpected(golden: Captured): boolean {
  if (golden.error === undefined) return golden.expectedError === undefined;
  const error = golden.error as { $error?: { errorClass?: string | null } };
  return golden.expectedError !== undefined && error.$error?.errorClass === golden.expectedError;
}

/** Builtins with a golden plan for every example; members whose every example PySpark ran as expected. */
function goldenNames(): Set<string> {
  return new Set([
    ...namesWhereEvery(GOLDEN_DIR, (golden) => golden.plan !== undefined),
    ...namesWhereEvery(MEMBER_GOLDEN_DIR, capturedAsExpected),
  ]);
}

/** Members whose every example has a golden result (`Class.member`). */
function memberResultNames(): Set<string> {
  return namesWhereEvery(MEMBER_GOLDEN_DIR, (golden) => golden.error === undefined && golden.result !== undefined);
}

/** Hand-written parity cases: `cases/functions/<name>.test.ts` and `cases/<Class>/<member>.test.ts`. */
function verifiedNames(): Set<string> {
  if (!existsSync(CASES_DIR)) return new Set();
  const names = new Set<string>();
  for (const entry of readdirSync(CASES_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".test.ts")) continue;
    const scope = entry.parentPath.slice(CASES_DIR.length + 1);
    const name = entry.name.slice(0, -".test.ts".length);
    names.add(scope === "functions" ? name : `${scope}.${name}`);
  }
  return names;
}

const registry = loadRegistry();
const snapshot = loadSnapshot();
console.log(
  `Coverage of pyspark ${snapshot.pyspark} (on Spark = status supported; golden = plans captured from PySpark; ` +
    "verified = golden result captured from PySpark, or a hand-written parity case)\n",
);
const verified = new Set([...verifiedNames(), ...memberResultNames()]);
console.log(formatCoverage(coverageRows(registry, snapshot, { golden: goldenNames(), verified })));
const drift = functionDrift(registry, snapshot);
if (drift.missing.length + drift.unknown.length > 0) {
  console.log(
    `\nregistry drift: missing ${drift.missing.join(", ") || "-"}; unknown ${drift.unknown.join(", ") || "-"}`,
  );
  process.exitCode = 1;
}
