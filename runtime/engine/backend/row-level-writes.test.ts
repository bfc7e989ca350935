/**
 * The engine has no catalog supporting row-level operations: MERGE INTO fails naming the feature, and the v2
 * overwrites of a managed table give the v1-table error Spark gives for its session catalog's tables
 * (test/integration/readwriter/table-writes.test.ts checks Spark's side).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { col, expr } from "../../api/functions.js";
import { SparkSession } from "../../api/session.js";
import { UnsupportedOperationException } from "../../errors/index.js";
import { LocalBackend } from "../local-backend.js";

describe("row-level writes on the engine", () => {
  const dir = mkdtempSync(join(tmpdir(), "sparkts-row-level-"));
  const spark = new SparkSession(new LocalBackend({ master: "local[1]", warehouseDir: join(dir, "warehouse") }));
  const source = () => spark.createDataFrame([{ id: 1, s: "a" }], "id int, s string");

  afterAll(async () => {
    await spark.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("MERGE INTO fails with a not-supported error naming it", async () => {
    await source().write.saveAsTable("merge_target");
    const merge = source()
      .alias("src")
      .mergeInto("merge_target", expr("merge_target.id = src.id"))
      .whenNotMatched()
      .insertAll()
      .merge();
    await expect(merge).rejects.toBeInstanceOf(UnsupportedOperationException);
    await expect(merge).rejects.toMatchObject({
      errorClass: "UNSUPPORTED_FEATURE.LOCAL_ENGINE",
      messageParameters: { feature: "MERGE INTO (DataFrame.mergeInto)" },
    });
  });

  it("overwrite(condition) and overwritePartitions() refuse a managed table as Spark refuses a v1 table", async () => {
    await source().write.saveAsTable("overwrite_target");
    const refusal = {
      errorClass: "_LEGACY_ERROR_TEMP_1012",
      message: "Cannot write into v1 table: `spark_catalog`.`default`.`overwrite_target`.",
    };
    await expect(source().writeTo("overwrite_target").overwrite(col("id").eq(1))).rejects.toMatchObject(refusal);
    await expect(source().writeTo("overwrite_target").overwritePartitions()).rejects.toMatchObject(refusal);
  });
});
