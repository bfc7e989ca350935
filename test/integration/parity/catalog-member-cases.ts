/**
 * Parity cases for the catalog members: tables, databases, global temporary views, the Catalog API and
 * persist. Names carry a per-run suffix (the same on both backends, so answers compare) and every case drops
 * what it made. Database locations differ between the backends by nature, so `locationUri` is left out.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { lit } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { StorageLevel } from "../../../runtime/api/storage-level.js";
import { IntegerType, StringType, StructField, StructType } from "../../../runtime/types/index.js";
import type { MemberCase } from "./member-cases.js";
import { outcomeOf } from "./parity-fixture.js";
import { settled } from "./settled-outcome.js";

const RUN = Date.now().toString(36);
const nameOf = (base: string): string => `e5p_${base}_${RUN}`;

async function sql(spark: SparkSession, text: string): Promise<void> {
  await (await spark.sql(text)).collect();
}

/** Runs `body` with a managed table made from the fixture's first columns, dropping it afterwards. */
async function withTable<R>(
  spark: SparkSession,
  df: DataFrame,
  base: string,
  body: (name: string) => Promise<R>,
): Promise<R> {
  const name = nameOf(base);
  await sql(spark, `DROP TABLE IF EXISTS ${name}`);
  await df.select("id", "s", "dt", "dec").write.saveAsTable(name);
  try {
    return await body(name);
  } finally {
    await sql(spark, `DROP TABLE IF EXISTS ${name}`);
  }
}

async function withDatabase<R>(spark: SparkSession, base: string, body: (db: string) => Promise<R>): Promise<R> {
  const db = nameOf(base);
  await sql(spark, `CREATE DATABASE IF NOT EXISTS ${db}`);
  try {
    return await body(db);
  } finally {
    await spark.catalog.setCurrentDatabase("default");
    await sql(spark, `DROP DATABASE IF EXISTS ${db} CASCADE`);
  }
}

/**
 * Spark's cache is shared by every session of the server, so a persisted plan carries this run's mark: no other
 * test run can cache or unpersist the same plan meanwhile.
 */
const unique = (df: DataFrame): DataFrame => df.withColumn("run", lit(RUN));

const withoutLocation = ({ locationUri: _, ...rest }: { locationUri: string }) => rest;

