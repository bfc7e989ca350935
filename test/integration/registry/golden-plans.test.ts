/**
 * Golden plans for builtins: each registry example, selected from `range(1)` (or, for a DataFrame result, as
 * is), gives the plan PySpark 4.1.1 gives (parity-tests/golden/functions, captured by scripts/golden-capture.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionExamples } from "../../../generated/parity/functions/index.js";
import type { Column } from "../../../runtime/api/column.js";
import { DataFrame } from "../../../runtime/api/dataframe.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { resetLambdaVariableIds } from "../../../runtime/codegen/index.js";
import { normalisePlanJson, planJson, testSession } from "../api/fixture.js";

type Json = Parameters<typeof normalisePlanJson>[0];

const GOLDEN_DIR = new URL("../../../parity-tests/golden/functions/", import.meta.url);
const goldens = new Map<string, { example: string; plan?: Json }>();
for (const file of readdirSync(GOLDEN_DIR)) {
  const entries = JSON.parse(readFileSync(new URL(file, GOLDEN_DIR), "utf8")) as Record<
    string,
    { example: string; plan?: Json }
  >;
  for (const golden of Object.values(entries)) goldens.set(golden.example, golden);
}

describe("builtin examples build PySpark's golden plans", () => {
  let spark: SparkSession;

  beforeAll(async () => {
    spark = await testSession();
  });

  afterAll(async () => {
    await spark?.stop();
  });

  const supported = functionExamples.filter((example) => example.spark === "supported");

  it("has a golden for every example of a supported builtin", () => {
    expect(supported.filter((example) => !goldens.get(example.example)?.plan).map((e) => e.example)).toEqual([]);
  });

  for (const example of supported) {
    it(example.example, () => {
      resetLambdaVariableIds();
      const value = example.build(spark) as Column | DataFrame;
      const frame = value instanceof DataFrame ? value : spark.range(1).select(value);
      expect(planJson(frame)).toEqual(normalisePlanJson(goldens.get(example.example)!.plan!));
    });
  }
});
