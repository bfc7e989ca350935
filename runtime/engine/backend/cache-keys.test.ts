/** Persisted plans are found again by their canonical key: reads of different files must not share one. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../api/session.js";
import { LocalBackend } from "../local-backend.js";

describe("cache keys of file scans", () => {
  const spark = new SparkSession(new LocalBackend({ master: "local[1]" }));
  const dir = mkdtempSync(join(tmpdir(), "sparkts-cache-keys-"));
  afterAll(async () => {
    await spark.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a cached read of one path does not answer a read of another path with the same schema", async () => {
    await spark.range(3).write.parquet(join(dir, "a"));
    await spark.range(10, 12).write.parquet(join(dir, "b"));
    const a = await spark.read.parquet(join(dir, "a")).cache();
    const ids = async (df: typeof a) => (await df.collect()).map((row) => row.id);
    expect(await ids(a)).toEqual([0n, 1n, 2n]);
    expect(await ids(spark.read.parquet(join(dir, "b")))).toEqual([10n, 11n]);
    expect(await spark.read.parquet(join(dir, "b")).is_cached).toBe(false);
    expect(await spark.read.parquet(join(dir, "a")).is_cached).toBe(true);
  });
});
