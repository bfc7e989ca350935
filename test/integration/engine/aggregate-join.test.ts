/**
 * Aggregation (partial → shuffle → final, DISTINCT in one pass after a shuffle) and every join type, on skewed
 * keys, NULL keys and partitions left empty, compared with Spark 4.1.1.
 */
import { Float64, Int32, Int64, Table, Utf8, vectorFromArray } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { Parity } from "./parity-harness.js";
import * as P from "./plan-builders.js";

const parity = new Parity(process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002");
afterAll(() => parity.close());

async function expectSame(rel: P.Rel, ordered = false) {
  const { local, spark } = await parity.run(P.plan(rel), ordered);
  expect(local).toEqual(spark);
  return spark;
}

/** 40 rows: key "hot" on 30 of them (skew), NULL keys, NULL values. */
function sales(): P.Rel {
  const keys = Array.from({ length: 40 }, (_, i) => (i < 30 ? "hot" : i % 3 === 0 ? null : `k${i % 4}`));
  const amounts = Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? null : i * 3 - 20));
  return P.local(
    new Table({
      key: vectorFromArray(keys, new Utf8()),
      amount: vectorFromArray(amounts, new Int32()),
      price: vectorFromArray(
        Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? null : i / 4)),
        new Float64(),
      ),
      big: vectorFromArray(
        Array.from({ length: 40 }, (_, i) => BigInt(i) * 1_000_000_007n),
        new Int64(),
      ),
    }),
  );
}

const aggregates = (): P.Ex[] => [
  P.fn("sum", P.col("amount")),
  P.fn("count", P.star()),
  P.fn("count", P.col("price")),
  P.fn("avg", P.col("amount")),
  P.fn("min", P.col("price")),
  P.fn("max", P.col("key")),
  P.fn("sum", P.col("big")),
  P.fn("avg", P.col("price")),
];

describe("engine parity: aggregation", () => {
  it("groupBy over skewed and NULL keys", async () => {
    const answer = await expectSame(P.groupBy(sales(), [P.col("key")], aggregates()));
    expect("rows" in answer && answer.rows.length).toBeGreaterThan(2);
  });

  it("global aggregates, also over an empty input", async () => {
    await expectSame(P.groupBy(sales(), [], aggregates()));
    await expectSame(P.groupBy(P.where(sales(), P.bool(false)), [], aggregates()));
    await expectSame(P.groupBy(P.where(sales(), P.bool(false)), [P.col("key")], aggregates()));
  });

  it("count distinct and sum distinct, grouped and global", async () => {
    const keyed = P.select(sales(), P.col("key"), P.alias(P.fn("%", P.col("amount"), P.int(5)), "m"));
    await expectSame(
      P.groupBy(
        keyed,
        [P.col("key")],
        [P.distinctFn("count", P.col("m")), P.distinctFn("sum", P.col("m")), P.fn("count", P.col("m"))],
      ),
    );
    await expectSame(
      P.groupBy(keyed, [], [P.distinctFn("count", P.col("m")), P.distinctFn("count", P.col("key"), P.col("m"))]),
    );
  });

  it("grouping by an expression and a range over many partitions", async () => {
    const rel = P.groupBy(
      P.range(1000n, { numPartitions: 7 }),
      [P.alias(P.fn("%", P.col("id"), P.int(13)), "bucket")],
      [P.fn("sum", P.col("id")), P.fn("max", P.col("id"))],
    );
    await expectSame(rel);
  });

  it("variance and standard deviation (within 1e-12, summation order differs) and count_if", async () => {
    const stats = [
      P.fn("stddev", P.col("amount")),
      P.fn("stddev_pop", P.col("price")),
      P.fn("variance", P.col("amount")),
      P.fn("var_pop", P.col("big")),
      P.fn("count_if", P.fn(">", P.col("amount"), P.int(10))),
    ];
    const { local, spark } = await parity.run(P.plan(P.groupBy(sales(), [P.col("key")], stats)));
    if (!("rows" in local) || !("rows" in spark)) throw new Error(`a side failed: ${JSON.stringify({ local, spark })}`);
    expect(local.schema).toEqual(spark.schema);
    expect(local.rows.length).toBe(spark.rows.length);
    for (const [r, row] of local.rows.entries()) {
      for (const [c, value] of row.entries()) {
        const expected = spark.rows[r]?.[c];
        if (typeof value === "number" && typeof expected === "number") {
          expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
        } else expect(value).toEqual(expected);
      }
    }
  });

  it("select with only aggregates becomes a global aggregate", async () => {
    await expectSame(P.select(sales(), P.fn("sum", P.col("amount")), P.alias(P.fn("count", P.col("key")), "n")));
  });

  it("distinct after a shuffle keeps exactly one row per key (multi-partition)", async () => {
    await expectSame(P.distinct(P.select(sales(), P.col("key"))));
    await expectSame(
      P.distinct(P.select(P.range(200n, { numPartitions: 5 }), P.alias(P.fn("%", P.col("id"), P.int(7)), "r"))),
    );
  });
});

