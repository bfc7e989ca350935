import { describe, expect, it } from "vitest";
import { parseSql, type SqlStatement } from "./index.js";
import { parseError, relationJson } from "./sql-test-helpers.js";

/** The statement with its query relations replaced by their proto JSON, for readable comparisons. */
function parsed(sql: string): unknown {
  return toComparable(parseSql(sql));
}

function toComparable(statement: SqlStatement): unknown {
  const entries = Object.entries(statement).map(([key, value]) => {
    if (key === "relation" || key === "query") return [key, relationJson(value)];
    if (key === "statement") return [key, toComparable(value)];
    return [key, value];
  });
  return Object.fromEntries(entries);
}

const readT = { read: { namedTable: { unparsedIdentifier: "t" } } };
const selectAFromT = { project: { input: readT, expressions: [{ unresolvedAttribute: { unparsedIdentifier: "a" } }] } };

describe("views", () => {
  it("CREATE OR REPLACE GLOBAL TEMP VIEW keeps flags, columns and the query text", () => {
    expect(
      parsed("CREATE OR REPLACE GLOBAL TEMPORARY VIEW v (x COMMENT 'the x') COMMENT 'view' AS SELECT a FROM t"),
    ).toEqual({
      kind: "createView",
      name: ["v"],
      replace: true,
      global: true,
      temporary: true,
      ifNotExists: false,
      columns: [{ name: "x", comment: "the x" }],
      comment: "view",
      properties: {},
      query: selectAFromT,
      queryText: "SELECT a FROM t",
    });
  });

  it("CREATE VIEW IF NOT EXISTS db.v with TBLPROPERTIES", () => {
    expect(parsed("CREATE VIEW IF NOT EXISTS db.v TBLPROPERTIES ('k' = 'v') AS SELECT a FROM t")).toMatchObject({
      kind: "createView",
      name: ["db", "v"],
      temporary: false,
      global: false,
      ifNotExists: true,
      properties: { k: "v" },
    });
  });

  it("DROP VIEW [IF EXISTS]", () => {
    expect(parsed("DROP VIEW IF EXISTS global_temp.v")).toEqual({
      kind: "dropView",
      name: ["global_temp", "v"],
      ifExists: true,
    });
    expect(parsed("drop view v")).toEqual({ kind: "dropView", name: ["v"], ifExists: false });
  });

  it("rejects GLOBAL without TEMP", () => {
    expect(parseError(() => parseSql("CREATE GLOBAL VIEW v AS SELECT 1")).errorClass).toBe("PARSE_SYNTAX_ERROR");
  });
});

describe("tables", () => {
  it("CREATE TABLE with columns, USING, OPTIONS, PARTITIONED BY, LOCATION, COMMENT", () => {
    expect(
      parsed(
        "CREATE TABLE IF NOT EXISTS db.t (id BIGINT NOT NULL, name STRING COMMENT 'who', tags ARRAY<STRING>) " +
          "USING parquet OPTIONS (compression 'snappy', 'x.y' = 1) PARTITIONED BY (name) LOCATION '/tmp/t' COMMENT 'c'",
      ),
    ).toEqual({
      kind: "createTable",
      name: ["db", "t"],
      replace: false,
      ifNotExists: true,
      external: false,
      columns: [
        {
          name: "id",
          dataType: { $typeName: "spark.connect.DataType", kind: { case: "long", value: expect.anything() } },
          nullable: false,
        },
        {
          name: "name",
          dataType: { $typeName: "spark.connect.DataType", kind: { case: "string", value: expect.anything() } },
          nullable: true,
          comment: "who",
        },
        {
          name: "tags",
          dataType: expect.objectContaining({ kind: expect.objectContaining({ case: "array" }) }),
          nullable: true,
        },
      ],
      provider: "parquet",
      options: { compression: "snappy", "x.y": "1" },
      partitionBy: ["name"],
      location: "/tmp/t",
      comment: "c",
      properties: {},
    });
  });

  it("CREATE OR REPLACE TABLE ... USING ... AS SELECT", () => {
    expect(parsed("CREATE OR REPLACE TABLE t2 USING json AS SELECT a FROM t")).toMatchObject({
      kind: "createTable",
      name: ["t2"],
      replace: true,
      provider: "json",
      query: selectAFromT,
    });
  });

  it("DROP TABLE [IF EXISTS] [PURGE]", () => {
    expect(parsed("DROP TABLE IF EXISTS t PURGE")).toEqual({
      kind: "dropTable",
      name: ["t"],
      ifExists: true,
      purge: true,
    });
  });

  it("INSERT INTO / OVERWRITE with columns, partitions and VALUES", () => {
    expect(parsed("INSERT INTO t SELECT a FROM t")).toEqual({
      kind: "insert",
      table: ["t"],
      overwrite: false,
      ifNotExists: false,
      query: selectAFromT,
    });
    const insert = parseSql("INSERT OVERWRITE TABLE t PARTITION (p = 1, q) (a, b) VALUES (1, 2)");
    expect(insert).toMatchObject({ kind: "insert", overwrite: true, columns: ["a", "b"] });
    expect(insert.kind === "insert" && Object.keys(insert.partition ?? {})).toEqual(["p", "q"]);
    expect(insert.kind === "insert" && insert.partition?.q).toBeNull();
  });
});

