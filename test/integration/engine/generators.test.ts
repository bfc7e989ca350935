/**
 * Generators (explode, posexplode, inline, stack and their outer forms) on the embedded engine and on Spark
 * 4.1.1: in select and withColumn, in selectExpr and SQL select lists, as table functions and in LATERAL VIEW,
 * over arrays and maps, with Spark's column names and nullability, across several (and empty) partitions, and
 * Spark's errors for misplaced generators.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as F from "../../../generated/functions/index.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, lit } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { SparkConnectError } from "../../../runtime/errors/index.js";
import { testSession } from "../api/fixture.js";
import { outcomeOf } from "../parity/parity-fixture.js";

const ROWS = [
  { id: 1, tags: ["a", "b"], scores: { x: 1, y: null }, points: [{ x: 1.5, y: -2 }, null] },
  { id: 2, tags: [], scores: {}, points: [] },
  { id: 3, tags: null, scores: null, points: null },
  { id: 4, tags: ["c", null], scores: { z: 3 }, points: [{ x: 0, y: 7 }] },
];
const DDL = "id int, tags array<string>, scores map<string,int>, points array<struct<x:double,y:int>>";

describe("generators on the embedded engine", () => {
  let local: SparkSession;
  let spark: SparkSession;

  beforeAll(async () => {
    local = new SparkSession(new LocalBackend({ master: "local[2]" }));
    spark = await testSession();
    const view = async (s: SparkSession) => table(s).createOrReplaceTempView("gen_t");
    await Promise.all([view(spark), view(local)]);
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
  });

  /** Three partitions for four rows, one of them empty after the filter. */
  const nested = (s: SparkSession) => s.createDataFrame(ROWS, DDL).repartition(3, col("id")).filter(col("id").ne(2));
  const table = (s: SparkSession) => s.createDataFrame(ROWS, DDL).repartition(4);

  async function expectSame(build: (session: SparkSession) => DataFrame | Promise<DataFrame>, ordered = false) {
    const [expected, actual] = await Promise.all([
      outcomeOf(await build(spark), ordered),
      outcomeOf(await build(local), ordered),
    ]);
    expect(actual.schema).toEqual(expected.schema);
    expect(actual.rows).toEqual(expected.rows);
  }

  async function failureOf(df: DataFrame): Promise<unknown> {
    try {
      await df.collect();
      return "no error";
    } catch (error) {
      if (!(error instanceof SparkConnectError)) throw error;
      return { kind: error.constructor.name, errorClass: error.errorClass, sqlState: error.sqlState };
    }
  }

  async function expectSameFailure(build: (session: SparkSession) => DataFrame) {
    const [expected, actual] = await Promise.all([failureOf(build(spark)), failureOf(build(local))]);
    expect(expected).not.toBe("no error");
    expect(actual).toEqual(expected);
  }

  it("explodes arrays and maps, keeping the other columns", async () => {
    await expectSame((s) => table(s).select("id", F.explode("tags")));
    await expectSame((s) => table(s).select(F.explode("scores"), col("id")));
    await expectSame((s) => table(s).select("*", F.explode("tags").alias("tag")));
  });

  it("explode_outer keeps rows with an empty or NULL input", async () => {
    await expectSame((s) => table(s).select("id", F.explode_outer("tags")));
    await expectSame((s) => table(s).select("id", F.explode_outer("scores")));
  });

  it("posexplode and posexplode_outer add the position", async () => {
    await expectSame((s) => table(s).select("id", F.posexplode("tags")));
    await expectSame((s) => table(s).select("id", F.posexplode("scores")));
    await expectSame((s) => table(s).select("id", F.posexplode_outer("tags").alias("p", "t")));
    await expectSame((s) => table(s).select("id", F.posexplode_outer("scores")));
  });

  it("inline and inline_outer turn structs into columns (a NULL struct gives a row of NULLs)", async () => {
    await expectSame((s) => table(s).select("id", F.inline("points")));
    await expectSame((s) => table(s).select("id", F.inline_outer("points")));
    await expectSame((s) => table(s).select(F.inline(F.arrays_zip(col("tags"), col("tags")))));
  });

  it("stack spreads values over rows, NULL literals taking the column's type", async () => {
    await expectSame((s) => table(s).select("id", F.stack(lit(2), col("id"), lit("x"), lit(null), lit("y"))));
    await expectSame((s) => table(s).select(F.stack(lit(3), col("id"), col("id").plus(1))));
  });

  it("withColumn and selectExpr take a generator", async () => {
    await expectSame((s) => table(s).withColumn("tag", F.explode("tags")));
    await expectSame((s) => table(s).withColumn("tags", F.explode_outer("tags")));
    await expectSame((s) =>
      table(s).withColumns({ one: F.lit(1), tag: F.explode("tags"), id: col("id").plus(1), n: F.explode("tags") }),
    );
    await expectSame((s) => table(s).selectExpr("id", "posexplode(scores) AS (p, k, v)"));
    await expectSame((s) => table(s).selectExpr("explode(tags) tag", "id * 2 AS twice"));
  });

  it("keeps each partition's order, over several and empty partitions", async () => {
    await expectSame((s) => nested(s).orderBy("id").select("id", F.posexplode("tags")), true);
    await expectSame((s) => nested(s).select(F.explode("tags")).groupBy("col").count());
  });

  it("runs generators in SQL select lists, LATERAL VIEW [OUTER] and FROM", async () => {
    await expectSame((s) => s.sql("SELECT id, explode(tags) FROM gen_t"));
    await expectSame((s) => s.sql("SELECT id, posexplode(scores) AS (p, k, v) FROM gen_t"));
    await expectSame((s) => s.sql("SELECT id, tag FROM gen_t LATERAL VIEW explode(tags) t AS tag"));
    await expectSame((s) => s.sql("SELECT * FROM gen_t LATERAL VIEW OUTER explode(tags) t"));
    await expectSame((s) => s.sql("SELECT id, t.* FROM gen_t LATERAL VIEW OUTER posexplode(scores) t AS p, k, v"));
    await expectSame((s) =>
      s.sql("SELECT id, a, b FROM gen_t LATERAL VIEW stack(2, id, 'x', id + 1, 'y') s AS a, b WHERE id > 1"),
    );
    await expectSame((s) =>
      s.sql("SELECT id, x, y, tag FROM gen_t LATERAL VIEW inline(points) p LATERAL VIEW explode(tags) t AS tag"),
    );
    await expectSame((s) => s.sql("SELECT * FROM explode(array(1, 2, 3))"));
    await expectSame((s) => s.sql("SELECT * FROM posexplode(map('a', 1, 'b', 2))"));
    await expectSame((s) => s.sql("SELECT stack(2, 1, 'a', 2, 'b')"));
    await expectSame((s) => s.sql("SELECT explode(array(1, 2, NULL, 4)) AS n"));
  });

  it("runs generator table functions", async () => {
    await expectSame((s) => s.tvf.explode(F.array(lit(1), lit(2), lit(3))));
    await expectSame((s) => s.tvf.explode_outer(F.create_map(lit("a"), lit(1), lit("b"), lit(2))));
    await expectSame((s) => s.tvf.posexplode(F.array(lit("p"), lit("q"))));
    await expectSame((s) => s.tvf.posexplode_outer(lit(null).cast("array<int>")));
    await expectSame((s) => s.tvf.inline(F.array(F.struct(lit(1).alias("a"), lit("x").alias("b")))));
  });

  it("nests several generators in one select, the first one outermost, and reads aggregates", async () => {
    await expectSame((s) => table(s).orderBy("id").select(F.explode("tags"), "id", F.posexplode("scores")), true);
    await expectSame((s) => table(s).selectExpr("explode(tags) AS t", "explode(tags) AS u"));
    await expectSame((s) => table(s).select(F.explode(F.collect_list("id")), F.count(lit(1))));
    await expectSame((s) =>
      table(s)
        .groupBy(col("id").mod(2).alias("odd"))
        .agg(F.explode(F.collect_set("tags"))),
    );
    await expectSame((s) => s.sql("SELECT id % 2 AS odd, explode(collect_list(id)) AS v FROM gen_t GROUP BY id % 2"));
  });

  it("raises Spark's errors for misplaced generators", async () => {
    await expectSameFailure((s) => table(s).select(F.explode("tags").isNull()));
    await expectSameFailure((s) => table(s).filter(F.explode("tags").isNull()));
    await expectSameFailure((s) => table(s).select(F.explode("id")));
    await expectSameFailure((s) => table(s).select(F.posexplode("tags").alias("only_one")));
    await expectSameFailure((s) => table(s).select(F.stack(lit(2), col("id"), lit("x"))));
  });
});
