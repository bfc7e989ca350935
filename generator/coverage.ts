/**
 * The coverage table: for builtins and for each class, how many names pyspark 4.1.1 has, how many the registry
 * holds (exclusions included), how many run on Spark, how many have a golden plan captured from PySpark, how
 * many have a hand-written parity case (which runs on Spark), and how many the embedded engine supports.
 * Pure: inputs in, rows and text out.
 */
import type { Registry } from "../registry/load.js";
import type { Status } from "../registry/schema.js";
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
  /** Names with a hand-written parity case: builtin names, and `Class.member` for members. */
  readonly verified: ReadonlySet<string>;
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