describe("catalog and session commands", () => {
  it.each([
    ["SHOW TABLES", { kind: "showTables" }],
    ["SHOW TABLES IN db LIKE 'a*'", { kind: "showTables", namespace: ["db"], pattern: "a*" }],
    ["SHOW DATABASES", { kind: "showDatabases" }],
    ["SHOW SCHEMAS LIKE 'x'", { kind: "showDatabases", pattern: "x" }],
    ["SHOW FUNCTIONS", { kind: "showFunctions", scope: "all" }],
    ["SHOW USER FUNCTIONS LIKE 'my*'", { kind: "showFunctions", scope: "user", pattern: "my*" }],
    ["SHOW COLUMNS IN t IN db", { kind: "showColumns", table: ["db", "t"] }],
    ["DESCRIBE t", { kind: "describeTable", table: ["t"], extended: false }],
    ["DESC TABLE EXTENDED db.t", { kind: "describeTable", table: ["db", "t"], extended: true }],
    ["DESCRIBE t a.b", { kind: "describeTable", table: ["t"], extended: false, column: ["a", "b"] }],
    ["DESCRIBE QUERY SELECT a FROM t", { kind: "describeQuery", query: selectAFromT }],
    ["SET", { kind: "set", verbose: false }],
    ["SET -v", { kind: "set", verbose: true }],
    ["SET spark.sql.shuffle.partitions", { kind: "set", key: "spark.sql.shuffle.partitions", verbose: false }],
    [
      "SET spark.sql.shuffle.partitions = 4;",
      { kind: "set", key: "spark.sql.shuffle.partitions", value: "4", verbose: false },
    ],
    ["SET a.b=x y z", { kind: "set", key: "a.b", value: "x y z", verbose: false }],
    ["SET TIME ZONE 'UTC'", { kind: "set", key: "spark.sql.session.timeZone", value: "UTC", verbose: false }],
    ["RESET", { kind: "reset" }],
    ["RESET spark.sql.ansi.enabled", { kind: "reset", key: "spark.sql.ansi.enabled" }],
    ["USE db", { kind: "use", namespace: ["db"] }],
    ["USE DATABASE cat.db", { kind: "use", namespace: ["cat", "db"] }],
    [
      "CREATE DATABASE IF NOT EXISTS d COMMENT 'c' WITH DBPROPERTIES ('a' = 'b')",
      { kind: "createDatabase", name: ["d"], ifNotExists: true, comment: "c", properties: { a: "b" } },
    ],
    [
      "CREATE SCHEMA d LOCATION '/x'",
      { kind: "createDatabase", name: ["d"], ifNotExists: false, location: "/x", properties: {} },
    ],
    ["DROP DATABASE IF EXISTS d CASCADE", { kind: "dropDatabase", name: ["d"], ifExists: true, cascade: true }],
    ["DROP SCHEMA d", { kind: "dropDatabase", name: ["d"], ifExists: false, cascade: false }],
    ["CACHE TABLE t", { kind: "cacheTable", table: ["t"], lazy: false, options: {} }],
    [
      "CACHE LAZY TABLE c OPTIONS ('storageLevel' 'DISK_ONLY') AS SELECT a FROM t",
      { kind: "cacheTable", table: ["c"], lazy: true, options: { storageLevel: "DISK_ONLY" }, query: selectAFromT },
    ],
    ["UNCACHE TABLE IF EXISTS t", { kind: "uncacheTable", table: ["t"], ifExists: true }],
    ["CLEAR CACHE", { kind: "clearCache" }],
  ])("%s", (sql, expected) => {
    expect(parsed(sql)).toEqual(expected);
  });

  it("EXPLAIN wraps any statement with its mode", () => {
    expect(parsed("EXPLAIN SELECT a FROM t")).toEqual({
      kind: "explain",
      mode: "simple",
      statement: { kind: "query", relation: selectAFromT },
    });
    expect(parsed("EXPLAIN FORMATTED DROP VIEW v")).toEqual({
      kind: "explain",
      mode: "formatted",
      statement: { kind: "dropView", name: ["v"], ifExists: false },
    });
  });

  it("reads keywords case-insensitively and skips comments", () => {
    expect(parsed("/* lead */ sHoW tAbLeS -- trailing")).toEqual({ kind: "showTables" });
  });

  it("names statements Spark has but this front end does not run", () => {
    const error = parseError(() => parseSql("ALTER TABLE t ADD COLUMN c INT"));
    expect(error.errorClass).toBe("UNSUPPORTED_FEATURE.SQL_SYNTAX");
    expect(error.message).toContain("ALTER statements");
    expect(parseError(() => parseSql("FROBNICATE t")).errorClass).toBe("PARSE_SYNTAX_ERROR");
  });

  it("names unsupported commands in the error", () => {
    const error = parseError(() => parseSql("SHOW PARTITIONS t"));
    expect(error.errorClass).toBe("UNSUPPORTED_FEATURE.SQL_SYNTAX");
    expect(error.message).toContain("SHOW PARTITIONS");
  });
});
