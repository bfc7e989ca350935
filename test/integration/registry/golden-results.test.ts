/**
 * Golden results for builtins: each registry example's frame over the shared fixture (parity-tests/golden-frame.ts),
 * built by sparkts and run on the real Spark server, gives the schema and rows PySpark 4.1.1 got for the same
 * frame on the same server (parity-tests/golden/functions, captured by scripts/golden-capture.ts), value for value
 * and type for type. Entries whose values are not reproducible compare the schema only; entries Spark cannot
 * evaluate (registry `resultComparison: none`) have no result.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { functionExamples } from "../../../generated/parity/functions/index.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { runQuery } from "../../../runtime/api/execution.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import type { StructType } from "../../../runtime/types/index.js";
import type { PySparkJson } from "../../support/pyspark.js";
import { testSession } from "../api/fixture.js";
import { encodeLikePySpark } from "../arrow/pyspark-encoding.js";
import { byCategory, exampleFrame, fixtureFrame, keyedExamples, loadGoldens } from "./golden-examples.js";

const goldens = loadGoldens();

/** Queries in flight at once (vitest's default is 5). */
vi.setConfig({ maxConcurrency: 8 });

/** Our schema (`StructType.json()` parsed) and rows in the PySpark encoding, or why the query failed. */
type Outcome = { result: { schema: unknown; rows: PySparkJson[][] } } | { error: string };

describe("builtin examples give PySpark's golden results", () => {
  let spark: SparkSession;
  let fixture: DataFrame;

  const compared = keyedExamples(functionExamples).filter(
    ({ example }) => example.spark === "supported" && example.compare !== "none",
  );

  /** Runs the frame with our client and encodes schema and rows as the capture encoded PySpark's. */
  async function run(frame: DataFrame): Promise<Outcome> {
    try {
      const stream = runQuery(spark.backend, frame.relation);
      const rows = await stream.collect();
      const schema = stream.schema as StructType | undefined;
      if (schema === undefined) return { error: "the server sent no schema" };
      const types = schema.fields.map((field) => field.dataType);
      return {
        result: {
          schema: JSON.parse(schema.json()) as unknown,
          rows: rows.map((row) => row.values.map((value, index) => encodeLikePySpark(value, types[index]!))),
        },
      };
    } catch (error) {
      return { error: error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error) };
    }
  }

  beforeAll(async () => {
    spark = await testSession();
    fixture = await fixtureFrame(spark);
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("has a result captured for the current text of every compared example of a supported builtin", () => {
    const missing = compared.flatMap(({ key, example }) => {
      const golden = goldens.get(key);
      if (golden?.example !== example.example) return [`${key}: not captured for ${example.example}`];
      return golden.result === undefined ? [`${key}: ${golden.error ?? "no result"}`] : [];
    });
    expect(missing).toEqual([]);
  });

  // Concurrent, every category at once: one query at a time would leave the shared server idle between round trips.
  describe.concurrent("examples", () => {
    for (const [category, examples] of byCategory(compared)) {
      describe(category, () => {
        for (const { key, example } of examples) {
          it(`${key}: ${example.example}`, async ({ expect }) => {
            const golden = goldens.get(key);
            expect(golden?.example, "the golden was captured for this example text").toBe(example.example);
            expect(golden?.result, golden?.error ?? "no golden result captured").toBeDefined();
            const outcome = await run(exampleFrame(spark, fixture, example));
            if ("error" in outcome) throw new Error(`sparkts failed where PySpark did not: ${outcome.error}`);
            if (example.compare === "schema") expect(outcome.result.schema).toEqual(golden!.result!.schema);
            else expect(outcome.result).toEqual(golden!.result);
          });
        }
      });
    }
  });
});
