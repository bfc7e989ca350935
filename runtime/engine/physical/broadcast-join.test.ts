import { afterAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../api/dataframe.js";
import { SparkSession } from "../../api/session.js";
import { col } from "../../index.js";
import { LocalBackend } from "../local-backend.js";

// Equi-joins on local[2]: a side estimated within spark.sql.autoBroadcastJoinThreshold is broadcast and the other
// side keeps its partitioning (no exchange under it); the answer is the shuffled join's, column order included.
const spark = new SparkSession(new LocalBackend({ master: "local[2]" }));
afterAll(() => spark.stop());

/** 2M rows of two longs: Spark's estimate (32 MB) is over the 10 MB default threshold. */
const facts = () => spark.range(0, 2_000_000, 1, 3).select(col("id").mod(50).alias("k"), col("id").alias("v"));
/** 40 rows, keys 0..39: far under the threshold. */
const dims = () => spark.range(0, 40, 1, 2).select(col("id").alias("d"), col("id").multiply(10).alias("w"));

const rowsOf = async (df: DataFrame) => (await df.collect()).map((r) => r.toJSON());

async function shuffledAnswer(build: () => DataFrame): Promise<unknown[]> {
  await spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1");
  try {
    const plan = await build().explainString();
    expect(plan).not.toContain("BroadcastHashJoin");
    return await rowsOf(build());
  } finally {
    await spark.conf.unset("spark.sql.autoBroadcastJoinThreshold");
  }
}

describe("broadcast hash join", () => {
  it("broadcasts a small right side and leaves the large left side unshuffled", async () => {
    const query = () =>
      facts()
        .join(dims(), col("k").eq(col("d")))
        .groupBy("w")
        .count()
        .orderBy("w");
    const plan = await query().explainString();
    expect(plan).toContain("BroadcastHashJoin");
    expect(plan).toContain("Exchange BroadcastPartitioning");
    // The only hash exchange left is the aggregate's, on w: the facts are not shuffled for the join.
    expect(plan.match(/Exchange hashpartitioning/g)).toHaveLength(1);
    const rows = await rowsOf(query());
    expect(rows).toHaveLength(40);
    expect(rows).toEqual(await shuffledAnswer(query));
  }, 120_000);

  it("builds a small left side of an inner join by swapping sides, keeping the column order", async () => {
    const query = () =>
      dims()
        .join(facts().filter(col("v").lt(1000)), col("d").eq(col("k")))
        .orderBy("v");
    const plan = await query().explainString();
    expect(plan).toContain("BroadcastHashJoin");
    const rows = await rowsOf(query());
    expect(Object.keys(rows[0] as object)).toEqual(["d", "w", "k", "v"]);
    expect(rows).toHaveLength(800);
    expect(rows).toEqual(await shuffledAnswer(query));
  }, 120_000);

  it("turns a right outer join with a small left side into a left outer one, nulls where nothing matched", async () => {
    const query = () =>
      dims()
        .filter(col("d").lt(10))
        .join(facts().filter(col("v").lt(100)), col("d").eq(col("k")), "right_outer")
        .orderBy("v");
    expect(await query().explainString()).toContain("BroadcastHashJoin");
    const rows = (await rowsOf(query())) as Record<string, unknown>[];
    expect(rows).toHaveLength(100);
    expect(rows.filter((r) => r.d === null)).toHaveLength(80);
    expect(rows).toEqual(await shuffledAnswer(query));
  }, 120_000);

  it("never builds the preserved side of an outer join: a small left side of a left outer join is shuffled", async () => {
    const query = () =>
      dims()
        .join(facts(), col("d").eq(col("k")), "left_outer")
        .groupBy("d")
        .count()
        .orderBy("d");
    expect(await query().explainString()).not.toContain("BroadcastHashJoin");
    const rows = (await rowsOf(query())) as Record<string, unknown>[];
    expect(rows.filter((r) => r.count === 1)).toHaveLength(0);
    expect(rows).toHaveLength(40);
  }, 120_000);
});
