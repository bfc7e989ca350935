/**
 * External tables on the embedded engine and on Spark 4.1.1: `saveAsTable` with a path option,
 * `CREATE TABLE ... USING parquet LOCATION`, and `catalog.createTable(name, path)`. The same steps run on both,
 * each over its own directory: their answers (rows, table types, error classes) must match, and dropping an
 * external table must keep its files.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { settled } from "../parity/settled-outcome.js";

const RUN = Date.now().toString(36);
const ROWS = [
  { k: 1, v: "a" },
  { k: 2, v: null },
  { k: 3, v: "c" },
];

/** Sorted rows as JSON text. */
async function rowsOf(df: DataFrame | Promise<DataFrame>): Promise<string[]> {
  return (await (await df).collect()).map((row) => JSON.stringify(row)).sort();
}

async function tableType(spark: SparkSession, name: string): Promise<unknown> {
  const tables = await spark.catalog.listTables();
  const found = tables.find((t) => t.name === name);
  const direct = await spark.catalog.getTable(name);
  return [found?.tableType, found?.isTemporary, direct.tableType];
}

/** The steps, in order; each answer is recorded (errors by class). */
async function script(spark: SparkSession, dir: string): Promise<unknown[]> {
  const a = `ext_a_${RUN}`;
  const b = `ext_b_${RUN}`;
  const c = `ext_c_${RUN}`;
  const data = join(dir, "a");
  const df = spark.createDataFrame(ROWS, "k int, v string").repartition(2);
  const answers: unknown[] = [];
  const step = async (label: string, run: () => Promise<unknown>) => answers.push([label, await settled(run)]);

  await step("saveAsTable with path", () => df.write.option("path", data).saveAsTable(a));
  await step("read it", () => rowsOf(spark.table(a)));
  await step("its type", () => tableType(spark, a));
  await step("errorifexists", () => df.write.option("path", data).saveAsTable(a));
  await step("ignore", () => df.limit(1).write.mode("ignore").option("path", data).saveAsTable(a));
  await step("append", () => df.where("k = 1").write.mode("append").option("path", data).saveAsTable(a));
  await step("insertInto by position", () => df.select("k", "v").where("k = 3").write.insertInto(a));
  await step("read after appends", () => rowsOf(spark.table(a)));
  await step("drop", () => rowsOf(spark.sql(`DROP TABLE ${a}`)));
  await step("files kept", async () => existsSync(data));
  await step("the files still read", () => rowsOf(spark.read.parquet(data)));
  await step("table gone", () => rowsOf(spark.table(a)));

  await step("CREATE TABLE LOCATION", () => rowsOf(spark.sql(`CREATE TABLE ${b} USING parquet LOCATION '${data}'`)));
  await step("read b", () => rowsOf(spark.table(b)));
  await step("b's type", () => tableType(spark, b));
  await step("INSERT INTO b", () => rowsOf(spark.sql(`INSERT INTO ${b} VALUES (9, 'z')`)));
  await step("read b again", () => rowsOf(spark.sql(`SELECT k, v FROM ${b} WHERE k > 1`)));
  await step("drop b", () => rowsOf(spark.sql(`DROP TABLE ${b}`)));
  await step("b's files kept", () => rowsOf(spark.read.parquet(data)));

  await step("catalog.createTable(name, path)", () => rowsOf(spark.catalog.createTable(c, data)));
  await step("c's type", () => tableType(spark, c));
  await step("overwrite c", () => df.where("k < 3").write.mode("overwrite").option("path", data).saveAsTable(c));
  await step("read c", () => rowsOf(spark.table(c)));
  await step("drop c", () => rowsOf(spark.sql(`DROP TABLE ${c}`)));
  await step("c's files kept", () => rowsOf(spark.read.parquet(data)));
  return answers;
}

describe("external tables on the embedded engine", () => {
  let local: SparkSession;
  let spark: SparkSession;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "sparkts-external-"));
    local = new SparkSession(new LocalBackend({ master: "local[2]", warehouseDir: join(root, "warehouse") }));
    spark = await testSession();
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers every step as Spark does, keeping an external table's files when it is dropped", async () => {
    const [expected, actual] = await Promise.all([
      script(spark, join(root, "spark")),
      script(local, join(root, "local")),
    ]);
    expect(actual).toEqual(expected);
  });
});