function left(): P.Rel {
  return P.local(
    new Table({
      id: vectorFromArray([1, 2, 2, 3, null, 5, 6, 6, 6], new Int32()),
      l: vectorFromArray(["a", "b", "c", "d", "e", "f", "g", "h", "i"], new Utf8()),
    }),
  );
}

function right(): P.Rel {
  return P.local(
    new Table({
      id: vectorFromArray([2n, 3n, 3n, null, 6n, 7n], new Int64()),
      r: vectorFromArray(["x", "y", "z", "n", "w", "v"], new Utf8()),
    }),
  );
}

describe("engine parity: joins", () => {
  const kinds: P.JoinKind[] = ["inner", "left", "right", "full", "left_semi", "left_anti"];

  for (const how of kinds) {
    it(`${how} join on a condition (int = bigint keys, duplicates, NULLs)`, async () => {
      const l = left();
      const r = right();
      await expectSame(P.join(l, r, how, { condition: P.fn("==", P.colOf(l, "id"), P.colOf(r, "id")) }));
    });

    it(`${how} join using a column`, async () => {
      await expectSame(P.join(left(), right(), how, { using: ["id"] }));
    });
  }

  it("join with an extra non-equi condition", async () => {
    const l = left();
    const r = right();
    const condition = P.fn(
      "and",
      P.fn("==", P.colOf(l, "id"), P.colOf(r, "id")),
      P.fn("<", P.colOf(l, "l"), P.str("h")),
    );
    await expectSame(P.join(l, r, "left", { condition }));
  });

  it("cross join and non-equi inner join", async () => {
    await expectSame(P.join(left(), right(), "cross"));
    const l = left();
    const r = right();
    await expectSame(P.join(l, r, "inner", { condition: P.fn(">", P.colOf(l, "id"), P.colOf(r, "id")) }));
  });

  it("self join of one DataFrame through two aliases", async () => {
    const base = left();
    const a = P.subqueryAlias(base, "a");
    const b = P.subqueryAlias(base, "b");
    const joined = P.join(a, b, "inner", { condition: P.fn("==", P.col("a.id"), P.fn("+", P.col("b.id"), P.int(1))) });
    await expectSame(P.select(joined, P.col("a.l"), P.col("b.l"), P.col("a.id")));
  });

  it("join on a skewed key over many partitions", async () => {
    const big = P.select(
      P.range(300n, { numPartitions: 4 }),
      P.alias(P.fn("%", P.col("id"), P.int(3)), "k"),
      P.col("id"),
    );
    const small = P.select(P.range(5n), P.alias(P.col("id"), "k"), P.alias(P.fn("*", P.col("id"), P.int(100)), "v"));
    await expectSame(
      P.groupBy(
        P.join(big, small, "inner", { using: ["k"] }),
        [P.col("k")],
        [P.fn("count", P.star()), P.fn("sum", P.col("v"))],
      ),
    );
  });
});
