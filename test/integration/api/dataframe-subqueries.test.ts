/**
 * DataFrames inside other queries — `scalar()`, `exists()`, `asTable()` and `lateralJoin`: plans equal
 * PySpark 4.1.1's (subquery plans carried by a WithRelations node), results equal PySpark's on the same server,
 * and misuse fails as in PySpark.
 */
import { toJson } from "@bufbuild/protobuf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExpressionSchema } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, count, max } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { emittedDataFrame, emittedError, type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { normalisePlanJson, pysparkPlanJson, testSession } from "./fixture.js";
import { describeGoldenPlans, likePySpark } from "./golden-harness.js";

type Json = Parameters<typeof normalisePlanJson>[0];

/** `l`: ids 0..4 aliased l; `r`: ids 0..2 aliased r (so columns can be qualified across the two). */
const PRELUDE = [`l = spark.range(5).alias("l")`, `r = spark.range(3).alias("r")`];

const left = (spark: SparkSession) => spark.range(5).alias("l");
const right = (spark: SparkSession) => spark.range(3).alias("r");

/** Each case: a PySpark DataFrame expression using subqueries, and ours. */
const CASES: Record<string, { python: string; ts: (spark: SparkSession) => DataFrame }> = {
  scalarInSelect: {
    python: `l.select("id", r.select(F.max("id")).scalar().alias("m"))`,
    ts: (spark) => left(spark).select("id", right(spark).select(max("id")).scalar().alias("m")),
  },
  scalarInFilter: {
    python: `l.where(F.col("id") >= r.select(F.max("id")).scalar())`,
    ts: (spark) => left(spark).where(col("id").ge(right(spark).select(max("id")).scalar())),
  },
  existsInSelect: {
    python: `l.select("id", r.where(F.col("id") > 1).exists().alias("e"))`,
    ts: (spark) => left(spark).select("id", right(spark).where(col("id").gt(1)).exists().alias("e")),
  },
  correlatedExists: {
    python: `l.where(r.where(F.col("r.id") == F.col("l.id").outer()).exists())`,
    ts: (spark) =>
      left(spark).where(
        right(spark)
          .where(col("r.id").eq(col("l.id").outer()))
          .exists(),
      ),
  },
  correlatedScalar: {
    python: `l.select("id", r.where(F.col("r.id") <= F.col("l.id").outer()).select(F.count("*")).scalar().alias("c"))`,
    ts: (spark) =>
      left(spark).select(
        "id",
        right(spark)
          .where(col("r.id").le(col("l.id").outer()))
          .select(count("*"))
          .scalar()
          .alias("c"),
      ),
  },
  twoSubqueries: {
    python: `l.select(r.select(F.max("id")).scalar().alias("m"), r.where(F.col("id") > 5).exists().alias("e")).where(r.exists())`,
    ts: (spark) => {
      const r = right(spark);
      return left(spark)
        .select(r.select(max("id")).scalar().alias("m"), r.where(col("id").gt(5)).exists().alias("e"))
        .where(r.exists());
    },
  },
  lateralJoinInner: { python: `l.lateralJoin(r)`, ts: (spark) => left(spark).lateralJoin(right(spark)) },
  lateralJoinLeftOn: {
    python: `l.lateralJoin(r, F.col("l.id") == F.col("r.id"), "left")`,
    ts: (spark) => left(spark).lateralJoin(right(spark), col("l.id").eq(col("r.id")), "left"),
  },
  lateralJoinCross: {
    python: `l.lateralJoin(r, how="CROSS")`,
    ts: (spark) => left(spark).lateralJoin(right(spark), null, "CROSS"),
  },
  lateralJoinCorrelated: {
    python: `l.lateralJoin(r.where(F.col("r.id") < F.col("l.id").outer()).select(F.col("r.id").alias("smaller")), how="left_outer")`,
    ts: (spark) =>
      left(spark).lateralJoin(
        right(spark)
          .where(col("r.id").lt(col("l.id").outer()))
          .select(col("r.id").alias("smaller")),
        undefined,
        "left_outer",
      ),
  },
};

describeGoldenPlans("subquery plans match PySpark's", CASES, PRELUDE);

describe("subquery results match PySpark's", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    golden = await runPySpark(
      [
        "from google.protobuf.json_format import MessageToJson",
        ...PRELUDE,
        ...Object.entries(CASES).map(([name, c]) => `emit(${JSON.stringify(name)}, ${c.python})`),
        `capture("tooManyRows", lambda: l.select(r.select("id").scalar()).collect())`,
        `capture("badHow", lambda: l.lateralJoin(r, how="right"))`,
        `emit("tableArg", MessageToJson(l.asTable().partitionBy("id", F.col("id") + 1).orderBy(F.col("id").desc(), "id")._subquery_expr.to_plan(spark.client)))`,
        `emit("singlePartition", MessageToJson(r.asTable().withSinglePartition().orderBy("id")._subquery_expr.to_plan(spark.client)))`,
        `capture("orderFirst", lambda: l.asTable().orderBy("id"))`,
        `capture("partitionTwice", lambda: l.asTable().withSinglePartition().partitionBy("id"))`,
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await spark?.stop();
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name} gives PySpark's rows`, async () => {
      // Rows compared as sorted lists: neither client orders them.
      const theirs = emittedDataFrame(golden, name);
      const sortRows = (rows: PySparkJson[][]) =>
        [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      const result = await likePySpark(c.ts(spark));
      expect(result.schema).toEqual(theirs.schema);
      expect(sortRows(result.rows)).toEqual(sortRows(theirs.rows));
    });
  }

  it("a scalar subquery with several rows fails on the server as in PySpark", async () => {
    const theirs = emittedError(golden, "tooManyRows");
    const failure = await left(spark)
      .select(right(spark).select("id").scalar())
      .collect()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toMatchObject({ name: theirs.type, errorClass: theirs.errorClass, sqlState: theirs.sqlState });
    expect(await left(spark).count()).toBe(5n);
  });

  it("lateralJoin rejects join types Spark cannot run laterally, as PySpark does", () => {
    const theirs = emittedError(golden, "badHow");
    expect(() => left(spark).lateralJoin(right(spark), null, "right")).toThrow(
      expect.objectContaining({ errorClass: theirs.errorClass, messageParameters: theirs.messageParameters }),
    );
  });

  it("asTable builds PySpark's table-argument expression", () => {
    const l = left(spark);
    const r = right(spark);
    const partitioned = l.asTable().partitionBy("id", col("id").plus(1)).orderBy(col("id").desc(), "id");
    const single = r.asTable().withSinglePartition().orderBy("id");
    // Plan ids in the expressions are those of l and r: renumber both sides from the same starting point.
    const ours = (expr: typeof partitioned.expr) => normalisePlanJson(toJson(ExpressionSchema, expr) as Json);
    expect(ours(partitioned.expr)).toEqual(pysparkPlanJson(golden.tableArg));
    expect(ours(single.expr)).toEqual(pysparkPlanJson(golden.singlePartition));
  });

  it("asTable refuses orderBy before partitioning and partitioning twice, as PySpark does", () => {
    expect(emittedError(golden, "orderFirst").type).toBe("IllegalArgumentException");
    expect(emittedError(golden, "partitionTwice").type).toBe("IllegalArgumentException");
    expect(() => left(spark).asTable().orderBy("id")).toThrow(
      expect.objectContaining({ name: "IllegalArgumentException" }),
    );
    expect(() => left(spark).asTable().withSinglePartition().partitionBy("id")).toThrow(
      expect.objectContaining({ name: "IllegalArgumentException" }),
    );
  });
});
