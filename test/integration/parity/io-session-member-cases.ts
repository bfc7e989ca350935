/**
 * Parity cases for the members of DataFrameReader, DataFrameWriter, DataFrameWriterV2, SparkSession and Catalog.
 * Both backends share this machine's file system, so a case writes its own input files (or its output) under a
 * fresh temporary directory and compares what was read back, or the written files' lines. Part-file names carry
 * a random id on either side, so written output is compared as the sorted lines of all part files, keyed by the
 * partition directories they sit in.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Int32, Table, Utf8, vectorFromArray } from "apache-arrow";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, lit } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import type { MemberCase } from "./member-cases.js";
import { outcomeOf } from "./parity-fixture.js";
import { settled } from "./settled-outcome.js";

/** Runs `body` with a fresh temporary directory, removed afterwards. */
async function inTempDir<R>(body: (dir: string) => Promise<R>): Promise<R> {
  const dir = mkdtempSync(join(tmpdir(), "sparkts-io-parity-"));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes `files` (name → content) into a fresh directory and runs `body` on it. */
function withFiles<R>(files: Record<string, string>, body: (dir: string) => Promise<R>): Promise<R> {
  return inTempDir((dir) => {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return body(dir);
  });
}

/** The data lines of every part file under `dir`, grouped by the directory (partition) they are in, sorted. */
function writtenLines(dir: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.startsWith("part-")) {
        const key = relative(dir, at) || ".";
        const lines = readFileSync(path, "utf8")
          .split("\n")
          .filter((line) => line !== "");
        out[key] = [...(out[key] ?? []), ...lines].sort();
      }
    }
  };
  walk(dir);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** Whether a Spark `_SUCCESS` marker was written, as both writers do after a completed job. */
const succeeded = (dir: string): boolean => readdirSync(dir).includes("_SUCCESS");

/** The fixture columns whose text form is the same in any time zone. */
const plain = (df: DataFrame): DataFrame => df.select("id", "i", "d", "s", "dt", "dec");

const PEOPLE_CSV = 'name,age,joined\nAda,36,2020-01-02\n"Lin, B",,2021-12-31\nŽofie,7,\n';
const FLAT_JSON = '{"name":"Ada","age":36,"score":1.5}\n{"name":"Lin","age":null}\n{"name":"Žofie","ok":true}\n';
/** Arrays and objects, which Spark infers as array and struct columns. */
const PEOPLE_JSON =
  '{"name":"Ada","age":36,"tags":["x","y"]}\n{"name":"Lin","age":null}\n{"name":"Žofie","nested":{"a":1.5}}\n';

/** Inference corners: empty arrays and structs, merged element types, type conflicts, spacing kept in text. */
const NESTED_JSON = [
  '{"a":[],"b":{},"c":[1,2.5],"d":[{"x":1},{"y":"s"}],"e":{"p":1},"f":[1],"g":{"q":null},"h":[null],"i":[[1],[2,3]]}',
  '{"a":null,"b":{"z":1},"c":[null],"d":[],"e":"str","f":{"k":1},"g":{"q":true},"h":[],"i":[]}',
  '{"e": {"p": 2, "r": [1, 2]}, "j": {"m": {}}, "n": 1.50, "o": 99999999999999999999}',
  '[{"a":["x"]},{"b":{"z":2}}]',
  "5",
  "{'single': 'quoted'}",
].join("\n");

const RUN = Date.now().toString(36);
const tableName = (base: string): string => `sparkts_local_io_${base}_${RUN}`;

async function runSql(spark: SparkSession, text: string): Promise<unknown[]> {
  return (await spark.sql(text)).collect();
}

/** Runs `body` with a table name, dropping the table before and after. */
async function withTableName<R>(spark: SparkSession, base: string, body: (name: string) => Promise<R>): Promise<R> {
  const name = tableName(base);
  await runSql(spark, `DROP TABLE IF EXISTS ${name}`);
  try {
    return await body(name);
  } finally {
    await runSql(spark, `DROP TABLE IF EXISTS ${name}`);
  }
}

/** The rows of `DESCRIBE TABLE EXTENDED` that say how a table is stored, without its path or creation time. */
async function describedAs(spark: SparkSession, name: string): Promise<unknown> {
  const keep = new Set([
    "Provider",
    "Table Properties",
    "Type",
    "# Partition Information",
    "# Clustering Information",
    "Partition Provider",
  ]);
  const rows = (await runSql(spark, `DESCRIBE TABLE EXTENDED ${name}`)) as { col_name: string; data_type: string }[];
  return rows.filter((row) => keep.has(row.col_name)).map((row) => `${row.col_name}=${row.data_type}`);
}

