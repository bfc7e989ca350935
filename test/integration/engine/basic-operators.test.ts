/**
 * The same Plans on the embedded engine (local[3]) and on Spark 4.1.1: projections, filters, column
 * bookkeeping, limits, sorting with NULL ordering, set operations, repartitioning, local data.
 */
import { Float64, Int32, Table, tableFromArrays, Utf8, vectorFromArray } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { Parity } from "./parity-harness.js";
import * as P from "./plan-builders.js";

const parity = new Parity(process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002");
afterAll(() => parity.close());

/** A small table with NULLs, duplicates and a skewed key, spread over several partitions by the engine. */
function people(): P.Rel {
  const table = new Table({
    id: vectorFromArray([1, 2, 3, 4, 5, 6, 7, 8], new Int32()),
    name: vectorFromArray(["ann", "bob", null, "dan", "eve", "bob", "ann", "zed"], new Utf8()),
    dept: vectorFromArray(["a", "a", "a", "a", "a", "b", null, "c"], new Utf8()),
    score: vectorFromArray([1.5, null, 3.25, -2, 0, 10, 7.75, null], new Float64()),
  });
  return P.local(table);
}

async function expectSame(rel: P.Rel, ordered = false) {
  const { local, spark } = await parity.run(P.plan(rel), ordered);
  expect(local).toEqual(spark);
  return spark;
}

describe("engine parity: basic operators", () => {
  it("range with explicit and default partitions", async () => {
    const answer = await expectSame(P.range(23n, { start: 3n, step: 4n, numPartitions: 4 }));
    expect("rows" in answer && answer.rows.length).toBe(5);
    await expectSame(P.range(10n, { start: 10n }));
  });

  it("projection with arithmetic, aliases and auto-generated names", async () => {
    const rel = P.select(
      P.range(7n, { numPartitions: 3 }),
      P.col("id"),
      P.fn("+", P.col("id"), P.int(1)),
      P.alias(P.fn("*", P.col("id"), P.dbl(1.5)), "scaled"),
      P.fn("/", P.col("id"), P.int(2)),
      P.fn("%", P.col("id"), P.int(3)),
      P.fn("negative", P.col("id")),
    );
    await expectSame(rel);
  });

  it("filter with three-valued logic", async () => {
    const rel = P.where(
      people(),
      P.fn("or", P.fn(">", P.col("score"), P.int(1)), P.fn("==", P.col("dept"), P.str("b"))),
    );
    const answer = await expectSame(rel);
    expect("rows" in answer && answer.rows.length).toBeGreaterThan(0);
    await expectSame(P.where(people(), P.fn("not", P.fn("==", P.col("name"), P.str("bob")))));
    await expectSame(P.where(people(), P.fn("isNull", P.col("score"))));
  });

  it("withColumns replaces and appends; drop, toDF and renames", async () => {
    const base = P.withColumns(people(), {
      id: P.fn("*", P.col("id"), P.int(10)),
      upper_name: P.fn("upper", P.col("name")),
    });
    await expectSame(base);
    await expectSame(P.drop(base, "score", "nonexistent"));
    await expectSame(P.toDF(people(), "a", "b", "c", "d"));
    await expectSame(P.renamed(people(), { name: "who", missing: "x" }));
  });

  it("sort: ascending/descending with default and explicit NULL ordering", async () => {
    await expectSame(P.orderBy(people(), P.sortOrder(P.col("score")), P.sortOrder(P.col("id"))), true);
    await expectSame(P.orderBy(people(), P.sortOrder(P.col("score"), false), P.sortOrder(P.col("id"))), true);
    await expectSame(
      P.orderBy(people(), P.sortOrder(P.col("name"), true, "last"), P.sortOrder(P.col("id"), false)),
      true,
    );
    await expectSame(P.orderBy(people(), P.sortOrder(P.col("dept"), false, "first"), P.sortOrder(P.col("id"))), true);
  });

  it("sort by a column the projection dropped", async () => {
    const names = P.select(people(), P.col("name"), P.alias(P.fn("*", P.col("id"), P.int(2)), "twice"));
    const answer = await expectSame(P.orderBy(names, P.sortOrder(P.col("id"), false, "last")), true);
    expect("schema" in answer && answer.schema).toEqual(["name: string", "twice: int"]);
  });

  it("limit, offset and tail after a sort", async () => {
    const sorted = P.orderBy(P.range(50n, { numPartitions: 5 }), P.sortOrder(P.col("id"), false));
    await expectSame(P.limit(sorted, 7), true);
    await expectSame(P.offset(sorted, 45), true);
    await expectSame(P.limit(P.offset(sorted, 3), 4), true);
    await expectSame(P.tail(sorted, 6), true);
    const anyFive = await parity.run(P.plan(P.limit(P.range(100n, { numPartitions: 4 }), 5)));
    expect("rows" in anyFive.local && anyFive.local.rows.length).toBe(5);
  });

  it("union, unionByName with missing columns, distinct, intersect, except", async () => {
    const a = P.select(people(), P.col("dept"), P.col("name"));
    const b = P.select(people(), P.col("name"), P.col("dept"));
    await expectSame(P.union(a, a));
    await expectSame(P.union(a, b, { byName: true }));
    await expectSame(P.union(a, P.select(people(), P.col("name")), { byName: true, allowMissing: true }));
    await expectSame(P.distinct(a));
    await expectSame(
      P.distinct(people(), ["name"]).common ? P.select(P.distinct(people(), ["dept"]), P.col("dept")) : a,
    );
    await expectSame(P.setOp(a, P.where(a, P.fn("==", P.col("dept"), P.str("a"))), "intersect"));
    await expectSame(P.setOp(a, P.where(a, P.fn("==", P.col("dept"), P.str("a"))), "except"));
    await expectSame(P.setOp(P.union(a, a), a, "except", true));
    await expectSame(P.setOp(P.union(a, a), a, "intersect", true));
  });

  it("union of int and bigint widens the column", async () => {
    const ints = P.select(P.range(3n), P.alias(P.cast(P.col("id"), "int"), "v"));
    await expectSame(P.union(ints, P.select(P.range(2n), P.alias(P.col("id"), "v"))));
  });

  it("na.drop and na.fill, with NaN counted as missing", async () => {
    const nan = P.cast(P.str("NaN"), "double");
    const withNaN = P.withColumns(people(), {
      ratio: P.fn("when", P.fn(">", P.col("score"), P.int(5)), nan, P.col("score")),
    });
    const kept = await expectSame(P.dropNa(withNaN));
    expect("rows" in kept && kept.rows.length).toBeGreaterThan(0);
    await expectSame(P.dropNa(withNaN, ["name", "score"]));
    await expectSame(P.dropNa(withNaN, [], 4));
    const filled = await expectSame(P.fillNa(withNaN, [P.dbl(2.7)]));
    expect("rows" in filled && filled.rows.length).toBe(8);
    await expectSame(P.fillNa(withNaN, [P.str("?")]));
    await expectSame(P.fillNa(withNaN, [P.str("none"), P.int(-1)], ["dept", "score"]));
  });

  it("subquery alias qualifies columns", async () => {
    const aliased = P.subqueryAlias(people(), "p");
    await expectSame(P.select(aliased, P.col("p.name"), P.col("p.id")));
  });

  it("repartition keeps every row (round robin and by expression)", async () => {
    await expectSame(P.repartition(P.range(40n, { numPartitions: 2 }), 7));
    await expectSame(P.repartition(P.range(40n, { numPartitions: 6 }), 2, false));
    await expectSame(P.repartitionBy(people(), 5, P.col("dept")));
  });

  it("local data of several types, including an empty relation", async () => {
    const table = tableFromArrays({ i: Int32Array.from([1, -2, 3]), d: Float64Array.from([0.5, Number.NaN, -0]) });
    await expectSame(P.local(table));
    await expectSame(P.where(people(), P.bool(false)));
    await expectSame(P.local(new Table({ s: vectorFromArray(["x", "ü€", null], new Utf8()) })));
  });
});
