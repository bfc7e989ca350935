/** `npm run coverage`: prints the registry coverage table (see generator/coverage.ts for the columns). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRegistry } from "../registry/load.js";
import { functionDrift, loadSnapshot } from "../registry/upstream.js";
import { coverageRows, formatCoverage, formatResultExceptions, goldenEvidence, type StoredGolden } from "./coverage.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CASES_DIR = join(ROOT, "parity-tests", "cases");
const GOLDEN_DIR = join(ROOT, "parity-tests", "golden", "functions");
const MEMBER_GOLDEN_DIR = join(ROOT, "parity-tests", "golden", "members");

/** Every stored golden, by `<name>#<example index>`. */
function storedGoldens(): Map<string, StoredGolden> {
  const goldens = new Map<string, StoredGolden>();
  if (!existsSync(GOLDEN_DIR)) return goldens;
  for (const file of readdirSync(GOLDEN_DIR).filter((name) => name.endsWith(".json"))) {
    const entries = JSON.parse(readFileSync(join(GOLDEN_DIR, file), "utf8")) as Record<string, StoredGolden>;
    for (const [key, golden] of Object.entries(entries)) goldens.set(key, golden);
  }
  return goldens;
}

interface CapturedMemberExample {
  readonly result?: unknown;
  readonly error?: unknown;
  readonly expectedError?: string;
}

/** Class members (keys `<Class.member>#<example index>`) whose every captured example satisfies `complete`. */
function membersWhereEvery(complete: (golden: CapturedMemberExample) => boolean): Set<string> {
  if (!existsSync(MEMBER_GOLDEN_DIR)) return new Set();
  const captured = new Map<string, boolean>();
  for (const file of readdirSync(MEMBER_GOLDEN_DIR).filter((name) => name.endsWith(".json"))) {
    const entries = JSON.parse(readFileSync(join(MEMBER_GOLDEN_DIR, file), "utf8")) as Record<
      string,
      CapturedMemberExample
    >;
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
function capturedAsExpected(golden: CapturedMemberExample): boolean {
  if (golden.error === undefined) return golden.expectedError === undefined;
  const error = golden.error as { $error?: { errorClass?: string | null } };
  return golden.expectedError !== undefined && error.$error?.errorClass === golden.expectedError;
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
const golden = goldenEvidence(registry.functions, storedGoldens());
console.log(
  `Coverage of pyspark ${snapshot.pyspark} (on Spark = status supported; golden = plans captured from PySpark for ` +
    "every example (members: every example ran in PySpark); verified = PySpark's result captured for every example, " +
    "so the golden-results tests compare ours with it, or a hand-written parity case)\n",
);
const goldenMembers = membersWhereEvery(capturedAsExpected);
const verifiedMembers = membersWhereEvery((example) => example.error === undefined && example.result !== undefined);
const verified = new Set([...golden.results, ...verifiedMembers, ...verifiedNames()]);
console.log(
  formatCoverage(coverageRows(registry, snapshot, { golden: new Set([...golden.plans, ...goldenMembers]), verified })),
);
const exceptions = formatResultExceptions(registry.functions);
if (exceptions !== "") console.log(`\n${exceptions}`);
const drift = functionDrift(registry, snapshot);
if (drift.missing.length + drift.unknown.length > 0) {
  console.log(
    `\nregistry drift: missing ${drift.missing.join(", ") || "-"}; unknown ${drift.unknown.join(", ") || "-"}`,
  );
  process.exitCode = 1;
}
