/**
 * Correlated subqueries on the embedded engine, compared with Spark 4.1.1: EXISTS / NOT EXISTS, IN / NOT IN
 * (NULL semantics included), scalar subqueries with aggregates (the count bug), in WHERE, SELECT and HAVING,
 * nested; the SQL forms of TPC-H q2, q4, q17, q20, q21 and q22 (and q11, q16, q18, whose subqueries are
 * uncorrelated); the DataFrame API with `outer()`; and `explain()` showing the joins the subqueries became. The engine runs every query at local[2] through the
 * parity harness and again at local[1]; the input tables are split over three partitions and hold NULL keys.
 */
import { Int32, Table, Utf8, vectorFromArray } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTables } from "../../../bench/tpch/tables.js";
import type { Plan } from "../../../generated/proto/spark/connect/base_pb.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, count, max, not } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { TPCH_QUERIES } from "../../../runtime/engine/sql/tpch-queries.js";
import { sparkRemote } from "../../support/session-url.js";
import { type Answer, decode, type Failure, Parity } from "./parity-harness.js";
import * as P from "./plan-builders.js";

const parity = new Parity(process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002", "local[2]");
const single = new LocalBackend({ master: "local[1]" });
afterAll(() => {
  parity.close();
  single.close();
});

/** `table` split over three partitions. */
const split = (table: Table): P.Rel => P.repartition(P.local(table), 3);

/** t(a, s): keys 1, 2, 3, 4 and a NULL key. */
const t = () =>
  split(
    new Table({
      a: vectorFromArray([1, 2, null, 3, 4], new Int32()),
      s: vectorFromArray(["x", "y", "z", "w", null], new Utf8()),
    }),
  );

/** u(a, b): key 1 twice, 3 once, a NULL key, 5 (no match in t). */
const u = () =>
  split(
    new Table({
      a: vectorFromArray([1, 1, 3, null, 5, 3], new Int32()),
      b: vectorFromArray([10, 11, 30, 40, 50, null], new Int32()),
    }),
  );

/** `spark.sql(query, t=…, u=…)`: the tables travel with the query as named references. */
function sqlOver(query: string, tables: Record<string, () => P.Rel> = { t, u }): Plan {
  const references = Object.entries(tables).map(
    ([alias, table]): P.Rel => ({ relType: { case: "subqueryAlias", value: { alias, input: table() } } }),
  );
  return P.plan({
    relType: { case: "withRelations", value: { root: { relType: { case: "sql", value: { query } } }, references } },
  });
}

const sortRows = (rows: unknown[][]) => [...rows].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));

/** The answer at local[1], shaped as the harness shapes it. */
async function singleThreaded(plan: Plan, ordered: boolean): Promise<Answer | Failure> {
  const responses = [];
  try {
    for await (const r of single.execute(plan)) responses.push(r);
  } catch (error) {
    const e = error as { constructor: { name: string }; errorClass?: string; sqlState?: string };
    return { failure: { kind: e.constructor.name, errorClass: e.errorClass, sqlState: e.sqlState } };
  }
  const answer = decode(responses, true);
  return { schema: answer.schema, rows: ordered ? answer.rows : sortRows(answer.rows) } as Answer;
}

async function expectSame(plan: Plan, ordered = false): Promise<Answer> {
  const { local, spark } = await parity.run(plan, ordered);
  expect(local).toEqual(spark);
  expect(await singleThreaded(plan, ordered)).toEqual(spark);
  if (!("rows" in spark)) throw new Error(`Spark failed: ${JSON.stringify(spark)}`);
  return spark;
}

const same = (query: string, ordered = false) => expectSame(sqlOver(query), ordered);