export const IO_SESSION_MEMBER_CASES: Record<string, MemberCase> = {
  // DataFrameReader: files the case writes itself, read with inferred or given schemas and options.
  "DataFrameReader.csv": (_df, spark) =>
    withFiles({ "people.csv": PEOPLE_CSV }, async (dir) => ({
      inferred: await outcomeOf(
        spark.read.csv(
          join(dir, "people.csv"),
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          true,
          true,
        ),
      ),
      strings: await outcomeOf(spark.read.csv(join(dir, "people.csv"))),
    })),
  "DataFrameReader.json": (_df, spark) =>
    withFiles({ "people.json": PEOPLE_JSON, "nested.json": NESTED_JSON }, async (dir) => {
      const nested = join(dir, "nested.json");
      return {
        inferred: await outcomeOf(spark.read.json(join(dir, "people.json"))),
        given: await outcomeOf(spark.read.json(join(dir, "people.json"), "name string, age long")),
        nested: await outcomeOf(spark.read.json(nested)),
        nestedAsText: await outcomeOf(spark.read.json(nested, "e string, i string, n string, o string, c string")),
        nestedGiven: await outcomeOf(
          spark.read.json(nested, "e struct<p:long>, d array<struct<x:long>>, f array<long>, b map<string,int>"),
        ),
        primitivesAsString: await outcomeOf(spark.read.json(nested, undefined, true)),
        prefersDecimal: await outcomeOf(spark.read.json(nested, undefined, undefined, true)),
      };
    }),
  "DataFrameReader.text": (_df, spark) =>
    withFiles({ "a.txt": "one\ntwo\n\nfour", "b.txt": "x;y;z" }, async (dir) => ({
      lines: await outcomeOf(spark.read.text(join(dir, "a.txt"))),
      sep: await outcomeOf(spark.read.text(join(dir, "b.txt"), false, ";")),
    })),
  "DataFrameReader.parquet": (df, spark) =>
    inTempDir(async (dir) => {
      const path = join(dir, "p");
      await plain(df).write.parquet(path);
      return outcomeOf(spark.read.parquet(path));
    }),
  "DataFrameReader.format": (_df, spark) =>
    withFiles({ "people.json": FLAT_JSON }, (dir) =>
      outcomeOf(spark.read.format("json").load(join(dir, "people.json"))),
    ),
  "DataFrameReader.load": (_df, spark) =>
    withFiles({ "a.csv": "1,x\n2,y\n" }, async (dir) => ({
      csv: await outcomeOf(spark.read.load(join(dir, "a.csv"), "csv", "n int, t string")),
      missing: await settled(() => spark.read.load(join(dir, "nope.csv"), "csv").collect()),
    })),
  "DataFrameReader.option": (_df, spark) =>
    withFiles({ "a.csv": "n|t\n1|NA\n2|y\n" }, (dir) =>
      outcomeOf(
        spark.read
          .option("header", true)
          .option("sep", "|")
          .option("nullValue", "NA")
          .option("inferSchema", "true")
          .csv(join(dir, "a.csv")),
      ),
    ),
  "DataFrameReader.options": (_df, spark) =>
    withFiles({ "a.csv": "n;when\n1;02/01/2020\n" }, (dir) =>
      outcomeOf(
        spark.read
          .options({ header: true, sep: ";", dateFormat: "dd/MM/yyyy" })
          .schema("n int, when date")
          .csv(join(dir, "a.csv")),
      ),
    ),
  "DataFrameReader.schema": (_df, spark) =>
    withFiles({ "people.csv": PEOPLE_CSV }, (dir) =>
      outcomeOf(
        spark.read.schema("name string, age int, joined date").option("header", true).csv(join(dir, "people.csv")),
      ),
    ),

  // DataFrameWriter: the written part files' lines, and what the same backend reads back.
  "DataFrameWriter.csv": (df) =>
    inTempDir(async (dir) => {
      await plain(df).write.csv(join(dir, "out"), undefined, undefined, undefined, undefined, undefined, true);
      const nested = await settled(() => df.select("id", "st").write.csv(join(dir, "nested")));
      return { lines: writtenLines(join(dir, "out")), nested };
    }),
  // Every fixture column, nested ones included: Spark's JSON generator writes them all.
  "DataFrameWriter.json": (df) =>
    inTempDir(async (dir) => {
      await df.write.json(join(dir, "out"));
      return writtenLines(join(dir, "out"));
    }),
  "DataFrameWriter.text": (df) =>
    inTempDir(async (dir) => {
      await df.select(col("s")).where("s IS NOT NULL").write.text(join(dir, "out"));
      const intColumn = await settled(() => df.select("id").write.text(join(dir, "bad")));
      return { lines: writtenLines(join(dir, "out")), intColumn };
    }),
  // Parquet is binary: what the same backend reads back, and that the job completed.
  "DataFrameWriter.parquet": (df, spark) =>
    inTempDir(async (dir) => {
      const path = join(dir, "out");
      // Every fixture column: nested ones (arrays, maps, structs) must round-trip too.
      await df.write.parquet(path, undefined, undefined, "gzip");
      return { success: succeeded(path), readBack: await outcomeOf(spark.read.parquet(path)) };
    }),
  "DataFrameWriter.format": (df) =>
    inTempDir(async (dir) => {
      await plain(df).write.format("json").save(join(dir, "out"));
      return writtenLines(join(dir, "out"));
    }),
  "DataFrameWriter.save": (df, spark) =>
    inTempDir(async (dir) => {
      const path = join(dir, "out");
      await plain(df).write.save(path, "csv");
      const again = await settled(() => plain(df).write.save(path, "csv"));
      return {
        again,
        lines: writtenLines(path),
        read: await outcomeOf(
          spark.read.schema("id int, i int, d double, s string, dt date, dec decimal(10,2)").csv(path),
        ),
      };
    }),
  "DataFrameWriter.mode": (df) =>
    inTempDir(async (dir) => {
      const path = join(dir, "out");
      await df.select("id").write.mode("error").json(path);
      const error = await settled(() => df.select("s").write.mode("errorifexists").json(path));
      await df.select("s").write.mode("ignore").json(path);
      const ignored = writtenLines(path);
      await df.select("id").where("id < 3").write.mode("append").json(path);
      const appended = writtenLines(path);
      await df.select("i").write.mode("overwrite").json(path);
      const bad = await settled(async () => df.write.mode("sideways"));
      return { error, ignored, appended, overwritten: writtenLines(path), bad };
    }),
  "DataFrameWriter.option": (df) =>
    inTempDir(async (dir) => {
      await df
        .select("id", "s")
        .write.option("sep", "|")
        .option("header", true)
        .option("nullValue", "NULL")
        .csv(join(dir, "out"));
      return writtenLines(join(dir, "out"));
    }),
  "DataFrameWriter.options": (df) =>
    inTempDir(async (dir) => {
      await df.select("id", "s").write.options({ ignoreNullFields: false }).json(join(dir, "out"));
      return writtenLines(join(dir, "out"));
    }),
  "DataFrameWriter.partitionBy": (df, spark) =>
    inTempDir(async (dir) => {
      const path = join(dir, "out");
      await df
        .select(col("id"), col("s"), col("id").mod(lit(2)).alias("odd"))
        .write.partitionBy("odd")
        .json(path);
      return { lines: writtenLines(path), read: await outcomeOf(spark.read.json(path)) };
    }),

  // SparkSession
  "SparkSession.range": (_df, spark) =>
    Promise.all([
      outcomeOf(spark.range(5), true),
      outcomeOf(spark.range(10, 0, -3), true),
      outcomeOf(spark.range(2, 4, 1, 3), true),
    ]),
  "SparkSession.sql": async (_df, spark) => ({
    query: await outcomeOf(await spark.sql("SELECT 1 AS one, 'x' || ? AS s", ["y"]), true),
    named: await outcomeOf(await spark.sql("SELECT :n + 1 AS n", { n: 41 }), true),
    bad: await settled(async () => (await spark.sql("SELEC 1")).collect()),
    formatted: await outcomeOf(
      await spark.sql("SELECT id, {c} FROM {t} WHERE id > {lo} AND s <> {text}", null, {
        t: spark.range(3).select(col("id"), lit("a'b").alias("s")),
        c: col("s"),
        lo: 0,
        text: "x",
      }),
    ),
  }),
  "SparkSession.read": (_df, spark) =>
    withFiles({ "a.txt": "hello\n" }, (dir) => outcomeOf(spark.read.text(join(dir, "a.txt")))),
  "SparkSession.version": async (_df, spark) => spark.version,
  "SparkSession.conf": async (_df, spark) => {
    const key = "spark.sql.session.timeZone";
    const before = await spark.conf.get(key);
    try {
      await spark.conf.set(key, "Asia/Tokyo");
      return {
        set: await spark.conf.get(key),
        missing: await spark.conf.get("spark.sparkts.no.such.key", "fallback"),
        shuffle: await spark.conf.get("spark.sql.shuffle.partitions"),
      };
    } finally {
      await spark.conf.set(key, before ?? "UTC");
    }
  },
  "SparkSession.catalog": async (_df, spark) => ({
    database: await spark.catalog.currentDatabase(),
    catalog: await spark.catalog.currentCatalog(),
  }),
  "SparkSession.createDataFrame": async (_df, spark) => ({
    rows: await outcomeOf(
      spark.createDataFrame(
        [
          { a: 1, b: "x" },
          { a: null, b: "y" },
        ],
        "a long, b string",
      ),
    ),
    arrays: await outcomeOf(
      spark.createDataFrame(
        [
          [1, true],
          [2, false],
        ],
        ["n", "flag"],
      ),
    ),
    empty: await outcomeOf(spark.createDataFrame([], "a int")),
    arrow: await outcomeOf(
      spark.createDataFrame(
        new Table({ n: vectorFromArray([1, null, 3], new Int32()), t: vectorFromArray(["x", "y", null], new Utf8()) }),
      ),
    ),
  }),
  "SparkSession.tvf": async (_df, spark) => outcomeOf(spark.tvf.range(3)),
  "SparkSession.addTag": async (_df, spark) => {
    spark.addTag("parity-a");
    try {
      return { tags: spark.getTags(), bad: await settled(async () => spark.addTag("has,comma")) };
    } finally {
      spark.clearTags();
    }
  },
  "SparkSession.getTags": async (_df, spark) => {
    spark.addTag("parity-b");
    spark.addTag("parity-c");
    spark.addTag("parity-b");
    try {
      return spark.getTags().sort();
    } finally {
      spark.clearTags();
    }
  },
  "SparkSession.removeTag": async (_df, spark) => {
    spark.addTag("parity-d");
    spark.addTag("parity-e");
    spark.removeTag("parity-d");
    try {
      return spark.getTags();
    } finally {
      spark.clearTags();
    }
  },
  "SparkSession.clearTags": async (_df, spark) => {
    spark.addTag("parity-f");
    spark.clearTags();
    return spark.getTags();
  },
  // Nothing runs while these are called, so each interrupts no operation.
  "SparkSession.interruptAll": async (_df, spark) => spark.interruptAll(),
  "SparkSession.interruptTag": async (_df, spark) => spark.interruptTag("parity-nothing-runs"),
  "SparkSession.interruptOperation": async (_df, spark) =>
    spark.interruptOperation("00000000-0000-0000-0000-000000000000"),
  "SparkSession.is_stopped": async (_df, spark) => spark.is_stopped,
  // Ids are random on either side; both are UUIDs.
  "SparkSession.session_id": async (_df, spark) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(spark.session_id),
  // DataFrameWriterV2: the table it made, by its rows and by how DESCRIBE says it is stored.
  // Which source wrote the files shows in what it refuses: text takes one string column; an unknown source fails.
  "DataFrameWriterV2.using": (df, spark) =>
    withTableName(spark, "v2using", async (name) => {
      await df.select("id", "s").writeTo(name).using("json").create();
      const rows = await outcomeOf(spark.table(name));
      await runSql(spark, `DROP TABLE ${name}`);
      const textTwoColumns = await settled(() => df.select("id", "s").writeTo(name).using("text").create());
      await runSql(spark, `DROP TABLE IF EXISTS ${name}`);
      const unknown = await settled(() => df.select("id").writeTo(name).using("sparkts_no_such_source").create());
      return { rows, textTwoColumns, unknown };
    }),
  "DataFrameWriterV2.tableProperty": (df, spark) =>
    withTableName(spark, "v2prop", async (name) => {
      await df.select("id").writeTo(name).tableProperty("sparkts.note", "kept").create();
      return { properties: await outcomeOf(await spark.sql(`SHOW TBLPROPERTIES ${name} ('sparkts.note')`)) };
    }),
  "DataFrameWriterV2.partitionedBy": (df, spark) =>
    withTableName(spark, "v2part", async (name) => {
      await df
        .select("id", "s", col("id").mod(lit(2)).alias("odd"))
        .writeTo(name)
        .partitionedBy("odd")
        .create();
      return {
        described: await describedAs(spark, name),
        columns: await spark.catalog.listColumns(name),
        rows: await outcomeOf(spark.table(name)),
      };
    }),
  "DataFrameWriterV2.option": (df, spark) =>
    withTableName(spark, "v2opt", async (name) => {
      await df.select("id", "s").writeTo(name).using("csv").option("sep", "|").create();
      return outcomeOf(spark.table(name));
    }),
  "DataFrameWriterV2.options": (df, spark) =>
    withTableName(spark, "v2opts", async (name) => {
      await df.select("id", "s").writeTo(name).using("csv").options({ sep: ";", header: "false" }).create();
      return outcomeOf(spark.table(name));
    }),
  "DataFrameWriterV2.overwrite": (df, spark) =>
    withTableName(spark, "v2over", async (name) => {
      await df.select("id", "s").writeTo(name).create();
      await df
        .select(col("id").plus(lit(10)).alias("id"), col("s"))
        .writeTo(name)
        .overwrite(col("id").gt(lit(2)));
      return outcomeOf(spark.table(name));
    }),
  "DataFrameWriter.clusterBy": (df, spark) =>
    withTableName(spark, "v1cluster", async (name) => {
      await df.select("id", "s").write.clusterBy("s", "id").saveAsTable(name);
      const rowsOf = async (text: string) => (await runSql(spark, text)).map((row) => JSON.stringify(row));
      return {
        described: await rowsOf(`DESCRIBE TABLE ${name}`),
        properties: await rowsOf(`SHOW TBLPROPERTIES ${name}`),
      };
    }),
  "DataFrameWriterV2.clusterBy": (df, spark) =>
    withTableName(spark, "v2cluster", async (name) => {
      await df.select("id", "s").writeTo(name).clusterBy("id").create();
      return { described: await describedAs(spark, name), rows: await outcomeOf(spark.table(name)) };
    }),

  // Catalog
  "Catalog.listCatalogs": async (_df, spark) => ({
    all: await spark.catalog.listCatalogs(),
    matching: await spark.catalog.listCatalogs("spark*"),
    none: await spark.catalog.listCatalogs("nothing*"),
  }),
  "Catalog.setCurrentCatalog": async (_df, spark) => {
    await spark.catalog.setCurrentCatalog("spark_catalog");
    return {
      current: await spark.catalog.currentCatalog(),
      missing: await spark.catalog.setCurrentCatalog("sparkts_no_such_catalog").then(
        () => "set",
        (error: Error) => ({ kind: error.constructor.name, message: error.message }),
      ),
    };
  },
  "Catalog.functionExists": async (_df, spark) => ({
    builtin: await spark.catalog.functionExists("upper"),
    qualified: await spark.catalog.functionExists("abs", "default"),
    missing: await spark.catalog.functionExists("sparkts_no_such_function"),
  }),
  "Catalog.getFunction": async (_df, spark) => ({
    builtin: await spark.catalog.getFunction("upper"),
    missing: await settled(() => spark.catalog.getFunction("sparkts_no_such_function")),
  }),
  "Catalog.listFunctions": async (_df, spark) => ({
    matching: await spark.catalog.listFunctions(undefined, "array_s*"),
    count: (await spark.catalog.listFunctions()).length,
  }),
  // The engine discovers partition directories on every read, so recovering them changes nothing it answers.
  "Catalog.recoverPartitions": (df, spark) =>
    withTableName(spark, "recover", async (name) => {
      const failure = (error: Error) => ({ kind: error.constructor.name, message: error.message });
      await df.select("id", "s").write.saveAsTable(name);
      const flat = await spark.catalog.recoverPartitions(name).then(() => "recovered", failure);
      await df
        .select("id", "s", col("id").mod(lit(2)).alias("odd"))
        .write.mode("overwrite")
        .partitionBy("odd")
        .saveAsTable(name);
      const partitioned = await spark.catalog.recoverPartitions(name).then(() => "recovered", failure);
      const missing = await settled(() => spark.catalog.recoverPartitions(tableName("missing")));
      return { flat, partitioned, missing, rows: await outcomeOf(spark.table(name)) };
    }),
  "Catalog.refreshByPath": (df, spark) =>
    inTempDir(async (dir) => {
      const path = join(dir, "data");
      await df.select("id").write.parquet(path);
      const cached = await spark.read.parquet(path).where("id > 1").cache();
      try {
        const before = await outcomeOf(cached);
        await df
          .select(col("id").plus(lit(100)).alias("id"))
          .write.mode("overwrite")
          .parquet(path);
        await spark.catalog.refreshByPath(path);
        return { before, after: await outcomeOf(spark.read.parquet(path).where("id > 1")) };
      } finally {
        await cached.unpersist();
      }
    }),
};
