/**
 * Builtins on both backends: every function the registry marks `local: supported` is evaluated over the same
 * fixture on the embedded engine and on Spark 4.1.1, and must give the same schema and the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionEntryInputs } from "../../../registry/functions/index.js";
import type { Column } from "../../../runtime/api/column.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { AGGREGATE_CASES, FUNCTION_CASES, GROUPING_CASES, SORT_CASES, WINDOW_CASES } from "./function-cases.js";
import { fixture, withoutAliasMarker } from "./parity-fixture.js";

interface Outcome {
  schema: string;
  rows: string[];
}

type Mode = "select" | "aggregate" | "grouping" | "sort";

async function evaluate(spark: SparkSession, columns: Column[], mode: Mode): Promise<Outcome> {
  const base = fixture(spark);
  const df =
    mode === "aggregate"
      ? base.agg(...columns)
      : mode === "grouping"
        ? base.rollup("s", "i").agg(...columns)
        : mode === "sort"
          ? // The case's keys order the rows and `id` breaks ties, so the row order itself is compared.
            base.orderBy(...columns, "id").select("id", "i", "s", "dt")
          : base.orderBy("id").select(...columns);
  const schema = withoutAliasMarker((await df.schema).json());
  const rows = (await df.collect()).map((row) => JSON.stringify(row));
  // A rollup's groups come out in no particular order.
  return { schema, rows: mode === "grouping" ? rows.sort() : rows };
}

const localSupported = new Set(
  functionEntryInputs.filter((entry) => entry.status.local.state === "supported").map((entry) => entry.name),
);

describe("builtins give the same answer on the embedded engine and on Spark", () => {
  let local: SparkSession;
  let spark: SparkSession;

  beforeAll(async () => {
    local = new SparkSession(new LocalBackend({ master: "local[2]" }));
    spark = await testSession();
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
  });

  const cases = [
    ...Object.entries(FUNCTION_CASES).map(([name, build]) => ({ name, build, mode: "select" as const })),
    ...Object.entries(WINDOW_CASES).map(([name, build]) => ({ name, build, mode: "select" as const })),
    ...Object.entries(AGGREGATE_CASES).map(([name, build]) => ({ name, build, mode: "aggregate" as const })),
    ...Object.entries(GROUPING_CASES).map(([name, build]) => ({ name, build, mode: "grouping" as const })),
    ...Object.entries(SORT_CASES).map(([name, build]) => ({ name, build, mode: "sort" as const })),
  ].filter((c) => localSupported.has(c.name));

  it.each(cases)("$name", async ({ build, mode }) => {
    const [expected, actual] = await Promise.all([evaluate(spark, build(), mode), evaluate(local, build(), mode)]);
    expect(actual.schema).toEqual(expected.schema);
    expect(actual.rows).toEqual(expected.rows);
  });

  it("every builtin marked local: supported has a case", () => {
    const withCase = new Set([
      ...Object.keys(FUNCTION_CASES),
      ...Object.keys(WINDOW_CASES),
      ...Object.keys(AGGREGATE_CASES),
      ...Object.keys(GROUPING_CASES),
      ...Object.keys(SORT_CASES),
    ]);
    expect([...localSupported].filter((name) => !withCase.has(name))).toEqual([]);
  });
});
