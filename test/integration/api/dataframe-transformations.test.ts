/**
 * DataFrame transformations on small datasets, each result checked against the answer computed in JS.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { avg, callFunction, col, count, countDistinct, lit, max, min, sum } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { testSession } from "./fixture.js";

interface Employee {
  id: number;
  name: string;
  dept: number | null;
  salary: number;
}

const EMPLOYEES: Employee[] = [
  { id: 1, name: "Ada", dept: 10, salary: 5200 },
  { id: 2, name: "Ben", dept: 20, salary: 4100 },
  { id: 3, name: "Cy", dept: 10, salary: 6100 },
  { id: 4, name: "Di", dept: null, salary: 3900 },
  { id: 5, name: "Ed", dept: 30, salary: 4700 },
  { id: 6, name: "Flo", dept: 20, salary: 4100 },
];
const DEPTS = [
  { dept: 10, title: "Research" },
  { dept: 20, title: "Sales" },
  { dept: 40, title: "Legal" },
];

/** Rows as plain tuples of the given columns, with longs turned into numbers for easy comparison. */
async function tuples(df: DataFrame): Promise<unknown[][]> {
  const rows = await df.collect();
  return rows.map((r) => r.values.map((v) => (typeof v === "bigint" ? Number(v) : v)));
}

/** Orders nullable numbers as Spark's ascending sort does: nulls first. */
const byNullsFirst = (a: unknown, b: unknown) =>
  a === null ? (b === null ? 0 : -1) : b === null ? 1 : (a as number) - (b as number);

const byKey = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));

