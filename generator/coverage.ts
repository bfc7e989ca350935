/**
 * The coverage table: for builtins and for each class, how many names pyspark 4.1.1 has, how many the registry
 * holds (exclusions included), how many run on Spark, how many have a golden plan captured from PySpark, how
 * many have a hand-written parity case (which runs on Spark), and how many the embedded engine supports.
 * Pure: inputs in, rows and text out.
 */
import type { Registry } from "../registry/load.js";
import type { FunctionEntry, Status } from "../registry/schema.js";
import type { Snapshot } from "../registry/upstream.js";

export interface CoverageRow {
  readonly scope: string;
  readonly upstream: number;
  readonly registry: number;
  readonly excluded: number;
  readonly implemented: number;
  readonly goldenPlans: number;
  readonly verifiedOnSpark: number;
  readonly supportedLocally: number;
}

interface Counted {
  readonly name: string;
  readonly status: Status;
}

export interface Evidence {
  /** Builtins whose every example has a golden plan captured from PySpark. */
  readonly golden: ReadonlySet<string>;
  /**
   * Builtins whose every example has a golden result captured from PySpark (or is not run, with a reason), and
   * names with a hand-written parity case: builtin names, and `Class.member` for members.
   */
  readonly verified: ReadonlySet<string>;
}

/** What a golden file holds for one example (parity-tests/golden/functions/<category>.json). */
export interface StoredGolden {
  readonly example: string;
  readonly plan?: unknown;
  readonly result?: unknown;
}

/**
 * Builtins with a golden plan for every example, and those also with a golden result for every example (an entry
 * whose `resultComparison` is `none` needs only the plans). A golden counts only if it was captured for the
 * registry's current example text, so a changed example is not verified until it is recaptured.
 */
export function goldenEvidence(
  entries: readonly FunctionEntry[],
  goldens: ReadonlyMap<string, StoredGolden>,
): { plans: Set<string>; results: Set<string> } {
  const plans = new Set<string>();
  const results = new Set<string>();
  for (const entry of entries) {
    const captured = entry.examples.map((example, index) => {
      const golden = goldens.get(`${entry.name}#${index}`);
      return golden?.example === example ? golden : undefined;
    });
    if (!captured.every((golden) => golden?.plan !== undefined)) continue;
    plans.add(entry.name);
    if (entry.resultComparison?.compare === "none" || captured.every((golden) => golden?.result !== undefined)) {
      results.add(entry.name);
    }
  }
  return { plans, results };
}

/** The builtins whose golden results are compared by types only, or not run, each with its reason. */
export function formatResultExceptions(entries: readonly FunctionEntry[]): string {
  const lines: string[] = [];
  for (const compare of ["schema", "none"] as const) {
    const listed = entries.filter((entry) => entry.resultComparison?.compare === compare);
    if (listed.length === 0) continue;
    lines.push(compare === "schema" ? "Results compared by schema only:" : "Results not run (plan only):");
    for (const entry of listed) lines.push(`- ${entry.name}: ${entry.resultComparison!.reason}`);
  }
  return lines.join("\n");
}

function row(
  scope: string,
  upstream: number,
  entries: readonly Counted[],
  excluded: number,
  evidence: Evidence,
): CoverageRow {
  return {
    scope,
    upstream,
    registry: entries.length + excluded,
    excluded,
    implemented: entries.filter((entry) => entry.status.spark.state === "supported").length,
    goldenPlans: entries.filter((entry) => evidence.golden.has(entry.name)).length,
    verifiedOnSpark: entries.filter((entry) => evidence.verified.has(entry.name)).length,
    supportedLocally: entries.filter((entry) => entry.status.local.state === "supported").length,
  };
}

export function coverageRows(registry: Registry, snapshot: Snapshot, evidence: Evidence): CoverageRow[] {
  const rows = [row("functions", Object.keys(snapshot.functions).length, registry.functions, 0, evidence)];
  for (const entry of [...registry.classes].sort((a, b) => a.name.localeCompare(b.name))) {
    const upstream = Object.keys(snapshot.classes[entry.name]?.members ?? {}).length;
    const members = entry.members.map((member) => ({ name: `${entry.name}.${member.name}`, status: member.status }));
    rows.push(row(entry.name, upstream, members, entry.excluded.length, evidence));
  }
  return rows;
}

const HEADINGS = ["scope", "pyspark", "registry", "excluded", "on Spark", "golden", "verified", "local"] as const;

/** A Markdown table with a totals line for the classes. */
export function formatCoverage(rows: readonly CoverageRow[]): string {
  const classes = rows.filter((r) => r.scope !== "functions");
  const sum = (pick: (r: CoverageRow) => number) => classes.reduce((total, r) => total + pick(r), 0);
  const total: CoverageRow = {
    scope: "all classes",
    upstream: sum((r) => r.upstream),
    registry: sum((r) => r.registry),
    excluded: sum((r) => r.excluded),
    implemented: sum((r) => r.implemented),
    goldenPlans: sum((r) => r.goldenPlans),
    verifiedOnSpark: sum((r) => r.verifiedOnSpark),
    supportedLocally: sum((r) => r.supportedLocally),
  };
  const cells = (r: CoverageRow) => [
    r.scope,
    String(r.upstream),
    String(r.registry),
    String(r.excluded),
    String(r.implemented),
    String(r.goldenPlans),
    String(r.verifiedOnSpark),
    String(r.supportedLocally),
  ];
  const table = [[...HEADINGS], ...rows.map(cells), cells(total)];
  const widths = HEADINGS.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  const format = (line: readonly string[]) =>
    `| ${line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? "-".repeat(width + 2) : `${"-".repeat(width + 1)}:`)).join("|")}|`;
  return [format(table[0]!), rule, ...table.slice(1).map(format)].join("\n");
}
