/**
 * `spark.catalog` against the real server: every method, on databases, tables, views and functions made for the
 * test (unique names; others share the server). Listing and lookup results are compared field by field with
 * what PySpark 4.1.1's catalog returns for the same objects.
 */
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../runtime/api/catalog/catalog.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { StorageLevel } from "../../../runtime/api/storage-level.js";
import { AnalysisException, ClientArgumentError, SparkConnectError } from "../../../runtime/errors/index.js";
import { LongType, StringType, StructField, StructType } from "../../../runtime/types/index.js";
import { type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { testSession } from "../api/fixture.js";

const suffix = randomUUID().slice(0, 8);
const db = `sparkts_h_db_${suffix}`;
const managed = `sparkts_h_managed_${suffix}`;
const external = `sparkts_h_external_${suffix}`;
const partitioned = `sparkts_h_parts_${suffix}`;
const view = `sparkts_h_view_${suffix}`;
const globalView = `sparkts_h_gview_${suffix}`;
const dir = mkdtempSync(join(tmpdir(), "sparkts-catalog-"));

const SCHEMA = new StructType([
  new StructField("id", new LongType(), false),
  new StructField("name", new StringType(), true, { comment: "who" }),
]);

/** Copies one data file of a directory under a new name (rows Spark did not write itself); returns the copy. */
function duplicateDataFile(path: string): string {
  const file = readdirSync(path).find((f) => f.endsWith(".parquet"));
  if (file === undefined) throw new Error(`no parquet file in ${path}`);
  const copy = join(path, `copy-${file}`);
  copyFileSync(join(path, file), copy);
  return copy;
}

describe("Catalog", () => {
  let spark: SparkSession;
  let catalog: Catalog;
  let reference: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    catalog = spark.catalog;
    await spark.sql(`CREATE DATABASE ${db} COMMENT 'made by sparkts tests'`);
    const table = await catalog.createTable(`${db}.${managed}`, undefined, "parquet", SCHEMA, "a managed table");
    expect(await table.count()).toBe(0n);
    reference = await runPySpark(`
      emit("database", list(spark.catalog.getDatabase("${db}")))
      emit("databases", [list(d) for d in spark.catalog.listDatabases("sparkts_h_db_${suffix}*")])
      emit("table", list(spark.catalog.getTable("${db}.${managed}")))
      emit("tables", [list(t) for t in spark.catalog.listTables("${db}")])
      emit("columns", [list(c) for c in spark.catalog.listColumns("${db}.${managed}")])
      emit("function", list(spark.catalog.getFunction("abs")))
      emit("functions", [list(f) for f in spark.catalog.listFunctions(pattern="array_s*")])
      emit("catalogs", [list(c) for c in spark.catalog.listCatalogs()])
    `);
  });

  afterAll(async () => {
    await spark?.sql(`DROP DATABASE IF EXISTS ${db} CASCADE`).catch(() => undefined);
    for (const t of [external, partitioned]) await spark?.sql(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
    await spark?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("current catalog: read, set, listed like PySpark's; an unknown catalog is refused", async () => {
    expect(await catalog.currentCatalog()).toBe("spark_catalog");
    await catalog.setCurrentCatalog("spark_catalog");
    const catalogs = await catalog.listCatalogs();
    expect(catalogs.map((c) => [c.name, c.description])).toEqual(reference.catalogs);
    expect((await catalog.listCatalogs("spark_*")).map((c) => c.name)).toContain("spark_catalog");
    expect(await catalog.listCatalogs("no_such_catalog_*")).toEqual([]);
    await expect(catalog.setCurrentCatalog(`missing_${suffix}`)).rejects.toMatchObject({
      errorClass: "CATALOG_NOT_FOUND",
    });
    expect(await catalog.currentCatalog()).toBe("spark_catalog");
  });

  it("databases: exists, get, list and switch", async () => {
    expect(await catalog.databaseExists(db)).toBe(true);
    expect(await catalog.databaseExists(`${db}_nope`)).toBe(false);
    const database = await catalog.getDatabase(db);
    expect(Object.values(database)).toEqual(reference.database);
    expect(database.description).toBe("made by sparkts tests");
    const listed = await catalog.listDatabases(`sparkts_h_db_${suffix}*`);
    expect(listed.map((d) => Object.values(d))).toEqual(reference.databases);

    expect(await catalog.currentDatabase()).toBe("default");
    await catalog.setCurrentDatabase(db);
    try {
      expect(await catalog.currentDatabase()).toBe(db);
      expect(await catalog.tableExists(managed)).toBe(true);
    } finally {
      await catalog.setCurrentDatabase("default");
    }
    await expect(catalog.getDatabase(`${db}_nope`)).rejects.toMatchObject({ errorClass: "SCHEMA_NOT_FOUND" });
  });

  it("tables and columns: exists, get, list as PySpark sees them", async () => {
    expect(await catalog.tableExists(`${db}.${managed}`)).toBe(true);
    expect(await catalog.tableExists(managed, db)).toBe(true);
    expect(await catalog.tableExists(`${db}.missing`)).toBe(false);

    const table = await catalog.getTable(`${db}.${managed}`);
    expect(Object.values(table)).toEqual(reference.table);
    expect(table).toMatchObject({ name: managed, namespace: [db], tableType: "MANAGED", isTemporary: false });
    expect(table.description).toBe("a managed table");
    expect((await catalog.listTables(db)).map((t) => Object.values(t))).toEqual(reference.tables);
    expect((await catalog.listTables(db, "nothing_like_this*")).length).toBe(0);

    const columns = await catalog.listColumns(`${db}.${managed}`);
    expect(columns.map((c) => Object.values(c))).toEqual(reference.columns);
    expect(columns.map((c) => [c.name, c.dataType, c.description])).toEqual([
      ["id", "bigint", null],
      ["name", "string", "who"],
    ]);
    expect((await catalog.listColumns(managed, db)).length).toBe(2);
    await expect(catalog.getTable(`${db}.missing`)).rejects.toMatchObject({ errorClass: "TABLE_OR_VIEW_NOT_FOUND" });
  });

  it("createTable with a path (and createExternalTable) makes external tables over existing files", async () => {
    const path = join(dir, "external");
    await spark.range(4).selectExpr("id", "cast(id AS STRING) AS name").write.parquet(path);
    const df = await catalog.createTable(external, path, "parquet", undefined, undefined, { mergeSchema: true });
    expect(await df.count()).toBe(4n);
    expect((await catalog.getTable(external)).tableType).toBe("EXTERNAL");

    const again = `${external}_again`;
    try {
      const viaExternal = await catalog.createExternalTable(again, path, "parquet");
      expect(await viaExternal.count()).toBe(4n);
    } finally {
      await spark.sql(`DROP TABLE IF EXISTS ${again}`);
    }
    await expect(catalog.createTable(external, path, "parquet")).rejects.toMatchObject({
      errorClass: "TABLE_OR_VIEW_ALREADY_EXISTS",
    });
  });

  it("temporary and global temporary views are listed and dropped", async () => {
    await spark.range(2).createOrReplaceTempView(view);
    const listed = await catalog.listTables(undefined, view);
    expect(listed).toEqual([
      { name: view, catalog: null, namespace: [], description: null, tableType: "TEMPORARY", isTemporary: true },
    ]);
    expect(await catalog.dropTempView(view)).toBe(true);
    expect(await catalog.dropTempView(view)).toBe(false);

    await spark.sql(`CREATE GLOBAL TEMP VIEW ${globalView} AS SELECT 1 AS one`);
    expect(await catalog.tableExists(`global_temp.${globalView}`)).toBe(true);
    expect(await catalog.dropGlobalTempView(globalView)).toBe(true);
    expect(await catalog.dropGlobalTempView(globalView)).toBe(false);
  });

  it("functions: get, list and exists as PySpark sees them", async () => {
    expect(Object.values(await catalog.getFunction("abs"))).toEqual(reference.function);
    const functions = await catalog.listFunctions(undefined, "array_s*");
    expect(functions.map((f) => Object.values(f))).toEqual(reference.functions);
    expect(functions.map((f) => f.name)).toContain("array_size");
    expect(await catalog.functionExists("abs")).toBe(true);
    expect(await catalog.functionExists(`no_such_function_${suffix}`)).toBe(false);
    await expect(catalog.getFunction(`no_such_function_${suffix}`)).rejects.toMatchObject({
      errorClass: "UNRESOLVED_ROUTINE",
    });
  });

  it("cacheTable, isCached, uncacheTable and clearCache", async () => {
    const t = `${db}.${managed}`;
    expect(await catalog.isCached(t)).toBe(false);
    await catalog.cacheTable(t);
    expect(await catalog.isCached(t)).toBe(true);
    await catalog.uncacheTable(t);
    expect(await catalog.isCached(t)).toBe(false);

    await catalog.cacheTable(t, StorageLevel.DISK_ONLY);
    expect(await catalog.isCached(t)).toBe(true);
    expect((await spark.table(t).storageLevel).equals(StorageLevel.DISK_ONLY)).toBe(true);
    await catalog.clearCache();
    expect(await catalog.isCached(t)).toBe(false);
    await expect(catalog.cacheTable(`${db}.missing`)).rejects.toMatchObject({ errorClass: "TABLE_OR_VIEW_NOT_FOUND" });
  });

  it("recoverPartitions finds partition directories; refreshTable and refreshByPath drop stale cached data", async () => {
    const path = join(dir, "partitioned");
    await spark.range(6).selectExpr("id", "id % 2 AS part").write.partitionBy("part").parquet(path);
    await spark.sql(
      `CREATE TABLE ${partitioned} (id BIGINT, part BIGINT) USING parquet PARTITIONED BY (part) LOCATION '${path}'`,
    );
    expect(await spark.table(partitioned).count()).toBe(0n);
    await catalog.recoverPartitions(partitioned);
    expect(await spark.table(partitioned).count()).toBe(6n);

    await catalog.cacheTable(partitioned);
    expect(await spark.table(partitioned).count()).toBe(6n);
    const copy = duplicateDataFile(join(path, "part=0"));
    const added = await spark.read.parquet(copy).count();
    expect(added).toBeGreaterThan(0n);
    expect(await spark.table(partitioned).count()).toBe(6n);
    await catalog.refreshTable(partitioned);
    expect(await spark.table(partitioned).count()).toBe(6n + added);
    await catalog.uncacheTable(partitioned);

    const files = join(dir, "by-path");
    await spark.range(3).write.parquet(files);
    const cached = await spark.read.parquet(files).cache();
    expect(await cached.count()).toBe(3n);
    const extra = await spark.read.parquet(duplicateDataFile(files)).count();
    expect(extra).toBeGreaterThan(0n);
    expect(await cached.count()).toBe(3n);
    await catalog.refreshByPath(files);
    expect(await cached.count()).toBe(3n + extra);
    await cached.unpersist();
  });

  it("bad arguments are refused on the client and the session stays usable", async () => {
    await expect(catalog.tableExists(5 as never)).rejects.toBeInstanceOf(ClientArgumentError);
    await expect(catalog.listTables(undefined, 3 as never)).rejects.toThrow(/pattern must be a string/);
    await expect(catalog.createTable("x", undefined, undefined, "id INT" as never)).rejects.toMatchObject({
      errorClass: "NOT_STRUCT",
    });
    await expect(catalog.cacheTable("x", "MEMORY" as never)).rejects.toThrow(/storageLevel must be a StorageLevel/);
    const missing = catalog.listColumns(`${db}.missing`);
    await expect(missing).rejects.toBeInstanceOf(AnalysisException);
    await expect(missing).rejects.toBeInstanceOf(SparkConnectError);
    expect(await catalog.currentDatabase()).toBe("default");
  });
});
