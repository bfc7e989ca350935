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
import { AGGREGATE_CASES, FUNCTION_CASES } from "./function-cases.js";
import { fixture, withoutAliasMarker } from "./parity-fixture.js";

interface Outcome {
  schema: string;
  rows: string[];
}

async function evaluate(spark: SparkSession, columns: Column[], aggregate: boolean): Promise<Outcome> {
  const base = fixture(spark);
  const df = aggregate ? base.agg(...columns) : base.orderBy("id").select(...columns);
  const schema = withoutAliasMarker((await df.schema).json());
  const rows = (await df.collect()).map((row) => JSON.stringify(row));
  return { schema, rows };
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
    ...Object.entries(FUNCTION_CASES).map(([name, build]) => ({ name, build, aggregate: false })),
    ...Object.entries(AGGREGATE_CASES).map(([name, build]) => ({ name, build, aggregate: true })),
  ].filter((c) => localSupported.has(c.name));

  it.each(cases)("$name", async ({ build, aggregate }) => {
    const [expected, actual] = await Promise.all([
      evaluate(spark, build(), aggregate),
      evaluate(local, build(), aggregate),
    ]);
    expect(actual.schema).toEqual(expected.schema);
    expect(actual.rows).toEqual(expected.rows);
  });

  it("every builtin marked local: supported has a case", () => {
    const withCase = new Set([...Object.keys(FUNCTION_CASES), ...Object.keys(AGGREGATE_CASES)]);
    expect([...localSupported].filter((name) => !withCase.has(name))).toEqual([]);
  });
});
