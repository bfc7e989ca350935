/**
 * Arrays, maps and structs in columns: the shared parity fixture, nested values from createDataFrame, and
 * nested columns through filters, sorts, shuffles and unions, each compared with Spark 4.1.1.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as F from "../../../generated/functions/index.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { outcomeOf } from "../parity/parity-fixture.js";

const FIXTURE_SQL = readFileSync(new URL("../../../parity-tests/fixture.sql", import.meta.url), "utf8");

const NESTED_ROWS = [
  { id: 1, tags: ["a", "b"], scores: { x: 1, y: null }, point: { x: 1.5, y: -2 } },
  { id: 2, tags: [], scores: {}, point: { x: null, y: 0 } },
  { id: 3, tags: null, scores: null, point: null },
  { id: 4, tags: ["c", null], scores: { z: 3 }, point: { x: 0, y: 7 } },
];
const NESTED_DDL = "id int, tags array<string>, scores map<string,int>, point struct<x:double,y:int>";

describe("nested types on the embedded engine", () => {
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

  async function expectSame(build: (session: SparkSession) => Promise<DataFrame> | DataFrame, ordered = false) {
    const [expected, actual] = await Promise.all([
      outcomeOf(await build(spark), ordered),
      outcomeOf(await build(local), ordered),
    ]);
    expect(actual.schema).toEqual(expected.schema);
    expect(actual.rows).toEqual(expected.rows);
  }

  it("runs the shared parity fixture (SELECT * FROM VALUES with array, map, named_struct)", async () => {
    await expectSame((s) => s.sql(FIXTURE_SQL));
  });

  it("takes nested values from createDataFrame and returns them unchanged", async () => {
    await expectSame((s) => s.createDataFrame(NESTED_ROWS, NESTED_DDL));
  });

  it("keeps nested columns through filter, sort, repartition and union", async () => {
    await expectSame(
      (s) =>
        s
          .createDataFrame(NESTED_ROWS, NESTED_DDL)
          .filter(col("id").gt(1))
          .repartition(3)
          .union(s.createDataFrame(NESTED_ROWS, NESTED_DDL).filter(col("id").lt(3)))
          .orderBy(col("id").desc()),
      true,
    );
  });

  it("widens nested types across VALUES rows and casts nested values", async () => {
    await expectSame((s) =>
      s.sql(
        "SELECT * FROM VALUES (array(1), map('a', 1L), named_struct('f', 1)), (array(2.5D), map(), named_struct('f', NULL)) AS t(a, m, st)",
      ),
    );
    await expectSame((s) =>
      s.sql("SELECT CAST(array(1, NULL) AS array<string>) AS a, CAST(named_struct('x', 1) AS struct<y:bigint>) AS st"),
    );
  });

  it("builds arrays, maps and structs with Spark's names and nullability", async () => {
    await expectSame((s) =>
      s.sql(
        "SELECT array(id, NULL) , array(), map(), map('k', id), struct(id, id + 1 AS next), named_struct('n', id) FROM range(3)",
      ),
    );
  });

  it("reads elements, map values and struct fields with Spark's names", async () => {
    await expectSame(
      (s) =>
        s.sql(
          "SELECT st.a, upper(st.b), arr[0], m['a'], element_at(arr, -1), element_at(m, 'z'), size(arr), cardinality(m) FROM (" +
            FIXTURE_SQL +
            ") WHERE id IN (1, 3) ORDER BY id",
        ),
      true,
    );
    await expectSame((s) => {
      const df = s.createDataFrame(NESTED_ROWS, NESTED_DDL).filter(col("id").isin(1, 3, 4));
      return df.select(
        col("point").getField("x"),
        col("point.y"),
        col("tags").getItem(0),
        col("scores").getItem("x"),
        col("id"),
      );
    });
  });

  it("raises Spark's errors for bad indexes under ANSI mode", async () => {
    const failureOf = async (session: SparkSession, build: (df: DataFrame) => DataFrame) => {
      try {
        await build(session.createDataFrame(NESTED_ROWS, NESTED_DDL)).collect();
        return "no error";
      } catch (error) {
        return (error as { errorClass?: string }).errorClass;
      }
    };
    const cases: ((df: DataFrame) => DataFrame)[] = [
      (df) => df.select(F.element_at(col("tags"), 5)),
      (df) => df.select(F.element_at(col("tags"), 0)),
      (df) => df.select(col("tags").getItem(3)),
      (df) => df.select(F.create_map(F.lit(null).cast("string"), col("id"))),
      (df) => df.select(F.create_map(F.lit("a"), col("id"), F.lit("a"), F.lit(2))),
    ];
    for (const build of cases) {
      const expected = await failureOf(spark, build);
      expect(expected).not.toBe("no error");
      expect(await failureOf(local, build)).toEqual(expected);
    }
  });

  it("collects lists and sets per group across partitions, and groups rows carrying nested columns", async () => {
    await expectSame((s) =>
      s.sql(
        "SELECT id % 3 AS k, sort_array(collect_list(id % 5)) AS l, sort_array(collect_set(id % 5)) AS st, " +
          "size(collect_list(CASE WHEN id > 3 THEN id END)) AS n FROM range(0, 20, 1, 4) GROUP BY id % 3",
      ),
    );
  });
});
