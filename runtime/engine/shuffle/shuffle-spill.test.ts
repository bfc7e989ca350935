import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import * as F from "../../../generated/functions/index.js";
import type { DataFrame } from "../../api/dataframe.js";
import { SparkSession } from "../../api/session.js";
import { col, count, lit, max, sum } from "../../index.js";
import { LocalBackend } from "../local-backend.js";

// Shuffle spill end to end: with a tiny threshold every shuffle block goes to disk under spark.local.dir while the
// job runs, the answers equal the in-memory run, and the files are gone once the job (then the session) ends.
const localDir = mkdtempSync(join(tmpdir(), "sparkts-spill-test-"));
afterAll(() => rmSync(localDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

function query(spark: SparkSession): DataFrame {
  const facts = spark
    .range(0, 20_000, 1, 4)
    .select(
      col("id").mod(53).alias("k"),
      col("id").alias("v"),
      F.concat(lit("s"), col("id").cast("string")).alias("s"),
    );
  const totals = facts.groupBy("k").agg(sum("v").alias("total"), count("v").alias("n"), max("s").alias("m"));
  const dims = spark.range(0, 53, 1, 2).select(col("id").alias("k"), col("id").multiply(3).alias("w"));
  return totals.join(dims, "k").orderBy("k");
}

describe.each(["local[1]", "local[2]"])("shuffle spill on %s", (master) => {
  it("writes blocks to spark.local.dir above the threshold, gives the in-memory answer, removes the files", async () => {
    const backend = new LocalBackend({ master });
    const spark = new SparkSession(backend);
    const scheduler = backend.engine.scheduler;
    await spark.conf.set("spark.sql.shuffle.partitions", "3");
    await spark.conf.set("spark.local.dir", localDir);
    const inMemory = (await query(spark).collect()).map((r) => r.toJSON());
    expect(inMemory).toHaveLength(53);
    expect(scheduler.stats.spilledBlocks).toBe(0);

    await spark.conf.set("spark.sparkts.shuffle.spill.threshold", "1b");
    const filesWhileRunning: number[] = [];
    scheduler.addListener((event) => {
      if (event.kind === "stageCompleted") filesWhileRunning.push(filesUnder(localDir).length);
    });
    const spilled = (await query(spark).collect()).map((r) => r.toJSON());
    expect(spilled).toEqual(inMemory);
    expect(scheduler.stats.spilledBlocks).toBeGreaterThan(0);
    expect(Math.max(...filesWhileRunning)).toBeGreaterThan(0);
    expect(filesUnder(localDir).every((name) => name.endsWith(".arrow"))).toBe(true);
    // Removal reaches worker threads by message, so it may land just after the job returns.
    await vi.waitFor(() => expect(filesUnder(localDir)).toEqual([]));

    await spark.stop();
    await vi.waitFor(() => expect(readdirSync(localDir)).toEqual([]));
  }, 30_000);

  it("names a malformed threshold", async () => {
    const spark = new SparkSession(new LocalBackend({ master }));
    try {
      await spark.conf.set("spark.sparkts.shuffle.spill.threshold", "lots");
      await expect(query(spark).collect()).rejects.toThrow(/spark.sparkts.shuffle.spill.threshold should be a size/);
    } finally {
      await spark.stop();
    }
  });
});

describe("spill directories at process exit", () => {
  it("are removed when the process exits with a session never stopped", () => {
    const dir = mkdtempSync(join(localDir, "exit-"));
    const session = new URL("../local-backend.ts", import.meta.url).href;
    const api = new URL("../../api/session.ts", import.meta.url).href;
    const script = `
      const { LocalBackend } = await import(${JSON.stringify(session)});
      const { SparkSession } = await import(${JSON.stringify(api)});
      const spark = new SparkSession(new LocalBackend({ master: "local[2]" }));
      await spark.conf.set("spark.sparkts.shuffle.spill.threshold", "1b");
      await spark.conf.set("spark.local.dir", ${JSON.stringify(dir)});
      const rows = await spark.range(0, 1000, 1, 3).repartition(2).orderBy("id").collect();
      const { readdirSync } = await import("node:fs");
      console.log(rows.length, readdirSync(${JSON.stringify(dir)}).length > 0);
      process.exit(0);
    `;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    // The job spilled (its executors' directories existed at the end), and nothing is left after exit.
    expect(out.trim()).toBe("1000 true");
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
