import { describe, expect, it } from "vitest";
import { loadRegistry } from "../registry/load.js";
import type { FunctionEntry } from "../registry/schema.js";
import { loadSnapshot } from "../registry/upstream.js";
import { coverageRows, formatCoverage, formatResultExceptions, goldenEvidence, type StoredGolden } from "./coverage.js";

const registry = loadRegistry();
const snapshot = loadSnapshot();

describe("coverage", () => {
  it("counts builtins from the registry statuses", () => {
    const evidence = { golden: new Set(["acos", "asin"]), verified: new Set(["acos", "not-a-builtin"]) };
    const [functions] = coverageRows(registry, snapshot, evidence);
    expect(functions).toEqual({
      scope: "functions",
      upstream: 503,
      registry: 503,
      excluded: 0,
      implemented: registry.functions.filter((entry) => entry.status.spark.state === "supported").length,
      goldenPlans: 2,
      verifiedOnSpark: 1,
      supportedLocally: registry.functions.filter((entry) => entry.status.local.state === "supported").length,
    });
  });

  it("has one row per class, whose registry count (members plus exclusions) equals pyspark's", () => {
    const rows = coverageRows(registry, snapshot, { golden: new Set(), verified: new Set() }).slice(1);
    expect(rows.map((r) => r.scope)).toEqual(registry.classes.map((entry) => entry.name).sort());
    for (const r of rows) expect(r.registry, r.scope).toBe(r.upstream);
  });

  it("formats an aligned Markdown table with a classes total", () => {
    const text = formatCoverage([
      {
        scope: "functions",
        upstream: 3,
        registry: 3,
        excluded: 0,
        implemented: 2,
        goldenPlans: 2,
        verifiedOnSpark: 1,
        supportedLocally: 0,
      },
      {
        scope: "Window",
        upstream: 7,
        registry: 7,
        excluded: 1,
        implemented: 4,
        goldenPlans: 0,
        verifiedOnSpark: 0,
        supportedLocally: 2,
      },
    ]);
    expect(text).toBe(
      [
        "| scope       | pyspark | registry | excluded | on Spark | golden | verified | local |",
        "|-------------|--------:|---------:|---------:|---------:|-------:|---------:|------:|",
        "| functions   |       3 |        3 |        0 |        2 |      2 |        1 |     0 |",
        "| Window      |       7 |        7 |        1 |        4 |      0 |        0 |     2 |",
        "| all classes |       7 |        7 |        1 |        4 |      0 |        0 |     2 |",
      ].join("\n"),
    );
  });
});

describe("golden evidence", () => {
  const entry = (name: string, examples: string[], compare?: "schema" | "none") =>
    ({
      ...registry.functions[0]!,
      name,
      examples,
      ...(compare === undefined ? {} : { resultComparison: { compare, reason: "a reason long enough" } }),
    }) as FunctionEntry;
  const entries = [
    entry("both", ['a("i")', 'a("s")']),
    entry("planOnly", ['b("i")']),
    entry("partial", ['c("i")', 'c("s")']),
    entry("stale", ['d("new")']),
    entry("notRun", ['e("dt")'], "none"),
    entry("typesOnly", ['f("i")'], "schema"),
  ];
  const goldens = new Map<string, StoredGolden>([
    ["both#0", { example: 'a("i")', plan: {}, result: {} }],
    ["both#1", { example: 'a("s")', plan: {}, result: {} }],
    ["planOnly#0", { example: 'b("i")', plan: {} }],
    ["partial#0", { example: 'c("i")', plan: {}, result: {} }],
    ["stale#0", { example: 'd("old")', plan: {}, result: {} }],
    ["notRun#0", { example: 'e("dt")', plan: {} }],
    ["typesOnly#0", { example: 'f("i")', plan: {}, result: {} }],
  ]);

  it("counts a builtin only when every example's golden matches its current text", () => {
    const evidence = goldenEvidence(entries, goldens);
    expect([...evidence.plans].sort()).toEqual(["both", "notRun", "planOnly", "typesOnly"]);
    expect([...evidence.results].sort()).toEqual(["both", "notRun", "typesOnly"]);
  });

  it("lists the builtins compared by schema only or not run, with their reasons", () => {
    expect(formatResultExceptions(entries)).toBe(
      [
        "Results compared by schema only:",
        "- typesOnly: a reason long enough",
        "Results not run (plan only):",
        "- notRun: a reason long enough",
      ].join("\n"),
    );
  });
});
