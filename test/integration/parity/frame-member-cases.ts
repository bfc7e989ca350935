/**
 * Parity cases for DataFrame, Column, DataFrameNaFunctions and DataFrameStatFunctions members beyond the core
 * relational ones: statistics, sampling, printed text (show, printSchema, explain), metadata and writes (the
 * reshaping, subquery and observation members have their own file, frame-op-member-cases.ts). Printed text is
 * captured per call (AsyncLocalStorage), since both backends run a case at once.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as F from "../../../generated/functions/index.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, lit } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import type { MemberCase } from "./member-cases.js";
import { outcomeOf } from "./parity-fixture.js";

const RUN = Date.now().toString(36);
const json = (value: unknown): string => JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));

const printedLines = new AsyncLocalStorage<string[]>();
let capturing = false;
/** What `body` printed with console.log, kept apart from what the other backend prints meanwhile. */
async function printed(body: () => Promise<unknown>): Promise<string> {
  if (!capturing) {
    capturing = true;
    const consoleLog = console.log;
    console.log = (...args: unknown[]) => {
      const lines = printedLines.getStore();
      if (lines) lines.push(args.map(String).join(" "));
      else consoleLog(...args);
    };
  }
  const lines: string[] = [];
  await printedLines.run(lines, body);
  return lines.join("\n");
}