describe("correlated subqueries: EXISTS and IN", () => {
  it("EXISTS and NOT EXISTS become semi and anti joins (equality and non-equality correlation)", async () => {
    expect((await same("SELECT a, s FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a)")).rows).toHaveLength(2);
    await same("SELECT a, s FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.a = t.a)");
    await same("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a > t.a AND u.b IS NOT NULL)");
    await same("SELECT a FROM t WHERE NOT EXISTS (SELECT * FROM u WHERE u.a = t.a AND u.b <> t.a * 10)");
    await same("SELECT a FROM t WHERE s <> 'y' AND EXISTS (SELECT 1 FROM u WHERE u.a = t.a) OR a = 2");
  });

  it("IN and NOT IN, uncorrelated and correlated, with Spark's NULL semantics", async () => {
    await same("SELECT a FROM t WHERE a IN (SELECT a FROM u)");
    // A NULL in the subquery makes NOT IN unknown for every row: no rows.
    expect((await same("SELECT a FROM t WHERE a NOT IN (SELECT a FROM u)")).rows).toEqual([]);
    await same("SELECT a FROM t WHERE a NOT IN (SELECT a FROM u WHERE a IS NOT NULL)");
    // An empty subquery: NOT IN holds, even for a NULL value.
    await same("SELECT a FROM t WHERE a NOT IN (SELECT a FROM u WHERE b > 1000)");
    await same("SELECT a FROM t WHERE a IN (SELECT u.a FROM u WHERE u.b > t.a * 10)");
    await same("SELECT a FROM t WHERE a NOT IN (SELECT u.a FROM u WHERE u.b >= t.a * 10)");
    await same("SELECT a, s FROM t WHERE (a, s) IN (SELECT a, CAST(b AS STRING) FROM u)");
  });

  it("EXISTS and IN in the select list give boolean columns", async () => {
    await same("SELECT a, EXISTS (SELECT 1 FROM u WHERE u.a = t.a) AS e FROM t");
    await same(
      "SELECT a, a IN (SELECT a FROM u WHERE b > 20) AS i, NOT EXISTS (SELECT 1 FROM u WHERE u.a > t.a) AS n FROM t",
    );
    await same("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a) OR a IS NULL");
  });
});

describe("correlated subqueries: scalar", () => {
  it("an aggregate per correlation key; a missing group counts 0 and sums NULL (the count bug)", async () => {
    const answer = await same(
      "SELECT a, (SELECT count(*) FROM u WHERE u.a = t.a) AS c, (SELECT sum(b) FROM u WHERE u.a = t.a) AS s, " +
        "(SELECT max(b) + count(b) FROM u WHERE u.a = t.a) AS m FROM t",
    );
    expect(answer.rows).toContainEqual([2, "0L", null, null]);
  });

  it("in WHERE and HAVING", async () => {
    await same("SELECT a FROM t WHERE (SELECT count(*) FROM u WHERE u.a = t.a) > 1");
    await same("SELECT a FROM t WHERE a * 10 < (SELECT max(b) FROM u WHERE u.a = t.a)");
    await same("SELECT a, count(*) AS n FROM t GROUP BY a HAVING count(*) <= (SELECT count(*) FROM u WHERE u.a = t.a)");
  });

  it("without an alias, named after its outer columns as Spark names it", async () => {
    await same("SELECT a, (SELECT sum(b) FROM u WHERE u.a = t.a) FROM t");
  });

  it("nested: a subquery in a subquery correlated with its parent", async () => {
    await same(
      "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a AND u.b = (SELECT max(b) FROM u AS v WHERE v.a = u.a))",
    );
    await same(
      "SELECT a FROM t WHERE a IN (SELECT a FROM u WHERE b > (SELECT avg(b) FROM u AS v WHERE v.a = u.a) - 1)",
    );
  });
});

describe("correlated subqueries: shapes the engine does not decorrelate", () => {
  const notSupported = {
    failure: {
      kind: "UnsupportedOperationException",
      errorClass: "UNSUPPORTED_FEATURE.LOCAL_ENGINE",
      sqlState: "0A000",
    },
  };

  it("raise a not-supported error naming the shape, never a wrong answer (Spark 4.1.1 answers these)", async () => {
    // Correlation under a LIMIT a filter reads, a non-equality or an expression key under an aggregate, a
    // scalar subquery without an aggregate.
    const shapes = [
      "SELECT a FROM t WHERE EXISTS (SELECT * FROM (SELECT b FROM u WHERE u.a = t.a LIMIT 1) WHERE b > 10)",
      "SELECT a, (SELECT sum(b) FROM u WHERE u.a < t.a) FROM t",
      "SELECT a, (SELECT count(*) FROM u WHERE u.a % 2 = t.a) FROM t",
      "SELECT a, (SELECT b FROM u WHERE u.a = t.a AND b = 30) FROM t",
    ];
    for (const query of shapes) {
      const { local, spark } = await parity.run(sqlOver(query));
      expect(local, query).toEqual(notSupported);
      expect("rows" in spark, query).toBe(true);
    }
  });

  it("an EXISTS subquery's own ORDER BY and LIMIT do not stop its decorrelation", async () => {
    await same("SELECT a FROM t WHERE EXISTS (SELECT b FROM u WHERE u.a = t.a ORDER BY b LIMIT 1)");
  });

  it("a scalar subquery of two columns fails as in Spark", async () => {
    const { local, spark } = await parity.run(sqlOver("SELECT a, (SELECT a, b FROM u WHERE u.a = t.a) FROM t"));
    expect(local).toEqual(spark);
  });
});