describe("DataFrame transformations", () => {
  let spark: SparkSession;
  let emp: DataFrame;
  let dept: DataFrame;

  beforeAll(async () => {
    spark = await testSession();
    emp = spark.createDataFrame(EMPLOYEES);
    dept = spark.createDataFrame(DEPTS);
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("createDataFrame infers long, double, string columns in key order", async () => {
    expect(await emp.dtypes).toEqual([
      ["id", "bigint"],
      ["name", "string"],
      ["dept", "bigint"],
      ["salary", "bigint"],
    ]);
    expect(await tuples(emp)).toEqual(EMPLOYEES.map((e) => [e.id, e.name, e.dept, e.salary]));
  });

  it("select, filter (Column and SQL), withColumn, withColumnRenamed, drop", async () => {
    const df = emp
      .filter(col("salary").ge(4100))
      .where("dept IS NOT NULL")
      .withColumn("bonus", col("salary").multiply(0.1))
      .withColumnRenamed("name", "who")
      .drop("dept", "salary", "no_such_column")
      .select("who", "bonus");
    const expected = EMPLOYEES.filter((e) => e.salary >= 4100 && e.dept !== null).map((e) => [e.name, e.salary * 0.1]);
    expect(await tuples(df)).toEqual(expected);
    expect(await df.columns).toEqual(["who", "bonus"]);
  });

  it("groupBy().agg computes per-group aggregates", async () => {
    const df = emp
      .groupBy("dept")
      .agg(
        count("*").alias("n"),
        sum("salary").alias("total"),
        avg("salary").alias("mean"),
        min("name").alias("first"),
        max("salary"),
      )
      .orderBy(col("dept").asc_nulls_first());
    const groups = new Map<number | null, Employee[]>();
    for (const e of EMPLOYEES) groups.set(e.dept, [...(groups.get(e.dept) ?? []), e]);
    const expected = [...groups.entries()]
      .sort(([a], [b]) => (a ?? -1) - (b ?? -1))
      .map(([d, es]) => {
        const total = es.reduce((s, e) => s + e.salary, 0);
        return [
          d,
          es.length,
          total,
          total / es.length,
          es.map((e) => e.name).sort()[0],
          Math.max(...es.map((e) => e.salary)),
        ];
      });
    expect(await tuples(df)).toEqual(expected);
  });

  it("GroupedData shorthands: count, sum, avg, mean, min, max", async () => {
    const byDept = emp.filter(col("dept").isNotNull()).groupBy("dept");
    const depts = [10, 20, 30];
    const of = (d: number) => EMPLOYEES.filter((e) => e.dept === d);
    expect(await tuples(byDept.count().orderBy("dept"))).toEqual(depts.map((d) => [d, of(d).length]));
    expect(await tuples(byDept.sum("salary", "id").orderBy("dept"))).toEqual(
      depts.map((d) => [d, of(d).reduce((s, e) => s + e.salary, 0), of(d).reduce((s, e) => s + e.id, 0)]),
    );
    const mean = (d: number) => of(d).reduce((s, e) => s + e.salary, 0) / of(d).length;
    expect(await tuples(byDept.avg("salary").orderBy("dept"))).toEqual(depts.map((d) => [d, mean(d)]));
    expect(await tuples(byDept.mean("salary").orderBy("dept"))).toEqual(depts.map((d) => [d, mean(d)]));
    expect(await tuples(byDept.min("salary").orderBy("dept"))).toEqual(
      depts.map((d) => [d, Math.min(...of(d).map((e) => e.salary))]),
    );
    expect(await tuples(byDept.max("id").orderBy("dept"))).toEqual(
      depts.map((d) => [d, Math.max(...of(d).map((e) => e.id))]),
    );
    expect(() => byDept.sum()).toThrow(/needs the names of the columns/);
    expect(await tuples(emp.agg(countDistinct("salary"), max("id")))).toEqual([
      [new Set(EMPLOYEES.map((e) => e.salary)).size, 6],
    ]);
  });

  it("pivot turns values into columns, with or without a value list", async () => {
    const known = emp
      .filter(col("dept").isNotNull())
      .groupBy("name")
      .pivot("dept", [10, 20])
      .sum("salary")
      .orderBy("name");
    expect(await known.columns).toEqual(["name", "10", "20"]);
    const expected = EMPLOYEES.filter((e) => e.dept !== null)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => [e.name, e.dept === 10 ? e.salary : null, e.dept === 20 ? e.salary : null]);
    expect(await tuples(known)).toEqual(expected);
    const discovered = emp.groupBy().pivot("dept").count();
    const depts = [...new Set(EMPLOYEES.map((e) => e.dept))].sort((a, b) => (a ?? -1) - (b ?? -1));
    expect(await discovered.columns).toEqual(depts.map((d) => (d === null ? "null" : String(d))));
    expect(await tuples(discovered)).toEqual([depts.map((d) => EMPLOYEES.filter((e) => e.dept === d).length)]);
    expect(() => emp.rollup("dept").pivot("name")).toThrow(/PIVOT after ROLLUP/);
    expect(() => emp.groupBy("id").pivot("dept").pivot("name")).toThrow(/Repeated PIVOT/);
  });

  it("groupingSets aggregates once per set, with null for the columns a set leaves out", async () => {
    const sets = emp
      .groupingSets([["dept", "salary"], ["dept"], []], "dept", "salary")
      .agg(count("*").alias("n"), callFunction("grouping_id").alias("gid"))
      .orderBy("gid", "dept", "salary");
    expect(await sets.columns).toEqual(["dept", "salary", "n", "gid"]);
    // grouping_id has a bit per grouping column, set when the set leaves that column out (dept is the high bit).
    const groups = new Map<string, unknown[]>();
    const add = (dept: number | null, salary: number | null, gid: number) => {
      const key = JSON.stringify([dept, salary, gid]);
      const row = groups.get(key) ?? [dept, salary, 0, gid];
      row[2] = (row[2] as number) + 1;
      groups.set(key, row);
    };
    for (const e of EMPLOYEES) {
      add(e.dept, e.salary, 0);
      add(e.dept, null, 1);
      add(null, null, 3);
    }
    const expected = [...groups.values()].sort(
      (a, b) => (a[3] as number) - (b[3] as number) || byNullsFirst(a[0], b[0]) || byNullsFirst(a[1], b[1]),
    );
    expect(await tuples(sets)).toEqual(expected);
    expect(() => emp.groupingSets([["dept"]], "dept").pivot("name")).toThrow(/PIVOT after GROUPING_SETS/);
  });

  it("unpivot and melt turn columns into (name, value) rows; null values means every non-id column", async () => {
    const wide = emp.select("id", "dept", "salary");
    const long = wide.unpivot("id", ["dept", col("salary")], "key", "value").orderBy("id", "key");
    expect(await long.columns).toEqual(["id", "key", "value"]);
    const expected = [...EMPLOYEES]
      .sort((a, b) => a.id - b.id)
      .flatMap((e) => [
        [e.id, "dept", e.dept],
        [e.id, "salary", e.salary],
      ]);
    expect(await tuples(long)).toEqual(expected);
    const melted = wide.melt(["id"], null, "key", "value").orderBy("id", "key");
    expect(await tuples(melted)).toEqual(expected);
  });

  it("groupBy and orderBy take 1-based ordinals once the schema is known", async () => {
    const df = emp.select("dept", "salary");
    expect(() => df.groupBy(1)).toThrow(/needs this DataFrame's schema; load it first/);
    await df.columns;
    const counted = df.groupBy(1).count();
    await counted.columns;
    const rows = await tuples(counted.filter(col("dept").isNotNull()).orderBy(-2, 1));
    const byDept = new Map<number, number>();
    for (const e of EMPLOYEES) if (e.dept !== null) byDept.set(e.dept, (byDept.get(e.dept) ?? 0) + 1);
    const expected = [...byDept.entries()].sort(([da, na], [db, nb]) => nb - na || da - db);
    expect(rows).toEqual(expected);
    expect(() => df.orderBy(0)).toThrow(/ordinals are 1-based/);
    expect(() => df.orderBy(3)).toThrow(/ordinal 3 is beyond the 2 columns/);
  });

  it("orderBy honours direction and null placement", async () => {
    const names = async (df: DataFrame) => (await df.collect()).map((r) => r.get("name"));
    const sorted = [...EMPLOYEES].sort(
      (a, b) => (a.dept ?? Number.POSITIVE_INFINITY) - (b.dept ?? Number.POSITIVE_INFINITY) || a.id - b.id,
    );
    expect(await names(emp.orderBy(col("dept").asc_nulls_last(), "id"))).toEqual(sorted.map((e) => e.name));
    expect(await names(emp.sort(col("dept").desc_nulls_first(), col("id").desc()))).toEqual(
      [...sorted].reverse().map((e) => e.name),
    );
    expect(await names(emp.orderBy(col("dept").asc(), "id").limit(1))).toEqual(["Di"]);
  });

  it("join on a column name for every join type", async () => {
    const run = async (how: string) => tuples(emp.select("name", "dept").join(dept, "dept", how));
    const matching = (e: Employee) => DEPTS.filter((d) => d.dept === e.dept);
    const inner = EMPLOYEES.flatMap((e) => matching(e).map((d) => [e.dept, e.name, d.title]));
    const left = EMPLOYEES.flatMap((e) =>
      matching(e).length > 0 ? matching(e).map((d) => [e.dept, e.name, d.title]) : [[e.dept, e.name, null]],
    );
    const unmatchedDepts = DEPTS.filter((d) => !EMPLOYEES.some((e) => e.dept === d.dept)).map((d) => [
      d.dept,
      null,
      d.title,
    ]);
    expect((await run("inner")).sort(byKey)).toEqual(inner.sort(byKey));
    expect((await run("left")).sort(byKey)).toEqual(left.sort(byKey));
    expect((await run("left_outer")).sort(byKey)).toEqual(left.sort(byKey));
    expect((await run("right")).sort(byKey)).toEqual([...inner, ...unmatchedDepts].sort(byKey));
    expect((await run("full_outer")).sort(byKey)).toEqual([...left, ...unmatchedDepts].sort(byKey));
    expect((await run("outer")).sort(byKey)).toEqual([...left, ...unmatchedDepts].sort(byKey));
    // A USING join puts the key column first.
    const semi = EMPLOYEES.filter((e) => matching(e).length > 0).map((e) => [e.dept, e.name]);
    const anti = EMPLOYEES.filter((e) => matching(e).length === 0).map((e) => [e.dept, e.name]);
    expect((await tuples(emp.select("name", "dept").join(dept, "dept", "semi"))).sort(byKey)).toEqual(semi.sort(byKey));
    expect((await tuples(emp.select("name", "dept").join(dept, ["dept"], "leftanti"))).sort(byKey)).toEqual(
      anti.sort(byKey),
    );
    expect(() => emp.join(dept, "dept", "sideways")).toThrow(/Unsupported join type "sideways"/);
  });

  it("join on a Column condition tells same-named columns apart by DataFrame", async () => {
    const df = emp
      .join(dept, emp.col("dept").eq(dept.col("dept")), "inner")
      .select(emp.col("name"), dept.col("dept"), dept.col("title"));
    const expected = EMPLOYEES.flatMap((e) =>
      DEPTS.filter((d) => d.dept === e.dept).map((d) => [e.name, d.dept, d.title]),
    );
    expect((await tuples(df)).sort(byKey)).toEqual(expected.sort(byKey));
  });

  it("self-join through aliases", async () => {
    const a = emp.alias("a");
    const b = emp.alias("b");
    const df = a.join(b, [col("a.salary").eq(col("b.salary")), col("a.id").lt(col("b.id"))]).select("a.name", "b.name");
    const expected = EMPLOYEES.flatMap((x) =>
      EMPLOYEES.filter((y) => x.salary === y.salary && x.id < y.id).map((y) => [x.name, y.name]),
    );
    expect(await tuples(df)).toEqual(expected);
  });

  it("crossJoin pairs every row", async () => {
    expect(await emp.crossJoin(dept).count()).toBe(BigInt(EMPLOYEES.length * DEPTS.length));
  });

  it("union, unionByName, distinct, dropDuplicates, intersect, subtract, exceptAll", async () => {
    const small = spark.range(0, 5);
    const other = spark.range(3, 8);
    const values = async (df: DataFrame) => (await tuples(df)).map((r) => r[0] as number).sort((x, y) => x - y);
    expect(await values(small.union(other))).toEqual([0, 1, 2, 3, 3, 4, 4, 5, 6, 7]);
    expect(await values(small.union(other).distinct())).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await values(small.intersect(other))).toEqual([3, 4]);
    expect(await values(small.subtract(other))).toEqual([0, 1, 2]);
    expect(await values(small.union(small).exceptAll(small))).toEqual([0, 1, 2, 3, 4]);
    const swapped = spark.createDataFrame([{ b: "x", a: 1 }]);
    const ab = spark.createDataFrame([{ a: 2, b: "y" }]);
    expect(await tuples(ab.unionByName(swapped))).toEqual([
      [2, "y"],
      [1, "x"],
    ]);
    expect(await tuples(ab.unionByName(spark.createDataFrame([{ a: 3 }]), true))).toEqual([
      [2, "y"],
      [3, null],
    ]);
    const deduped = await tuples(emp.dropDuplicates(["salary"]).select("salary").orderBy("salary"));
    expect(deduped.map((r) => r[0])).toEqual([...new Set(EMPLOYEES.map((e) => e.salary))].sort((x, y) => x - y));
  });

  it("describe, summary, sample, repartition and coalesce", async () => {
    const values = EMPLOYEES.map((e) => e.salary);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const stddev = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    const described = await tuples(emp.describe("salary"));
    expect(described.map((r) => r[0])).toEqual(["count", "mean", "stddev", "min", "max"]);
    expect(Number(described[1]?.[1])).toBeCloseTo(mean, 9);
    expect(Number(described[2]?.[1])).toBeCloseTo(stddev, 9);
    expect(described[3]?.[1]).toBe(String(Math.min(...values)));
    const summary = await tuples(emp.select("salary").summary("count", "max"));
    expect(summary).toEqual([
      ["count", String(values.length)],
      ["max", String(Math.max(...values))],
    ]);
    const big = spark.range(1000);
    const sampled = await big.sample(0.3, 11).collect();
    const again = await big.sample(0.3, 11).collect();
    expect(sampled.length).toBeGreaterThan(200);
    expect(sampled.length).toBeLessThan(400);
    expect(again.map((r) => r.get(0))).toEqual(sampled.map((r) => r.get(0)));
    expect(await big.repartition(4).count()).toBe(1000n);
    expect(await big.repartition(3, "id").coalesce(1).count()).toBe(1000n);
    expect(() => big.coalesce(0)).toThrow(/numPartitions must be positive/);
    expect(() => big.sample(-1)).toThrow(/fraction must be a non-negative number/);
  });

  it("fillna and dropna", async () => {
    const withNulls = spark.createDataFrame([
      { a: 1, b: "x", c: 1.5 },
      { a: null, b: null, c: 2.5 },
      { a: null, b: null, c: null },
    ]);
    expect(await tuples(withNulls.fillna(0))).toEqual([
      [1, "x", 1.5],
      [0, null, 2.5],
      [0, null, 0],
    ]);
    expect(await tuples(withNulls.na.fill({ b: "?", c: 9.5 }))).toEqual([
      [1, "x", 1.5],
      [null, "?", 2.5],
      [null, "?", 9.5],
    ]);
    expect(await tuples(withNulls.fillna(7, ["a"]))).toEqual([
      [1, "x", 1.5],
      [7, null, 2.5],
      [7, null, null],
    ]);
    expect(await withNulls.dropna().count()).toBe(1n);
    expect(await withNulls.dropna("all").count()).toBe(2n);
    expect(await withNulls.dropna("any", undefined, ["c"]).count()).toBe(2n);
    expect(await withNulls.na.drop("any", 2).count()).toBe(1n);
    expect(() => withNulls.dropna("some" as "any")).toThrow(/how must be "any" or "all"/);
  });

  it("withColumns, toDF, selectExpr and literals of every JS kind", async () => {
    const df = spark
      .range(1)
      .withColumns({
        i: lit(7),
        l: lit(2 ** 40),
        d: lit(0.5),
        s: lit("é"),
        b: lit(true),
        n: lit(null),
        big: lit(2n ** 62n),
      })
      .drop("id")
      .toDF("i2", "l2", "d2", "s2", "b2", "n2", "big2");
    expect(await df.dtypes).toEqual([
      ["i2", "int"],
      ["l2", "bigint"],
      ["d2", "double"],
      ["s2", "string"],
      ["b2", "boolean"],
      ["n2", "void"],
      ["big2", "bigint"],
    ]);
    const [row] = await df.collect();
    expect(row?.values).toEqual([7, 2n ** 40n, 0.5, "é", true, null, 2n ** 62n]);
    expect(await tuples(spark.range(3).selectExpr("id * 10 AS tens"))).toEqual([[0], [10], [20]]);
  });
});
