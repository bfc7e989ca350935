/**
 * `spark.tvf`: every TableValuedFunction method builds the plan PySpark 4.1.1 builds for the same call, and the
 * server gives the same rows and schema for both. PySpark runs live against the same server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { ClientArgumentError } from "../../../runtime/errors/index.js";
import { functions as F } from "../../../runtime/index.js";
import { type EmittedDataFrame, type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { encodeLikePySpark } from "../arrow/pyspark-encoding.js";
import { planJson, pysparkPlanJson, testSession } from "./fixture.js";

const WORKER_LOGS_CONF = "spark.sql.pyspark.worker.logging.enabled";

/** Each case: the PySpark call on `spark.tvf` and ours. */
const CASES: Record<string, { python: string; ts: (spark: SparkSession) => DataFrame }> = {
  range: { python: "spark.tvf.range(1, 8, 2)", ts: (spark) => spark.tvf.range(1, 8, 2) },
  explode: {
    python: "spark.tvf.explode(F.array(F.lit(1), F.lit(2), F.lit(3)))",
    ts: (spark) => spark.tvf.explode(F.array(F.lit(1), F.lit(2), F.lit(3))),
  },
  explode_outer: {
    python: `spark.tvf.explode_outer(F.create_map(F.lit("a"), F.lit(1), F.lit("b"), F.lit(2)))`,
    ts: (spark) => spark.tvf.explode_outer(F.create_map(F.lit("a"), F.lit(1), F.lit("b"), F.lit(2))),
  },
  inline: {
    python: `spark.tvf.inline(F.array(F.struct(F.lit(1).alias("a"), F.lit("x").alias("b")), F.struct(F.lit(2).alias("a"), F.lit("y").alias("b"))))`,
    ts: (spark) =>
      spark.tvf.inline(
        F.array(
          F.struct(F.lit(1).alias("a"), F.lit("x").alias("b")),
          F.struct(F.lit(2).alias("a"), F.lit("y").alias("b")),
        ),
      ),
  },
  inline_outer: {
    python: `spark.tvf.inline_outer(F.lit(None).cast("array<struct<a:int,b:string>>"))`,
    ts: (spark) => spark.tvf.inline_outer(F.lit(null).cast("array<struct<a:int,b:string>>")),
  },
  json_tuple: {
    python: `spark.tvf.json_tuple(F.lit('{"a": 1, "b": "x"}'), F.lit("a"), F.lit("b"), F.lit("missing"))`,
    ts: (spark) => spark.tvf.json_tuple(F.lit('{"a": 1, "b": "x"}'), F.lit("a"), F.lit("b"), F.lit("missing")),
  },
  posexplode: {
    python: `spark.tvf.posexplode(F.array(F.lit("p"), F.lit("q")))`,
    ts: (spark) => spark.tvf.posexplode(F.array(F.lit("p"), F.lit("q"))),
  },
  posexplode_outer: {
    python: `spark.tvf.posexplode_outer(F.lit(None).cast("array<int>"))`,
    ts: (spark) => spark.tvf.posexplode_outer(F.lit(null).cast("array<int>")),
  },
  stack: {
    python: `spark.tvf.stack(F.lit(2), F.lit(1), F.lit("a"), F.lit(2), F.lit("b"))`,
    ts: (spark) => spark.tvf.stack(F.lit(2), F.lit(1), F.lit("a"), F.lit(2), F.lit("b")),
  },
  collations: { python: "spark.tvf.collations()", ts: (spark) => spark.tvf.collations() },
  sql_keywords: { python: "spark.tvf.sql_keywords()", ts: (spark) => spark.tvf.sql_keywords() },
  variant_explode: {
    python: `spark.tvf.variant_explode(F.parse_json(F.lit('{"a": true, "b": 3.14}')))`,
    ts: (spark) => spark.tvf.variant_explode(F.parse_json(F.lit('{"a": true, "b": 3.14}'))),
  },
  variant_explode_outer: {
    python: `spark.tvf.variant_explode_outer(F.parse_json(F.lit("1")))`,
    ts: (spark) => spark.tvf.variant_explode_outer(F.parse_json(F.lit("1"))),
  },
  python_worker_logs: { python: "spark.tvf.python_worker_logs()", ts: (spark) => spark.tvf.python_worker_logs() },
};

/** Our result in the runner's encoding: the schema as Spark's JSON and each row's values. */
async function resultLikePySpark(df: DataFrame): Promise<EmittedDataFrame> {
  const schema = await df.schema;
  const rows = await df.collect();
  return {
    schema: JSON.parse(schema.json()),
    rows: rows.map((row) => schema.fields.map((field, i) => encodeLikePySpark(row.values[i], field.dataType))),
  };
}

describe("spark.tvf against PySpark 4.1.1", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    // Python worker logs are a session feature that is off by default; both sessions turn it on.
    await spark.conf.set(WORKER_LOGS_CONF, true);
    const lines = Object.entries(CASES).flatMap(([name, c]) => [
      `emit(${JSON.stringify(`${name}.plan`)}, MessageToJson((${c.python})._plan.to_proto(spark.client)))`,
      `emit(${JSON.stringify(`${name}.result`)}, ${c.python})`,
    ]);
    golden = await runPySpark(
      [
        "from google.protobuf.json_format import MessageToJson",
        `spark.conf.set(${JSON.stringify(WORKER_LOGS_CONF)}, "true")`,
        ...lines,
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await spark?.stop();
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: same plan and same result as ${c.python.slice(0, 70)}`, async () => {
      const df = c.ts(spark);
      expect(planJson(df)).toEqual(pysparkPlanJson(golden[`${name}.plan`]));
      const theirs = golden[`${name}.result`] as { $dataframe: EmittedDataFrame };
      expect(await resultLikePySpark(df)).toEqual(theirs.$dataframe);
    });
  }

  it("json_tuple without fields fails like PySpark (CANNOT_BE_EMPTY)", () => {
    let error: unknown;
    try {
      spark.tvf.json_tuple(F.lit("{}"));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ClientArgumentError);
    expect((error as ClientArgumentError).errorClass).toBe("CANNOT_BE_EMPTY");
  });

  it("takes a column name where PySpark does, as a column reference", () => {
    const byName = planJson(spark.tvf.explode("xs")) as { root: { unresolvedTableValuedFunction: unknown } };
    const byColumn = planJson(spark.tvf.explode(F.col("xs"))) as { root: { unresolvedTableValuedFunction: unknown } };
    expect(byName.root.unresolvedTableValuedFunction).toEqual(byColumn.root.unresolvedTableValuedFunction);
  });
});
