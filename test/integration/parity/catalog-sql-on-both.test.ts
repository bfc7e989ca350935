/**
 * Database, table, global temporary view and cache statements in SQL, run in order on the embedded engine and
 * on Spark 4.1.1: every statement's rows (or the error class it failed with) must match.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { settled } from "./settled-outcome.js";

const RUN = Date.now().toString(36);
const DB = `e5s_${RUN}`;
const GV = `e5s_gv_${RUN}`;

const SCRIPT = [
  `CREATE DATABASE ${DB}`,
  `CREATE DATABASE ${DB}`,
  `CREATE SCHEMA IF NOT EXISTS ${DB}`,
  `SHOW DATABASES LIKE '${DB}'`,
  `CREATE TABLE ${DB}.t1 (a INT, b STRING) USING parquet`,
  `CREATE TABLE ${DB}.t1 (a INT) USING parquet`,
  `CREATE TABLE IF NOT EXISTS ${DB}.t1 (a INT) USING parquet`,
  `SELECT * FROM ${DB}.t1`,
  `INSERT INTO ${DB}.t1 VALUES (1, 'x'), (2, NULL)`,
  `INSERT INTO ${DB}.t1 SELECT 3.7, 'z'`,
  `SELECT * FROM ${DB}.t1 ORDER BY a`,
  `CREATE TABLE ${DB}.t2 USING parquet AS SELECT a * 2 AS c, b FROM ${DB}.t1 WHERE a < 3`,
  `SELECT * FROM ${DB}.t2 ORDER BY c`,
  `INSERT OVERWRITE ${DB}.t1 SELECT 5, 'y'`,
  `SELECT * FROM ${DB}.t1`,
  `INSERT INTO ${DB}.t1 SELECT 1`,
  `USE ${DB}`,
  "SHOW TABLES",
  "SHOW TABLES LIKE 't2'",
  "SELECT count(*) AS n FROM t2",
  "USE default",
  `USE no_such_db_${RUN}`,
  `CACHE TABLE ${DB}.t2`,
  `SELECT sum(c) AS total FROM ${DB}.t2`,
  `UNCACHE TABLE ${DB}.t2`,
  `UNCACHE TABLE IF EXISTS ${DB}.no_such_table`,
  "CLEAR CACHE",
  `DROP TABLE ${DB}.t2`,
  `DROP TABLE ${DB}.t2`,
  `DROP TABLE IF EXISTS ${DB}.t2`,
  `SELECT * FROM ${DB}.t2`,
  `CREATE GLOBAL TEMPORARY VIEW ${GV} AS SELECT 1 AS one`,
  `CREATE GLOBAL TEMPORARY VIEW ${GV} AS SELECT 2 AS two`,
  `CREATE OR REPLACE GLOBAL TEMPORARY VIEW ${GV} AS SELECT 3 AS three`,
  `SELECT * FROM global_temp.${GV}`,
  `SHOW TABLES IN global_temp LIKE '${GV}'`,
  `DROP VIEW global_temp.${GV}`,
  `SELECT * FROM global_temp.${GV}`,
  `DROP DATABASE ${DB}`,
  `DROP DATABASE ${DB} CASCADE`,
  `DROP DATABASE IF EXISTS ${DB}`,
  `SHOW DATABASES LIKE '${DB}'`,
];

const DESCRIBED = `e5d_${RUN}`;

/** DESCRIBE, SHOW COLUMNS and SHOW TBLPROPERTIES over tables, views and queries. */
const DESCRIBE_SCRIPT = [
  `CREATE DATABASE ${DESCRIBED}`,
  `CREATE TABLE ${DESCRIBED}.parts (a INT COMMENT 'the a', b STRING, c DECIMAL(10,2), d ARRAY<STRUCT<x: INT>>) USING parquet PARTITIONED BY (b) COMMENT 'described' TBLPROPERTIES ('k2'='v2', 'k1'='v1')`,
  `CREATE TABLE ${DESCRIBED}.piped USING csv OPTIONS (sep '|', header 'true') AS SELECT 1 AS a, 'x' AS b`,
  `DESCRIBE TABLE ${DESCRIBED}.parts`,
  `DESCRIBE ${DESCRIBED}.parts a`,
  `DESCRIBE EXTENDED ${DESCRIBED}.parts b`,
  `DESCRIBE ${DESCRIBED}.parts zz`,
  `DESCRIBE TABLE EXTENDED ${DESCRIBED}.parts`,
  `DESCRIBE EXTENDED ${DESCRIBED}.piped`,
  `DESCRIBE ${DESCRIBED}.no_such_table`,
  `SHOW COLUMNS IN ${DESCRIBED}.parts`,
  `SHOW COLUMNS IN piped IN ${DESCRIBED}`,
  `SHOW TBLPROPERTIES ${DESCRIBED}.parts`,
  `SHOW TBLPROPERTIES ${DESCRIBED}.piped`,
  `SHOW TBLPROPERTIES ${DESCRIBED}.parts ('k1')`,
  `SHOW TBLPROPERTIES ${DESCRIBED}.parts ('nope')`,
  `SELECT * FROM ${DESCRIBED}.piped`,
  "CREATE OR REPLACE TEMPORARY VIEW e5d_view AS SELECT 1 AS one, 'x' AS two",
  "DESCRIBE e5d_view",
  "DESCRIBE EXTENDED e5d_view",
  "DESCRIBE QUERY SELECT 1 AS x, array(1.5) AS y",
  // Persistent views: kept in the catalog, read again on every use.
  `CREATE VIEW ${DESCRIBED}.pv AS SELECT a + 1 AS a1, b FROM ${DESCRIBED}.piped`,
  `CREATE VIEW ${DESCRIBED}.pv AS SELECT 1`,
  `CREATE VIEW IF NOT EXISTS ${DESCRIBED}.pv AS SELECT 1`,
  `SELECT * FROM ${DESCRIBED}.pv`,
  // A view's one-part names resolve in the database current when it was made, not when it is read.
  `USE ${DESCRIBED}`,
  "CREATE VIEW own_db AS SELECT b, a FROM piped",
  "USE default",
  `SELECT * FROM ${DESCRIBED}.own_db`,
  `SHOW TABLES IN ${DESCRIBED}`,
  `DESCRIBE ${DESCRIBED}.pv`,
  `DESCRIBE EXTENDED ${DESCRIBED}.pv`,
  `CREATE VIEW ${DESCRIBED}.on_temp AS SELECT * FROM e5d_view`,
  `DROP TABLE ${DESCRIBED}.pv`,
  `DROP VIEW ${DESCRIBED}.piped`,
  `CREATE OR REPLACE VIEW ${DESCRIBED}.pv (c1 COMMENT 'first', c2) COMMENT 'my view' AS SELECT 5, 'z'`,
  `SELECT * FROM ${DESCRIBED}.pv`,
  `DESCRIBE EXTENDED ${DESCRIBED}.pv`,
  `CREATE OR REPLACE VIEW ${DESCRIBED}.pv (only_one) AS SELECT 5, 'z'`,
  `DROP VIEW ${DESCRIBED}.pv`,
  `DROP VIEW ${DESCRIBED}.pv`,
  `DROP VIEW IF EXISTS ${DESCRIBED}.pv`,
  "DROP VIEW e5d_view",
  `DROP DATABASE ${DESCRIBED} CASCADE`,
];

