/**
 * Windows over aggregates in one select (`rank() OVER (ORDER BY sum(v))` with GROUP BY), aggregates used only in
 * ORDER BY or HAVING, and grouping, joining, distinct and hashing on nested keys (struct, array, map columns):
 * each query runs on the embedded engine and on Spark 4.1.1 (over several partitions) and must give the same
 * schema and rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as F from "../../../generated/functions/index.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { Window } from "../../../runtime/api/window.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { outcomeOf } from "../parity/parity-fixture.js";

const ROWS = [
  { k: "a", v: 1, st: { x: 1, y: "p" }, arr: [1, 2], m: { a: 1 } },
  { k: "b", v: 5, st: { x: 1, y: "p" }, arr: [1, 2], m: { a: 1 } },
  { k: "a", v: 2, st: { x: 2, y: null }, arr: [2], m: { b: 2 } },
  { k: "c", v: 4, st: null, arr: null, m: null },
  { k: "b", v: 3, st: { x: 2, y: null }, arr: [], m: {} },
  { k: "c", v: 2, st: { x: 1, y: "p" }, arr: [1, null], m: { a: 1 } },
  { k: "d", v: 9, st: null, arr: [1, null], m: null },
];
const DDL = "k string, v int, st struct<x:int,y:string>, arr array<int>, m map<string,int>";

describe("windows over aggregates, aggregates in ORDER BY / HAVING, nested keys", () => {
  let local: SparkSession;
  let spark: SparkSession;

  beforeAll(async () => {
    local = new SparkSession(new LocalBackend({ master: "local[2]" }));
    spark = await testSession();
    const view = async (s: SparkSession) => s.createDataFrame(ROWS, DDL).repartition(3).createOrReplaceTempView("aw_t");
    await Promise.all([view(spark), view(local)]);
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
  });

  async function expectSame(build: (session: SparkSession) => DataFrame | Promise<DataFrame>, ordered = false) {
    const [expected, actual] = await Promise.all([
      outcomeOf(await build(spark), ordered),
      outcomeOf(await build(local), ordered),
    ]);
    expect(actual.schema).toEqual(expected.schema);
    expect(actual.rows).toEqual(expected.rows);
  }

  it("ranks groups by their aggregate in the same select (SQL and DataFrame)", async () => {
    await expectSame((s) =>
      s.sql("SELECT k, sum(v) AS total, rank() OVER (ORDER BY sum(v)) AS r FROM aw_t GROUP BY k"),
    );
    await expectSame((s) =>
      s.sql("SELECT k, sum(v), sum(sum(v)) OVER (ORDER BY k ROWS UNBOUNDED PRECEDING) AS running FROM aw_t GROUP BY k"),
    );
    await expectSame((s) => s.sql("SELECT k, rank() OVER (ORDER BY sum(v) DESC) FROM aw_t GROUP BY k"));
    await expectSame((s) => s.sql("SELECT k, sum(v) / sum(sum(v)) OVER () AS share FROM aw_t GROUP BY k"));
    await expectSame((s) =>
      s.sql("SELECT k, row_number() OVER (PARTITION BY k ORDER BY max(v)) AS rn FROM aw_t GROUP BY k"),
    );
    await expectSame((s) =>
      s
        .table("aw_t")
        .groupBy("k")
        .agg(F.sum("v").alias("total"))
        .withColumn("r", F.dense_rank().over(Window.orderBy(col("total").desc()))),
    );
  });

  it("orders and filters by aggregates that are not selected", async () => {
    await expectSame((s) => s.sql("SELECT k FROM aw_t GROUP BY k ORDER BY sum(v) DESC, k"), true);
    await expectSame((s) => s.sql("SELECT k, count(*) AS n FROM aw_t GROUP BY k HAVING max(v) > 3"));
    await expectSame((s) => s.sql("SELECT max(v) FROM aw_t HAVING max(v) > 1"));
    // Grouping columns the select list does not show.
    await expectSame((s) => s.sql("SELECT sum(v) AS s FROM aw_t GROUP BY k HAVING k > 'a'"));
    await expectSame((s) => s.sql("SELECT sum(v) AS s FROM aw_t GROUP BY k ORDER BY k"), true);
    await expectSame((s) => s.sql("SELECT k, max(v) AS m FROM aw_t GROUP BY k HAVING sum(v) > 4 ORDER BY m, k"), true);
  });

  it("groups by, counts distinct and deduplicates nested columns", async () => {
    await expectSame((s) => s.table("aw_t").groupBy("st").agg(F.sum("v"), F.count("k")));
    await expectSame((s) => s.table("aw_t").groupBy("arr").count());
    await expectSame((s) => s.table("aw_t").select("st", "arr").distinct());
    await expectSame((s) => s.table("aw_t").dropDuplicates(["st"]).select("st"));
    await expectSame((s) => s.sql("SELECT count(DISTINCT st), count(DISTINCT arr) FROM aw_t"));
  });

  it("joins on nested keys", async () => {
    await expectSame((s) => {
      const t = s.table("aw_t");
      return t
        .alias("l")
        .join(t.alias("r"), col("l.st").eqNullSafe(col("r.st")))
        .select("l.k", "r.k", "l.st");
    });
    await expectSame((s) => {
      const t = s.table("aw_t");
      return t
        .alias("l")
        .join(t.alias("r"), col("l.arr").eq(col("r.arr")))
        .select("l.k", "r.k", "l.arr");
    });
  });

  it("hashes nested values as Spark does", async () => {
    await expectSame((s) =>
      s.table("aw_t").select("k", "v", F.hash(col("st")), F.hash(col("arr")), F.xxhash64(col("st"), col("arr"))),
    );
    await expectSame((s) => s.table("aw_t").repartition(4, col("st")).groupBy("st").agg(F.count("v")));
  });
});