describe("TPC-H subquery queries in SQL", () => {
  const tables = generateTables(0.002);
  const tpch = Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, () => split(table)]));
  // Interval literals are not the subject here (the engine does not parse them yet): their dates precomputed.
  // At this scale no Canadian supplier qualifies for Q20, so it asks about the German ones (one row), and no
  // order has over 300 items for Q18, so it asks for over 250.
  const text = (n: number) =>
    (TPCH_QUERIES[n] as string)
      .replace("date '1993-07-01' + interval '3' month", "date '1993-10-01'")
      .replace("date '1994-01-01' + interval '1' year", "date '1995-01-01'")
      .replace("n_name = 'CANADA'", "n_name = 'GERMANY'")
      .replace("sum(l_quantity) > 300", "sum(l_quantity) > 250");

  it.each([2, 4, 11, 16, 17, 18, 20, 21, 22])("Q%i", async (n) => {
    const answer = await expectSame(sqlOver(text(n), tpch), true);
    expect(answer.rows.length).toBeGreaterThan(0);
  });
});

describe("DataFrame API: outer() references", () => {
  let localSpark: SparkSession;
  let remoteSpark: SparkSession;
  beforeAll(async () => {
    localSpark = await SparkSession.builder().master("local[2]").create();
    remoteSpark = await SparkSession.builder().remote(sparkRemote()).create();
  });
  afterAll(async () => {
    await localSpark.stop();
    await remoteSpark.stop();
  });

  const tables = async (spark: SparkSession) => {
    const left = (await spark.createDataFrame([[1], [2], [null], [3]], "id int")).repartition(2).alias("l");
    const right = (
      await spark.createDataFrame(
        [
          [1, 10],
          [1, 11],
          [3, 30],
          [null, 40],
        ],
        "id int, v int",
      )
    ).alias("r");
    return { left, right };
  };

  const outcome = async (build: (spark: SparkSession) => Promise<DataFrame>, spark: SparkSession) => {
    const df = await build(spark);
    const rows = (await df.collect()).map((r) => JSON.stringify(r));
    return { schema: (await df.schema).simpleString(), rows: rows.sort() };
  };
  const bothSame = async (build: (spark: SparkSession) => Promise<DataFrame>) => {
    const [local, remote] = await Promise.all([outcome(build, localSpark), outcome(build, remoteSpark)]);
    expect(local).toEqual(remote);
    return remote;
  };

  it("exists() and scalar() correlated through outer()", async () => {
    await bothSame(async (spark) => {
      const { left, right } = await tables(spark);
      return left.where(right.where(col("r.id").eq(col("l.id").outer())).exists());
    });
    await bothSame(async (spark) => {
      const { left, right } = await tables(spark);
      return left.where(not(right.where(col("r.id").eq(col("l.id").outer())).exists()));
    });
    const counted = await bothSame(async (spark) => {
      const { left, right } = await tables(spark);
      const perKey = right.where(col("r.id").eq(col("l.id").outer()));
      return left.select(
        "id",
        perKey.select(count("*")).scalar().alias("c"),
        perKey.select(max("v")).scalar().alias("m"),
      );
    });
    expect(counted.rows).toHaveLength(4);
  });

  it("explain() shows the joins the subqueries became", async () => {
    const { left, right } = await tables(localSpark);
    const perKey = right.where(col("r.id").eq(col("l.id").outer()));
    const plan = await left
      .where(perKey.exists())
      .select("id", perKey.select(count("*")).scalar().alias("c"))
      .explainString(true);
    const optimized = plan.slice(plan.indexOf("== Optimized Logical Plan =="));
    expect(optimized).toMatch(/Join LeftSemi|Join leftsemi/i);
    expect(optimized).toMatch(/Join LeftOuter|Join leftouter/i);
    expect(plan).toMatch(/HashJoin .*left_semi/);
  });
});