/** Runs `body` with a fresh directory, removed afterwards. */
async function withTempDir<R>(body: (dir: string) => Promise<R>): Promise<R> {
  const dir = mkdtempSync(join(tmpdir(), "sparkts-frame-case-"));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const numbers = (spark: SparkSession): DataFrame =>
  spark.range(0, 40).select(col("id"), col("id").mod(lit(3)).alias("k"));
const cols = (df: DataFrame, ...columns: ReturnType<typeof col>[]) =>
  outcomeOf(df.orderBy("id").select(col("id"), ...columns), true);
const nested = (df: DataFrame) =>
  df.select(
    col("id"),
    F.struct(col("i"), col("s")).alias("st"),
    F.array(col("i"), lit(7)).alias("arr"),
    F.create_map(lit("k"), col("s")).alias("m"),
  );

export const FRAME_MEMBER_CASES: Record<string, MemberCase> = {
  // Statistics on the DataFrame and through df.stat.
  "DataFrame.corr": async (df) => [await df.corr("i", "d"), await df.corr("id", "id")],
  "DataFrame.cov": async (df) => [await df.cov("i", "d"), await df.cov("id", "i")],
  "DataFrame.approxQuantile": async (df, spark) => [
    await df.approxQuantile("d", [0, 0.5, 1], 0),
    await numbers(spark).approxQuantile(["id", "k"], [0.1, 0.25, 0.9], 0.05),
  ],
  "DataFrame.crosstab": (df) => outcomeOf(df.crosstab("s", "i")),
  "DataFrame.freqItems": (_df, spark) => outcomeOf(numbers(spark).freqItems(["k"], 0.4)),
  "DataFrame.stat": async (df) => df.stat.corr("id", "d"),
  "DataFrameStatFunctions.corr": async (df) => df.stat.corr("id", "i"),
  "DataFrameStatFunctions.cov": async (df) => df.stat.cov("d", "id"),
  "DataFrameStatFunctions.approxQuantile": async (df) => df.stat.approxQuantile("i", [0.5], 0.1),
  "DataFrameStatFunctions.crosstab": (df) => outcomeOf(df.stat.crosstab("id", "s")),
  "DataFrameStatFunctions.freqItems": (df) => outcomeOf(df.stat.freqItems(["i", "s"])),
  // Sampling with a seed is deterministic on Spark; the engine must draw the same rows.
  "DataFrame.sample": (_df, spark) => outcomeOf(numbers(spark).sample(0.3, 7)),
  "DataFrame.randomSplit": async (_df, spark) =>
    Promise.all(
      numbers(spark)
        .randomSplit([1, 2], 11)
        .map((part) => outcomeOf(part)),
    ),
  "DataFrame.sampleBy": (_df, spark) =>
    outcomeOf(
      numbers(spark).sampleBy(
        "k",
        new Map([
          [0, 0.5],
          [1, 1],
        ]),
        5,
      ),
    ),
  "DataFrameStatFunctions.sampleBy": (_df, spark) =>
    outcomeOf(numbers(spark).stat.sampleBy(col("k"), new Map([[2, 0.4]]), 3)),
  // Replacement.
  "DataFrame.replace": (df) => outcomeOf(df.replace("abc", "xyz").replace(5, 50, ["i"])),
  "DataFrameNaFunctions.replace": (df) => outcomeOf(df.na.replace({ abc: "A", Ébc: "E" }, undefined, "s")),
  // Printed text.
  "DataFrame.show": async (df) => ({
    plain: await printed(() => df.orderBy("id").show()),
    narrow: await printed(() => df.orderBy("id").select("s", "dec", "padded").show(2, 3)),
    vertical: await printed(() => df.orderBy("id").select("id", "s").show(1, true, true)),
  }),
  "DataFrame.printSchema": async (df) => ({
    flat: await printed(() => df.printSchema()),
    nested: await printed(() => nested(df).printSchema()),
    level: await printed(() => nested(df).printSchema(1)),
  }),
  // Plan text differs by engine; what must agree is that explain ran and printed the sections of each mode.
  "DataFrame.explain": async (df) => {
    const sections = async (run: () => Promise<unknown>) =>
      (await printed(run)).split("\n").filter((line) => line.startsWith("== "));
    return {
      simple: await sections(() => df.where("id > 1").explain()),
      extended: await sections(() => df.where("id > 1").explain(true)),
    };
  },
  // Metadata about the plan.
  "DataFrame.isLocal": async (df, spark) => [await df.isLocal(), await spark.range(3).isLocal()],
  "DataFrame.isStreaming": async (df) => df.isStreaming,
  "DataFrame.sparkSession": async (df, spark) => df.sparkSession === spark,
  // Hashes differ by engine; what must hold is that equal plans hash alike and different plans do not.
  "DataFrame.semanticHash": async (df) => {
    const [a, b, c] = await Promise.all([
      df.select("id").semanticHash(),
      df.select("id").semanticHash(),
      df.select("s").semanticHash(),
    ]);
    return [Number.isInteger(a), a === b, a === c];
  },
  "DataFrame.inputFiles": (df, spark) =>
    withTempDir(async (dir) => {
      await df.select("id", "s").repartition(2).write.parquet(join(dir, "t"));
      const files = await spark.read.parquet(join(dir, "t")).inputFiles();
      return {
        empty: await df.inputFiles(),
        files: files.map(
          (f) => f.replace(/^file:(\/\/)?/, "").startsWith(join(dir, "t", "part-")) && f.endsWith(".parquet"),
        ),
      };
    }),
  "DataFrame.metadataColumn": (df, spark) =>
    withTempDir(async (dir) => {
      await df.select("id", "s").coalesce(1).write.parquet(join(dir, "m"));
      const read = spark.read.parquet(join(dir, "m"));
      const file = read.metadataColumn("_metadata");
      return outcomeOf(
        read.select(col("id"), file.getField("file_name").endswith(".parquet"), file.getField("file_size").gt(lit(0))),
      );
    }),
  // Reshaping.
  "DataFrame.hint": (df, spark) =>
    outcomeOf(df.select("id", "s").join(spark.range(2, 4).hint("broadcast"), "id").hint("repartition", 2)),
  "DataFrame.withWatermark": async (df) => ({
    kept: await outcomeOf(df.withWatermark("ts", "1 hour").select("id", "ts")),
    // On a batch DataFrame Spark drops the watermark before checking its column.
    unchecked: await outcomeOf(df.withWatermark("no_such_column", "2 minutes").select("id")),
  }),
  "DataFrame.dropDuplicatesWithinWatermark": (df) => outcomeOf(df.dropDuplicatesWithinWatermark(["s"])),
  "DataFrame.toArrow": async (df) => {
    const table = await df.orderBy("id").select("id", "s", "d").toArrow();
    return { fields: table.schema.fields.map((f) => `${f.name}:${f.type}`), rows: json(table.toArray()) };
  },
  // Server state.
  "DataFrame.registerTempTable": async (df, spark) => {
    await df.select("id", "s").registerTempTable("sparkts_local_frame_registered");
    return outcomeOf(spark.table("sparkts_local_frame_registered"));
  },
  "DataFrame.localCheckpoint": async (df) => ({
    eager: await outcomeOf(await df.where("id > 1").localCheckpoint()),
    lazy: await outcomeOf((await df.select("id", "i").localCheckpoint(false)).where("i > 0").select("id")),
  }),
  // The checkpointed DataFrame is a new plan: later queries build on the read-back rows.
  "DataFrame.checkpoint": async (df) => {
    const saved = await df.select("id", "s", "dec").checkpoint();
    return {
      rows: await outcomeOf(saved),
      further: await outcomeOf(saved.groupBy(col("s").isNull().alias("n")).agg(F.sum("dec"), F.count("id"))),
      lazy: await outcomeOf(await df.where("id < 3").checkpoint(false)),
    };
  },
  "DataFrame.executionInfo": async (df) => {
    const frame = df.select("id");
    const before = frame.executionInfo;
    await frame.collect();
    const info = frame.executionInfo;
    return {
      before: before === undefined,
      after: info !== undefined,
      observations: info?.observations.length,
      metrics: info?.metrics.length,
    };
  },
  // Writes.
  "DataFrame.write": (df, spark) =>
    withTempDir(async (dir) => {
      await df.select("id", "s", "dt", "dec").write.mode("overwrite").parquet(join(dir, "w"));
      return outcomeOf(spark.read.parquet(join(dir, "w")));
    }),
  "DataFrame.writeTo": async (df, spark) => {
    const name = `sparkts_local_frame_writeto_${RUN}`;
    await df.select("id", "s").writeTo(name).using("parquet").createOrReplace();
    try {
      return await outcomeOf(spark.table(name));
    } finally {
      await (await spark.sql(`DROP TABLE IF EXISTS ${name}`)).collect();
    }
  },
  // Columns.
  "Column.getField": (df) => cols(nested(df), col("st").getField("s"), col("st").getField("i")),
  "Column.getItem": (df) => cols(nested(df), col("arr").getItem(0), col("arr").getItem(5), col("m").getItem("k")),
  "Column.outer": async (df, spark) => {
    // Correlated subqueries: rows of `o` with a row of `df` of the same i, and per row the count of those.
    const outer = df.select("id", "i").alias("o");
    const sameI = df.alias("x").where(col("x.i").eq(col("o.i").outer()));
    return {
      lateral: await outcomeOf(
        df
          .select("id", F.array(col("i"), lit(2)).alias("arr"))
          .lateralJoin(spark.tvf.explode_outer(col("arr").outer()), undefined, "left"),
      ),
      exists: await outcomeOf(outer.where(sameI.where(col("x.id").ne(col("o.id").outer())).exists())),
      scalar: await outcomeOf(
        outer.select(
          "id",
          sameI
            .select(F.count(lit(1)))
            .scalar()
            .alias("n"),
        ),
      ),
    };
  },
};