/** DESCRIBE EXTENDED rows whose values depend on the clock or the machine: compared for presence only. */
const MACHINE_ROWS = new Set(["Created Time", "Location"]);

/** Each statement's rows as JSON, or the error class it failed with. */
async function runScript(spark: SparkSession, script: readonly string[] = SCRIPT): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const statement of script) {
    const outcome = await settled(async () => {
      const rows = await (await spark.sql(statement)).collect();
      const masked = rows.map((row) => (MACHINE_ROWS.has(String(row.get(0))) ? [row.get(0), "…"] : row));
      return masked.map((row) => JSON.stringify(row));
    });
    answers.push({ statement, ...outcome });
  }
  return answers;
}

describe("catalog SQL statements give the same answers on the embedded engine and on Spark", () => {
  let local: SparkSession;
  let spark: SparkSession;
  let warehouse: string;

  beforeAll(async () => {
    warehouse = mkdtempSync(join(tmpdir(), "sparkts-catalog-sql-"));
    local = new SparkSession(new LocalBackend({ master: "local[2]", warehouseDir: warehouse }));
    spark = await testSession();
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.sql(`DROP DATABASE IF EXISTS ${DB} CASCADE`).catch(() => undefined);
    await spark?.sql(`DROP DATABASE IF EXISTS ${DESCRIBED} CASCADE`).catch(() => undefined);
    await spark?.stop();
    rmSync(warehouse, { recursive: true, force: true });
  });

  it("runs the same script to the same answers", async () => {
    const [expected, actual] = await Promise.all([runScript(spark), runScript(local)]);
    expect(actual).toEqual(expected);
  });

  it("describes tables, views and queries as Spark does", async () => {
    const [expected, actual] = await Promise.all([
      runScript(spark, DESCRIBE_SCRIPT),
      runScript(local, DESCRIBE_SCRIPT),
    ]);
    expect(actual).toEqual(expected);
  });

  // The plan text is each engine's own (the engine's EXTENDED text has no parsed-plan section, see the
  // DataFrame.explain gap); its shape is Spark's: one nullable `plan` string row holding the plan sections.
  it("answers EXPLAIN with one plan row holding the plan sections", async () => {
    const shape = async (spark: SparkSession, statement: string) => {
      const df = await spark.sql(statement);
      const rows = await df.collect();
      const text = String(rows[0]?.get(0));
      return {
        schema: (await df.schema).simpleString(),
        rows: rows.length,
        opening: text.split("\n")[0],
        sections: ["== Optimized Logical Plan ==", "== Physical Plan =="].filter((s) => text.includes(s)),
      };
    };
    for (const statement of ["EXPLAIN SELECT 1 AS x", "EXPLAIN EXTENDED SELECT id FROM range(3) WHERE id > 1"]) {
      const [expected, actual] = await Promise.all([shape(spark, statement), shape(local, statement)]);
      if (statement.includes("EXTENDED")) expected.opening = actual.opening = "";
      expect(actual).toEqual(expected);
    }
  });

  it("finds a table made by one session from another session over the same warehouse", async () => {
    const first = new SparkSession(new LocalBackend({ master: "local[1]", warehouseDir: warehouse }));
    const second = new SparkSession(new LocalBackend({ master: "local[1]", warehouseDir: warehouse }));
    try {
      await first.createDataFrame([{ k: 1 }, { k: 2 }], "k int").write.saveAsTable("shared_between_sessions");
      await first.range(3).createGlobalTempView("shared_view");
      const rows = await second.table("shared_between_sessions").orderBy("k").collect();
      expect(rows.map((r) => r.get(0))).toEqual([1, 2]);
      expect(await second.table("global_temp.shared_view").count()).toBe(3n);
      expect((await second.catalog.listTables()).map((t) => t.name)).toEqual(["shared_between_sessions"]);
    } finally {
      await first.catalog.dropGlobalTempView("shared_view");
      await first.stop();
      await second.stop();
    }
  });
});
