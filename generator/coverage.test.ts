import { describe, expect, it } from "vitest";
import { loadRegistry } from "../registry/load.js";
import { loadSnapshot } from "../registry/upstream.js";
import { coverageRows, formatCoverage } from "./coverage.js";

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
