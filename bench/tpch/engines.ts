/**
 * The engines the benchmark compares, behind one shape: open once, run query n (1–22) returning rows, close.
 * sparkts runs the DataFrame queries (embedded engine local[N], or Spark over Connect); DuckDB runs the SQL
 * text over the same Parquet files.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { create } from "@bufbuild/protobuf";
import { DuckDBInstance } from "@duckdb/node-api";
import { RelationSchema } from "../../generated/proto/spark/connect/relations_pb.js";
import { LocalBackend } from "../../runtime/engine/local-backend.js";
import { DataFrame, SparkSession } from "../../runtime/index.js";
import { normalizeCell, type Rows } from "./answers.js";
import { QUERIES } from "./queries/index.js";
import { TABLE_NAMES, type TableName, type Tables } from "./queries/query-kit.js";

export interface Engine {
  readonly name: string;
  run(query: number): Promise<Rows>;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** A DataFrame over a table's Parquet directory (the Read.DataSource relation `spark.read.parquet` sends). */
function parquetTable(session: SparkSession, path: string): DataFrame {
  const relation = create(RelationSchema, {
    relType: { case: "read", value: { readType: { case: "dataSource", value: { format: "parquet", paths: [path] } } } },
  });
  return new DataFrame(session, relation);
}

async function sparktsEngine(name: string, session: SparkSession, dataDir: string): Promise<Engine> {
  const tables = Object.fromEntries(
    TABLE_NAMES.map((t: TableName) => [t, parquetTable(session, join(dataDir, t))]),
  ) as Tables;
  return {
    name,
    async run(query) {
      const build = QUERIES[query - 1];
      if (build === undefined) throw new Error(`no query ${query}`);
      const rows = await build(tables).collect();
      return rows.map((row) => row.values.map(normalizeCell));
    },
    close: () => session.stop(),
  };
}

export async function localEngine(threads: number, dataDir: string): Promise<Engine> {
  // Built on the backend directly: the session builder would prefer a SPARK_REMOTE from the environment.
  const session = new SparkSession(new LocalBackend({ master: `local[${threads}]` }));
  return sparktsEngine(`local[${threads}]`, session, dataDir);
}

export async function sparkEngine(remote: string, dataDir: string): Promise<Engine> {
  const session = await SparkSession.builder().remote(remote).create();
  return sparktsEngine("spark", session, dataDir);
}

export async function duckdbEngine(dataDir: string): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const table of TABLE_NAMES) {
    await connection.run(`create view ${table} as select * from read_parquet('${join(dataDir, table)}/*.parquet')`);
  }
  return {
    name: "duckdb",
    async run(query) {
      const sql = readFileSync(join(here, "sql", `q${String(query).padStart(2, "0")}.sql`), "utf8");
      const reader = await connection.runAndReadAll(sql);
      return reader.getRows().map((row) => row.map(normalizeCell));
    },
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
