/**
 * DataFrame actions against the real server, with expected values computed here in JS from the same inputs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { col } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { OperationInterruptedError, SparkConnectError } from "../../../runtime/errors/index.js";
import { testSession } from "./fixture.js";

const ids = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("DataFrame actions", () => {
  let spark: SparkSession;

  beforeAll(async () => {
    spark = await testSession();
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("collect returns rows with names, positions and exact longs", async () => {
    const rows = await spark
      .range(5, 50, 7)
      .select(col("id"), col("id").multiply(col("id")).alias("sq"))
      .collect();
    const expected = ids(50).filter((i) => i >= 5 && (i - 5) % 7 === 0);
    expect(rows.map((r) => r.get("id"))).toEqual(expected.map(BigInt));
    expect(rows.map((r) => r.get(1))).toEqual(expected.map((i) => BigInt(i * i)));
    expect(rows[0]?.fieldNames).toEqual(["id", "sq"]);
  });

  it("count counts rows as a bigint, including beyond 2^31", async () => {
    expect(await spark.range(1234).filter(col("id").mod(3).eq(0)).count()).toBe(
      BigInt(ids(1234).filter((i) => i % 3 === 0).length),
    );
    expect(await spark.range(0).count()).toBe(0n);
    expect(await spark.range(0, 3_000_000_000, 1_000_000).count()).toBe(3000n);
  });

  it("take, head, first, tail and isEmpty", async () => {
    const df = spark.range(10, 20).orderBy(col("id").desc());
    expect((await df.take(3)).map((r) => r.get(0))).toEqual([19n, 18n, 17n]);
    expect((await df.head(2)).map((r) => r.get(0))).toEqual([19n, 18n]);
    expect((await df.head())?.get("id")).toBe(19n);
    expect((await df.first())?.get("id")).toBe(19n);
    expect(await df.filter(col("id").gt(100)).first()).toBeUndefined();
    expect((await spark.range(10).tail(2)).map((r) => r.get(0))).toEqual([8n, 9n]);
    expect(await df.isEmpty()).toBe(false);
    expect(await df.filter("id < 0").isEmpty()).toBe(true);
  });

  it("toArrow returns the whole result with Spark's column names", async () => {
    const table = await spark.range(100).withColumn("half", col("id").divide(2)).toArrow();
    expect(table.numRows).toBe(100);
    expect(table.schema.fields.map((f) => f.name)).toEqual(["id", "half"]);
    expect(table.getChild("half")?.get(99)).toBe(49.5);
  });

  it("toLocalIterator streams every row of a multi-batch result in order", async () => {
    const n = 200_000;
    let seen = 0;
    let sum = 0n;
    let ordered = true;
    for await (const row of spark.range(n).toLocalIterator()) {
      const id = row.get(0) as bigint;
      if (id !== BigInt(seen)) ordered = false;
      sum += id;
      seen += 1;
    }
    expect(seen).toBe(n);
    expect(ordered).toBe(true);
    expect(sum).toBe(BigInt((n * (n - 1)) / 2));
  });

  it("leaving toLocalIterator early stops the stream and leaves the session usable", async () => {
    // Modest partitions: Spark Connect builds a partition's Arrow batches in server memory before sending them.
    const seen: bigint[] = [];
    for await (const row of spark.range(0, 2_000_000, 1, 20).toLocalIterator()) {
      seen.push(row.get(0) as bigint);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([0n, 1n, 2n]);
    expect(await spark.range(4).count()).toBe(4n);
  });

  it("an already aborted signal stops the action before any result", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(spark.range(10).collect({ signal: controller.signal })).rejects.toBeInstanceOf(SparkConnectError);
  });

  it("aborting a running query interrupts it, and the session keeps working", async () => {
    const controller = new AbortController();
    // A query that runs for minutes unless interrupted.
    const slow = spark.range(0, 1e13, 1, 2).selectExpr("sum(id % 7) AS total").collect({ signal: controller.signal });
    setTimeout(() => controller.abort(), 1500);
    const started = Date.now();
    await expect(slow).rejects.toBeInstanceOf(OperationInterruptedError);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await spark.range(3).count()).toBe(3n);
  });

  it("rejects bad arguments with ClientArgumentError naming them", async () => {
    const df = spark.range(3);
    expect(() => df.limit(-1)).toThrow(/num must be a non-negative 32-bit integer/);
    await expect(df.show(1.5)).rejects.toThrow(/n must be an integer/);
    await expect(df.collect({ signal: "nope" as unknown as AbortSignal })).rejects.toThrow(
      /options.signal must be an AbortSignal/,
    );
  });
});