export const CATALOG_MEMBER_CASES: Record<string, MemberCase> = {
  "DataFrameWriter.saveAsTable": (df, spark) =>
    withTable(spark, df, "save", async (name) => {
      const again = await settled(() => df.select("id").write.saveAsTable(name));
      await df.select("id", "s", "dt", "dec").where("id > 2").write.mode("append").saveAsTable(name);
      const appended = await outcomeOf(spark.table(name));
      await df.select("id").write.mode("overwrite").saveAsTable(name);
      await df.select("s").write.mode("ignore").saveAsTable(name);
      return { again, appended, overwritten: await outcomeOf(spark.table(name)) };
    }),
  "DataFrameWriter.insertInto": (df, spark) =>
    withTable(spark, df, "insert", async (name) => {
      await df.selectExpr("id * 10", "upper(s)", "dt", "d / 1e3").write.insertInto(name);
      const appended = await outcomeOf(spark.table(name));
      await df.select("id", "s", "dt", "dec").limit(1).write.insertInto(name, true);
      const tooFew = await settled(() => df.select("id").write.insertInto(name));
      return { appended, overwritten: await outcomeOf(spark.table(name)), tooFew };
    }),
  "DataFrameReader.table": (df, spark) => withTable(spark, df, "read", (name) => outcomeOf(spark.read.table(name))),
  "SparkSession.table": (df, spark) =>
    withTable(spark, df, "stable", async (name) => ({
      found: await outcomeOf(spark.table(name).where("id < 3")),
      missing: await settled(() => spark.table(nameOf("missing")).collect()),
    })),
  "DataFrameWriterV2.create": async (df, spark) => {
    const name = nameOf("v2create");
    try {
      await df.select("id", "s").writeTo(name).create();
      const again = await settled(() => df.select("id").writeTo(name).create());
      return { rows: await outcomeOf(spark.table(name)), again };
    } finally {
      await sql(spark, `DROP TABLE IF EXISTS ${name}`);
    }
  },
  "DataFrameWriterV2.replace": async (df, spark) => {
    const name = nameOf("v2replace");
    try {
      const missing = await settled(() => df.select("id").writeTo(name).replace());
      await df.select("id", "s").writeTo(name).create();
      const existing = await settled(() => df.select("d").writeTo(name).replace());
      return { missing, existing, rows: await outcomeOf(spark.table(name)) };
    } finally {
      await sql(spark, `DROP TABLE IF EXISTS ${name}`);
    }
  },
  "DataFrameWriterV2.createOrReplace": async (df, spark) => {
    const name = nameOf("v2cor");
    try {
      const missing = await settled(() => df.select("id").writeTo(name).createOrReplace());
      await df.select("id").writeTo(name).create();
      const existing = await settled(() => df.select("s", "id").writeTo(name).createOrReplace());
      return { missing, existing, rows: await outcomeOf(spark.table(name)) };
    } finally {
      await sql(spark, `DROP TABLE IF EXISTS ${name}`);
    }
  },
  "DataFrameWriterV2.append": (df, spark) =>
    withTable(spark, df, "v2append", async (name) => {
      const appended = await settled(() => df.select("id", "s", "dt", "dec").writeTo(name).append());
      const missing = await settled(() => df.writeTo(nameOf("missing")).append());
      return { appended, missing, rows: await outcomeOf(spark.table(name)) };
    }),
  "DataFrameWriterV2.overwritePartitions": (df, spark) =>
    withTable(spark, df, "v2overwrite", async (name) => {
      const overwritten = await settled(() => df.select("id", "s", "dt", "dec").writeTo(name).overwritePartitions());
      return { overwritten, rows: await outcomeOf(spark.table(name)) };
    }),
  "DataFrame.createTempView": async (df, spark) => {
    const name = nameOf("tv");
    try {
      await df.select("id").createTempView(name);
      const again = await settled(() => df.createTempView(name));
      return { rows: await outcomeOf(spark.table(name)), again };
    } finally {
      await spark.catalog.dropTempView(name);
    }
  },
  "DataFrame.createGlobalTempView": async (df, spark) => {
    const name = nameOf("gv");
    try {
      await df.select("id", "s").createGlobalTempView(name);
      const again = await settled(() => df.createGlobalTempView(name));
      const viaSql = await outcomeOf(await spark.sql(`SELECT s FROM global_temp.${name} WHERE id > 1`));
      return { rows: await outcomeOf(spark.table(`global_temp.${name}`)), viaSql, again };
    } finally {
      await spark.catalog.dropGlobalTempView(name);
    }
  },
  "DataFrame.createOrReplaceGlobalTempView": async (df, spark) => {
    const name = nameOf("gvr");
    try {
      await df.select("id").createOrReplaceGlobalTempView(name);
      await df.select("s").createOrReplaceGlobalTempView(name);
      return outcomeOf(spark.table(`global_temp.${name}`));
    } finally {
      await spark.catalog.dropGlobalTempView(name);
    }
  },
  "DataFrame.persist": async (df) => {
    const kept = await unique(df.where("id > 1")).persist(StorageLevel.DISK_ONLY);
    try {
      return { level: String(await kept.storageLevel), rows: await outcomeOf(kept), again: await outcomeOf(kept) };
    } finally {
      await kept.unpersist();
    }
  },
  "DataFrame.storageLevel": async (df) => {
    const query = unique(df.select("id", "s"));
    const before = String(await query.storageLevel);
    await query.persist();
    const during = String(await query.storageLevel);
    await query.unpersist();
    return { before, during, after: String(await query.storageLevel) };
  },
  "DataFrame.unpersist": async (df) => {
    const query = unique(df.where("i > 0"));
    await query.persist(StorageLevel.MEMORY_ONLY);
    await query.collect();
    await query.unpersist();
    return { level: String(await query.storageLevel), rows: await outcomeOf(query) };
  },
  "DataFrame.is_cached": async (df) => {
    const query = unique(df.select("d"));
    const before = await query.is_cached;
    await query.cache();
    const during = await query.is_cached;
    await query.unpersist();
    return { before, during };
  },
  "Catalog.createExternalTable": async (df, spark) => {
    const name = nameOf("external");
    const dir = mkdtempSync(join(tmpdir(), "sparkts-external-case-"));
    const data = join(dir, "t");
    try {
      await df.select("id", "s").write.parquet(data);
      const rows = await outcomeOf(await spark.catalog.createExternalTable(name, data, "parquet"));
      const table = await spark.catalog.getTable(name);
      await sql(spark, `DROP TABLE ${name}`);
      // Dropping an external table leaves its files.
      return { rows, table, kept: await outcomeOf(spark.read.parquet(data)) };
    } finally {
      await sql(spark, `DROP TABLE IF EXISTS ${name}`);
      rmSync(dir, { recursive: true, force: true });
    }
  },
  "Catalog.createTable": async (df, spark) => {
    const name = nameOf("created");
    const schema = new StructType([
      new StructField("a", new IntegerType(), false),
      new StructField("b", new StringType(), true),
    ]);
    try {
      const created = await spark.catalog.createTable(name, undefined, "parquet", schema, "made by a case");
      const empty = await outcomeOf(created);
      const again = await settled(() => spark.catalog.createTable(name, undefined, undefined, schema));
      await df.select("id", "s").write.insertInto(name);
      return {
        empty,
        again,
        table: await spark.catalog.getTable(name),
        columns: await spark.catalog.listColumns(name),
        rows: await outcomeOf(spark.table(name)),
      };
    } finally {
      await sql(spark, `DROP TABLE IF EXISTS ${name}`);
    }
  },
  "Catalog.currentCatalog": (_df, spark) => spark.catalog.currentCatalog(),
  "Catalog.currentDatabase": (_df, spark) => spark.catalog.currentDatabase(),
  "Catalog.setCurrentDatabase": (df, spark) =>
    withDatabase(spark, "setdb", async (db) => {
      await spark.catalog.setCurrentDatabase(db);
      const current = await spark.catalog.currentDatabase();
      await df.select("id").write.saveAsTable("inside");
      const tables = (await spark.catalog.listTables(db)).map((t) => t.name);
      const missing = await settled(() => spark.catalog.setCurrentDatabase(nameOf("nodb")));
      return { current, tables, missing };
    }),
  "Catalog.databaseExists": (_df, spark) =>
    withDatabase(spark, "exists", async (db) => [
      await spark.catalog.databaseExists(db),
      await spark.catalog.databaseExists("default"),
      await spark.catalog.databaseExists(nameOf("nodb")),
    ]),
  "Catalog.listDatabases": (_df, spark) =>
    withDatabase(spark, "listdb", async () =>
      (await spark.catalog.listDatabases(`e5p_listdb_${RUN}|default`)).map(withoutLocation),
    ),
  "Catalog.getDatabase": (_df, spark) =>
    withDatabase(spark, "getdb", async (db) => ({
      found: withoutLocation(await spark.catalog.getDatabase(db)),
      missing: await settled(() => spark.catalog.getDatabase(nameOf("nodb"))),
    })),
  "Catalog.listTables": (df, spark) =>
    withTable(spark, df, "listed", async (name) => {
      await df.createOrReplaceTempView(nameOf("listedview"));
      try {
        return await spark.catalog.listTables("default", `e5p_listed*_${RUN}`);
      } finally {
        await spark.catalog.dropTempView(nameOf("listedview"));
        void name;
      }
    }),
  "Catalog.getTable": (df, spark) =>
    withTable(spark, df, "got", async (name) => ({
      table: await spark.catalog.getTable(name),
      missing: await settled(() => spark.catalog.getTable(nameOf("missing"))),
    })),
  "Catalog.tableExists": (df, spark) =>
    withTable(spark, df, "exists", async (name) => [
      await spark.catalog.tableExists(name),
      await spark.catalog.tableExists(name, "default"),
      await spark.catalog.tableExists(nameOf("missing")),
    ]),
  "Catalog.listColumns": (df, spark) =>
    withTable(spark, df, "columns", async (name) => ({
      columns: await spark.catalog.listColumns(name),
      missing: await settled(() => spark.catalog.listColumns(nameOf("missing"))),
    })),
  "Catalog.dropTempView": async (df, spark) => {
    const name = nameOf("droptv");
    await df.createTempView(name);
    return [await spark.catalog.dropTempView(name), await spark.catalog.dropTempView(name)];
  },
  "Catalog.dropGlobalTempView": async (df, spark) => {
    const name = nameOf("dropgv");
    await df.createGlobalTempView(name);
    return [await spark.catalog.dropGlobalTempView(name), await spark.catalog.dropGlobalTempView(name)];
  },
  "Catalog.cacheTable": (df, spark) =>
    withTable(spark, df, "cached", async (name) => {
      await spark.catalog.cacheTable(name);
      const cached = await spark.catalog.isCached(name);
      await spark.catalog.uncacheTable(name);
      return { cached, rows: await outcomeOf(spark.table(name)) };
    }),
  "Catalog.isCached": (df, spark) =>
    withTable(spark, df, "iscached", async (name) => ({
      before: await spark.catalog.isCached(name),
      missing: await settled(() => spark.catalog.isCached(nameOf("missing"))),
    })),
  "Catalog.uncacheTable": (df, spark) =>
    withTable(spark, df, "uncached", async (name) => {
      await spark.catalog.cacheTable(name);
      await spark.catalog.uncacheTable(name);
      return spark.catalog.isCached(name);
    }),
  "Catalog.clearCache": (df, spark) =>
    withTable(spark, df, "cleared", async (name) => {
      await spark.catalog.cacheTable(name);
      await spark.catalog.clearCache();
      return spark.catalog.isCached(name);
    }),
  "Catalog.refreshTable": (df, spark) =>
    withTable(spark, df, "refreshed", async (name) => {
      await spark.catalog.refreshTable(name);
      return settled(() => spark.catalog.refreshTable(nameOf("missing")));
    }),
};
