/**
 * Examples of Catalog members. Objects they need are made by an unrecorded setup: tables named
 * `sparkts_golden_*` (recreated or created if missing), databases located under the example's fresh `out`
 * directory (so their location is the same placeholder on both sides), session-scoped temporary views. Lists
 * are narrowed by a pattern to those objects, since other sessions share the server's catalog. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

/**
 * A setup running SQL statements in order. Each statement is an expression written the same way in both
 * languages (a double-quoted string, possibly joined with `+` to `out` or `files`).
 */
function sqlSetup(...statements: string[]): { ts: string; python: string } {
  const [first, ...rest] = statements.map((statement) => `spark.sql(${statement})`);
  return {
    ts: [first, ...rest.map((call) => `.then(() => ${call})`)].join(""),
    python: `[${statements.map((statement) => `spark.sql(${statement})`).join(", ")}]`,
  };
}

/** A database recreated at `out/db`, so its location URI is the output placeholder on both sides. */
function databaseSetup(name: string): { ts: string; python: string } {
  return sqlSetup(
    `"DROP DATABASE IF EXISTS ${name} CASCADE"`,
    `"CREATE DATABASE ${name} COMMENT 'member golden' LOCATION '" + out + "/db'"`,
  );
}

/** A small managed table, created once and left in place. */
const TABLE = "sparkts_golden_catalog_table";
const tableSetup = sqlSetup(
  `"CREATE TABLE IF NOT EXISTS ${TABLE} (id INT, s STRING) USING parquet COMMENT 'member golden'"`,
);

/** A temporary view of the fixture, for cache examples (views are per session, so both sides make their own). */
function viewSetup(name: string, cached = false): { ts: string; python: string } {
  const create = `df.createOrReplaceTempView("${name}")`;
  if (!cached) return { ts: create, python: create };
  return {
    ts: `${create}.then(() => spark.catalog.cacheTable("${name}"))`,
    python: `[${create}, spark.catalog.cacheTable("${name}")]`,
  };
}

/** Parquet files of two fixture columns under `out/t`, for tables created over a path. */
function filesSetup(table: string): { ts: string; python: string } {
  const drop = `spark.sql("DROP TABLE IF EXISTS ${table}")`;
  const write = 'df.select("id", "s").coalesce(1).write.parquet(out + "/t")';
  return { ts: `${drop}.then(() => ${write})`, python: `[${drop}, ${write}]` };
}

