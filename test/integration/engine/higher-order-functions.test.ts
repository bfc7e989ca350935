/**
 * Higher-order functions beyond the per-function parity cases: lambdas written as SQL text (spark.sql and
 * expr()), and the errors Spark raises for bad lambdas and bad lambda results, each compared with Spark 4.1.1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as F from "../../../generated/functions/index.js";
import type { Column } from "../../../runtime/api/column.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, lit } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { outcomeOf } from "../parity/parity-fixture.js";

const INPUT =
  "SELECT * FROM VALUES (1, array(3, 1, 2), map('a', 1, 'b', 2), 's'), (2, array(), map(), 't') AS t(id, a, m, s)";

describe("higher-order functions on the embedded engine", () => {
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

  async function expectSame(build: (session: SparkSession) => Promise<DataFrame>) {
    const [expected, actual] = await Promise.all([
      build(spark).then((df) => outcomeOf(df, true)),
      build(local).then((df) => outcomeOf(df, true)),
    ]);
    expect(actual.schema).toEqual(expected.schema);
    expect(actual.rows).toEqual(expected.rows);
  }

  it("runs lambdas written as SQL text in spark.sql", async () => {
    await expectSame((s) =>
      s.sql(
        `SELECT id, transform(a, x -> x + id) t, filter(a, (x, i) -> i > 0 AND x > 1) f,
           aggregate(a, 0, (acc, x) -> acc + x, acc -> acc * 10) g, reduce(a, 0L, (acc, x) -> acc + x) r,
           exists(a, x -> x = 2) e, forall(a, x -> x > 0) fa, zip_with(a, a, (x, y) -> x * y) z,
           transform(a, x -> aggregate(a, x, (acc, y) -> acc + y)) nested,
           map_filter(m, (k, v) -> v > 1) mf, transform_values(m, (k, v) -> concat(k, v)) tv,
           map_zip_with(m, m, (k, v1, v2) -> v1 + v2) mz, array_sort(a, (l, r) -> r - l) srt
         FROM (${INPUT}) ORDER BY id`,
      ),
    );
  });

  it("runs lambdas written as SQL text in expr()", async () => {
    await expectSame(async (s) =>
      (await s.sql(INPUT))
        .orderBy("id")
        .select(F.expr("transform(a, (x, i) -> x * i)"), F.expr("transform_keys(m, (k, v) -> upper(k)) AS u")),
    );
  });

  /** Lambdas of the wrong arity, which the typed signatures would not accept. */
  const threeParameters = ((x: Column, _y: Column, _z: Column) => x) as unknown as (x: Column) => Column;
  const twoParameters = ((x: Column, _i: Column) => x.gt(1)) as unknown as (x: Column) => Column;

  const errorCases: Record<string, () => Column> = {
    "a lambda with too many parameters": () => F.transform("a", threeParameters),
    "an index parameter exists does not give": () => F.exists("a", twoParameters),
    "transform_keys making a NULL key": () => F.transform_keys("m", (k, v) => F.when(v.gt(1), lit(null)).otherwise(k)),
    "transform_keys making a duplicate key": () => F.transform_keys("m", () => lit("z")),
    "an aggregate merge of another type than its zero": () => F.aggregate("a", lit(0), (acc) => acc.plus(lit(0.5))),
    "transform over a string": () => F.transform("s", (x) => x),
    "a filter predicate that is not boolean": () => F.filter("a", (x) => x.plus(1)),
    "a comparator returning NULL": () => F.array_sort("a", () => lit(null).cast("int")),
    "a comparator returning a double": () => F.array_sort("a", () => lit(1.5)),
    "map_zip_with over maps with other key types": () =>
      F.map_zip_with("m", F.create_map(lit(1), lit(2)), (_k, v1) => v1),
  };

  it.each(Object.entries(errorCases))("raises Spark's error for %s", async (_name, build) => {
    const failureOf = async (session: SparkSession) => {
      try {
        const df = await session.sql(INPUT);
        await df.select(build(), col("id")).collect();
        return "no error";
      } catch (error) {
        const { errorClass, sqlState } = error as { errorClass?: string; sqlState?: string };
        return `${errorClass} ${sqlState}`;
      }
    };
    const expected = await failureOf(spark);
    expect(expected).not.toBe("no error");
    expect(await failureOf(local)).toEqual(expected);
  });
});
