/**
 * Golden plans for builtins: each registry example's frame over the shared fixture (parity-tests/golden-frame.ts)
 * has the plan PySpark 4.1.1 gives (parity-tests/golden/functions, captured by scripts/golden-capture.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionExamples } from "../../../generated/parity/functions/index.js";
import { FIXTURE_SQL, FIXTURE_SQL_PLACEHOLDER } from "../../../parity-tests/golden-frame.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { withFixturePlaceholder } from "../../../scripts/golden-capture.js";
import { normalisePlanJson, planJson, testSession } from "../api/fixture.js";
import { byCategory, exampleFrame, fixtureFrame, keyedExamples, loadGoldens } from "./golden-examples.js";

const goldens = loadGoldens();

describe("builtin examples build PySpark's golden plans", () => {
  let spark: SparkSession;
  let fixture: DataFrame;

  beforeAll(async () => {
    spark = await testSession();
    fixture = await fixtureFrame(spark);
  });

  afterAll(async () => {
    await spark?.stop();
  });

  const supported = keyedExamples(functionExamples).filter(({ example }) => example.spark === "supported");

  it("has a plan captured for the current text of every example of a supported builtin", () => {
    const missing = supported.filter(({ key, example }) => {
      const golden = goldens.get(key);
      return golden?.example !== example.example || golden.plan === undefined;
    });
    expect(missing.map(({ key }) => key)).toEqual([]);
  });

  for (const [category, examples] of byCategory(supported)) {
    describe(category, () => {
      for (const { key, example } of examples) {
        it(`${key}: ${example.example}`, () => {
          const golden = goldens.get(key);
          expect(golden?.example, "the golden was captured for this example text").toBe(example.example);
          const frame = exampleFrame(spark, fixture, example);
          const ours = withFixturePlaceholder(planJson(frame), FIXTURE_SQL, FIXTURE_SQL_PLACEHOLDER);
          expect(ours).toEqual(normalisePlanJson(golden!.plan!));
        });
      }
    });
  }
});