export const catalogExamples: ClassExamplesInput = {
  className: "Catalog",
  members: {
    cacheTable: [
      {
        setup: viewSetup("sparkts_golden_cache_table"),
        ts: 'spark.catalog.cacheTable("sparkts_golden_cache_table")',
        python: 'spark.catalog.cacheTable("sparkts_golden_cache_table")',
      },
    ],
    clearCache: [{ ts: "spark.catalog.clearCache()", python: "spark.catalog.clearCache()" }],
    createExternalTable: [
      {
        setup: filesSetup("sparkts_golden_create_external_table"),
        ts: 'spark.catalog.createExternalTable("sparkts_golden_create_external_table", out + "/t", "parquet")',
        python: 'spark.catalog.createExternalTable("sparkts_golden_create_external_table", out + "/t", "parquet")',
      },
    ],
    createTable: [
      {
        setup: filesSetup("sparkts_golden_create_table"),
        ts: 'spark.catalog.createTable("sparkts_golden_create_table", out + "/t", "parquet")',
        python: 'spark.catalog.createTable("sparkts_golden_create_table", out + "/t", "parquet")',
      },
    ],
    currentCatalog: [{ ts: "spark.catalog.currentCatalog()", python: "spark.catalog.currentCatalog()" }],
    currentDatabase: [{ ts: "spark.catalog.currentDatabase()", python: "spark.catalog.currentDatabase()" }],
    databaseExists: [
      { ts: 'spark.catalog.databaseExists("default")', python: 'spark.catalog.databaseExists("default")' },
      {
        ts: 'spark.catalog.databaseExists("sparkts_golden_no_such_db")',
        python: 'spark.catalog.databaseExists("sparkts_golden_no_such_db")',
      },
    ],
    dropGlobalTempView: [
      {
        setup: sqlSetup('"CREATE OR REPLACE GLOBAL TEMPORARY VIEW sparkts_golden_drop_global AS SELECT 1 AS x"'),
        ts: 'spark.catalog.dropGlobalTempView("sparkts_golden_drop_global")',
        python: 'spark.catalog.dropGlobalTempView("sparkts_golden_drop_global")',
      },
    ],
    dropTempView: [
      {
        setup: viewSetup("sparkts_golden_drop_view"),
        ts: 'spark.catalog.dropTempView("sparkts_golden_drop_view")',
        python: 'spark.catalog.dropTempView("sparkts_golden_drop_view")',
      },
      {
        ts: 'spark.catalog.dropTempView("sparkts_golden_no_such_view")',
        python: 'spark.catalog.dropTempView("sparkts_golden_no_such_view")',
      },
    ],
    functionExists: [
      { ts: 'spark.catalog.functionExists("array_sort")', python: 'spark.catalog.functionExists("array_sort")' },
      {
        ts: 'spark.catalog.functionExists("sparkts_golden_no_such_function", "default")',
        python: 'spark.catalog.functionExists("sparkts_golden_no_such_function", "default")',
      },
    ],
    getDatabase: [
      {
        setup: databaseSetup("sparkts_golden_get_db"),
        ts: 'spark.catalog.getDatabase("sparkts_golden_get_db")',
        python: 'spark.catalog.getDatabase("sparkts_golden_get_db")',
      },
    ],
    getFunction: [{ ts: 'spark.catalog.getFunction("array_sort")', python: 'spark.catalog.getFunction("array_sort")' }],
    getTable: [
      { setup: tableSetup, ts: `spark.catalog.getTable("${TABLE}")`, python: `spark.catalog.getTable("${TABLE}")` },
    ],
    isCached: [
      {
        setup: viewSetup("sparkts_golden_is_cached", true),
        ts: 'spark.catalog.isCached("sparkts_golden_is_cached")',
        python: 'spark.catalog.isCached("sparkts_golden_is_cached")',
      },
    ],
    listCatalogs: [{ ts: 'spark.catalog.listCatalogs("spark*")', python: 'spark.catalog.listCatalogs("spark*")' }],
    listColumns: [
      {
        setup: tableSetup,
        ts: `spark.catalog.listColumns("${TABLE}")`,
        python: `spark.catalog.listColumns("${TABLE}")`,
      },
    ],
    listDatabases: [
      {
        setup: databaseSetup("sparkts_golden_list_db"),
        ts: 'spark.catalog.listDatabases("sparkts_golden_list_*")',
        python: 'spark.catalog.listDatabases("sparkts_golden_list_*")',
      },
    ],
    listFunctions: [
      {
        ts: 'spark.catalog.listFunctions(undefined, "array_so*")',
        python: 'spark.catalog.listFunctions(None, "array_so*")',
      },
    ],
    listTables: [
      {
        setup: tableSetup,
        ts: `spark.catalog.listTables("default", "${TABLE}*")`,
        python: `spark.catalog.listTables("default", "${TABLE}*")`,
      },
    ],
    recoverPartitions: [
      {
        setup: {
          ts: 'df.select("id", "b").write.partitionBy("b").mode("overwrite").saveAsTable("sparkts_golden_recover")',
          python: 'df.select("id", "b").write.partitionBy("b").mode("overwrite").saveAsTable("sparkts_golden_recover")',
        },
        ts: 'spark.catalog.recoverPartitions("sparkts_golden_recover")',
        python: 'spark.catalog.recoverPartitions("sparkts_golden_recover")',
      },
    ],
    refreshByPath: [
      {
        ts: 'spark.catalog.refreshByPath(files + "/people.parquet")',
        python: 'spark.catalog.refreshByPath(files + "/people.parquet")',
      },
    ],
    refreshTable: [
      {
        setup: tableSetup,
        ts: `spark.catalog.refreshTable("${TABLE}")`,
        python: `spark.catalog.refreshTable("${TABLE}")`,
      },
    ],
    setCurrentCatalog: [
      {
        ts: 'spark.catalog.setCurrentCatalog("spark_catalog")',
        python: 'spark.catalog.setCurrentCatalog("spark_catalog")',
      },
    ],
    setCurrentDatabase: [
      { ts: 'spark.catalog.setCurrentDatabase("default")', python: 'spark.catalog.setCurrentDatabase("default")' },
    ],
    tableExists: [
      {
        setup: tableSetup,
        ts: `spark.catalog.tableExists("${TABLE}")`,
        python: `spark.catalog.tableExists("${TABLE}")`,
      },
      {
        ts: 'spark.catalog.tableExists("sparkts_golden_no_such_table", "default")',
        python: 'spark.catalog.tableExists("sparkts_golden_no_such_table", "default")',
      },
    ],
    uncacheTable: [
      {
        setup: viewSetup("sparkts_golden_uncache_table", true),
        ts: 'spark.catalog.uncacheTable("sparkts_golden_uncache_table")',
        python: 'spark.catalog.uncacheTable("sparkts_golden_uncache_table")',
      },
    ],
  },
};
