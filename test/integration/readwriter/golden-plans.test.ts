/**
 * The plans our reader and writers send equal the ones PySpark 4.1.1 sends for the same calls: the Read
 * relation with its options encoded as text (booleans as true/false, numbers as digits), and the WriteOperation,
 * WriteOperationV2 and MergeIntoTableCommand commands. PySpark's commands are captured without running them; ours
 * run for real (writes into temp dirs, table commands against missing tables, which fail after being sent).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toJson } from "@bufbuild/protobuf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucket, days } from "../../../generated/functions/partition-transform.js";
import { PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, expr, lit } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { LongType, StringType, StructField, StructType } from "../../../runtime/types/index.js";
import { type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { sparkRemote } from "../../support/session-url.js";
import { normalisePlanJson, planJson, pysparkPlanJson } from "../api/fixture.js";
import { RecordingBackend } from "../api/recording-backend.js";

type Json = Parameters<typeof normalisePlanJson>[0];

const dir = mkdtempSync(join(tmpdir(), "sparkts-golden-rw-"));
const missing = `sparkts_missing_${Math.random().toString(36).slice(2, 10)}`;
const path = (name: string) => join(dir, name);

/** A reader case: PySpark builds `python` (a DataFrame expression), we build `ts`. */
const READS: Record<string, { python: string; ts: (spark: SparkSession) => DataFrame }> = {
  csvOptions: {
    python: `spark.read.csv(["${path("a")}", "${path("b")}"], schema="a INT, b STRING", sep=";", header=True, inferSchema=False, maxColumns=12, samplingRatio=0.5, mode="DROPMALFORMED")`,
    ts: (spark) =>
      spark.read.csv(
        [path("a"), path("b")],
        "a INT, b STRING",
        ";",
        undefined,
        undefined,
        undefined,
        undefined,
        true,
        false,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        12,
        undefined,
        undefined,
        "DROPMALFORMED",
        undefined,
        undefined,
        undefined,
        0.5,
      ),
  },
  jsonStructSchema: {
    python: `spark.read.json("${path("j")}", schema=T.StructType([T.StructField("id", T.LongType()), T.StructField("s", T.StringType(), False)]), multiLine=True, allowComments="true")`,
    ts: (spark) =>
      spark.read.json(
        path("j"),
        new StructType([new StructField("id", new LongType()), new StructField("s", new StringType(), false)]),
        undefined,
        undefined,
        "true",
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        true,
      ),
  },
  formatLoad: {
    python: `spark.read.format("parquet").option("mergeSchema", True).options(n=3, x=None).load(["${path("p")}"])`,
    ts: (spark) =>
      spark.read
        .format("parquet")
        .option("mergeSchema", true)
        .options({ n: 3, x: null })
        .load([path("p")]),
  },
  parquetPaths: {
    python: `spark.read.option("recursiveFileLookup", False).parquet("${path("p1")}", "${path("p2")}")`,
    ts: (spark) => spark.read.option("recursiveFileLookup", false).parquet(path("p1"), path("p2")),
  },
  orcText: {
    python: `spark.read.orc("${path("o")}", mergeSchema=True)`,
    ts: (spark) => spark.read.orc(path("o"), true),
  },
  text: {
    python: `spark.read.text("${path("t")}", wholetext=True, lineSep=";")`,
    ts: (spark) => spark.read.text(path("t"), true, ";"),
  },
  textDefault: {
    python: `spark.read.text(["${path("t")}"])`,
    ts: (spark) => spark.read.text([path("t")]),
  },
  xml: {
    python: `spark.read.xml("${path("x")}", rowTag="book", inferSchema=True)`,
    ts: (spark) =>
      spark.read.xml(
        path("x"),
        "book",
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        true,
      ),
  },
  tableWithOptions: {
    python: `spark.read.option("k", 1).table("some_db.some_table")`,
    ts: (spark) => spark.read.option("k", 1).table("some_db.some_table"),
  },
  jdbcPartitioned: {
    python: `spark.read.jdbc("jdbc:h2:mem:x", "people", column="id", lowerBound=0, upperBound=100, numPartitions=4, properties={"user": "sa"})`,
    ts: (spark) => spark.read.jdbc("jdbc:h2:mem:x", "people", "id", 0, 100, 4, undefined, { user: "sa" }),
  },
  jdbcPredicates: {
    python: `spark.read.jdbc("jdbc:h2:mem:x", "people", predicates=["id < 10", "id >= 10"])`,
    ts: (spark) =>
      spark.read.jdbc("jdbc:h2:mem:x", "people", undefined, undefined, undefined, undefined, ["id < 10", "id >= 10"]),
  },
};

/** A writer case: PySpark's command is recorded, ours is sent (and may fail on the server, after recording). */
const WRITES: Record<string, { python: string; ts: (df: DataFrame) => Promise<void> }> = {
  saveWithEverything: {
    python: `df.write.format("parquet").mode("overwrite").option("compression", "snappy").option("flag", False).partitionBy("p").save("${path("w1")}")`,
    ts: (df) =>
      df.write
        .format("parquet")
        .mode("overwrite")
        .option("compression", "snappy")
        .option("flag", false)
        .partitionBy("p")
        .save(path("w1")),
  },
  csvShortcut: {
    python: `df.write.csv("${path("w2")}", mode="append", header=True, sep="|", quoteAll=False)`,
    ts: (df) =>
      df.write.csv(path("w2"), "append", undefined, "|", undefined, undefined, true, undefined, undefined, false),
  },
  jsonShortcut: {
    python: `df.write.json("${path("w3")}", mode="ignore", ignoreNullFields=False)`,
    ts: (df) => df.write.json(path("w3"), "ignore", undefined, undefined, undefined, undefined, undefined, false),
  },
  parquetPartitioned: {
    python: `df.write.parquet("${path("w4")}", mode="error", partitionBy=["p"], compression="gzip")`,
    ts: (df) => df.write.parquet(path("w4"), "error", ["p"], "gzip"),
  },
  orcShortcut: {
    python: `df.write.orc("${path("w5")}", mode="overwrite", partitionBy="p")`,
    ts: (df) => df.write.orc(path("w5"), "overwrite", "p"),
  },
  textShortcut: {
    python: `df.select("s").write.text("${path("w6")}", lineSep=";")`,
    ts: (df) => df.select("s").write.text(path("w6"), undefined, ";"),
  },
  saveAsTableBucketed: {
    python: `df.write.bucketBy(4, "id", "p").sortBy(["id"]).saveAsTable("${missing}.t", format="parquet", mode="append")`,
    ts: (df) => df.write.bucketBy(4, "id", "p").sortBy(["id"]).saveAsTable(`${missing}.t`, "parquet", "append"),
  },
  insertIntoOverwrite: {
    python: `df.write.insertInto("${missing}", overwrite=True)`,
    ts: (df) => df.write.insertInto(missing, true),
  },
  clusterBy: {
    python: `df.write.clusterBy("id", "p").saveAsTable("${missing}.c")`,
    ts: (df) => df.write.clusterBy("id", "p").saveAsTable(`${missing}.c`),
  },
  v2Create: {
    python: `df.writeTo("${missing}.v").using("parquet").option("o", True).tableProperty("k", "v").partitionedBy(F.days("ts"), F.bucket(3, "id"), "p").create()`,
    ts: (df) =>
      df
        .writeTo(`${missing}.v`)
        .using("parquet")
        .option("o", true)
        .tableProperty("k", "v")
        .partitionedBy(days("ts"), bucket(3, "id"), "p")
        .create(),
  },
  v2OverwriteCondition: {
    python: `df.writeTo("${missing}").overwrite(F.col("id") > 2)`,
    ts: (df) => df.writeTo(missing).overwrite(col("id").gt(2)),
  },
  v2Others: {
    python: `[f() for f in [df.writeTo("${missing}").append, df.writeTo("${missing}").overwritePartitions, df.writeTo("${missing}").clusterBy("id").replace, df.writeTo("${missing}").createOrReplace]]`,
    ts: async (df) => {
      const attempts = [
        () => df.writeTo(missing).append(),
        () => df.writeTo(missing).overwritePartitions(),
        () => df.writeTo(missing).clusterBy("id").replace(),
        () => df.writeTo(missing).createOrReplace(),
      ];
      for (const attempt of attempts) await attempt().catch(() => undefined);
    },
  },
  mergeEveryClause: {
    python: [
      `df.alias("s").mergeInto("${missing}", F.expr("s.id = ${missing}.id"))`,
      `.whenMatched(F.col("s.p") == "x").update({"p": F.lit("y"), "id": F.col("s.id")}).whenMatched().updateAll().whenMatched(F.lit(False)).delete()`,
      `.whenNotMatched(F.col("s.id") > 1).insert({"id": F.col("s.id")}).whenNotMatched().insertAll()`,
      `.whenNotMatchedBySource(F.lit(True)).update({"p": F.lit("gone")}).whenNotMatchedBySource().delete()`,
      ".withSchemaEvolution().merge()",
    ].join(""),
    ts: (df) =>
      df
        .alias("s")
        .mergeInto(missing, expr(`s.id = ${missing}.id`))
        .whenMatched(col("s.p").eq("x"))
        .update({ p: lit("y"), id: col("s.id") })
        .whenMatched()
        .updateAll()
        .whenMatched(lit(false))
        .delete()
        .whenNotMatched(col("s.id").gt(1))
        .insert({ id: col("s.id") })
        .whenNotMatched()
        .insertAll()
        .whenNotMatchedBySource(lit(true))
        .update({ p: lit("gone") })
        .whenNotMatchedBySource()
        .delete()
        .withSchemaEvolution()
        .merge(),
  },
};

const SOURCE_PY = `spark.range(3).selectExpr("id", "cast(id as string) as s", "'a' as p", "timestamp'2024-01-01 00:00:00' as ts")`;
const sourceTs = (spark: SparkSession) =>
  spark.range(3).selectExpr("id", "cast(id as string) as s", "'a' as p", "timestamp'2024-01-01 00:00:00' as ts");

describe("reader and writer plans match PySpark's", () => {
  let golden: Record<string, PySparkJson>;
  let spark: SparkSession;
  let recorder: RecordingBackend;

  beforeAll(async () => {
    const readLines = Object.entries(READS).map(
      ([name, c]) => `emit(${JSON.stringify(name)}, MessageToJson((${c.python})._plan.to_proto(spark.client)))`,
    );
    const writeLines = Object.entries(WRITES).flatMap(([name, c]) => [
      "sent.clear()",
      c.python,
      `emit(${JSON.stringify(name)}, [MessageToJson(cmd) for cmd in sent])`,
    ]);
    golden = await runPySpark(
      [
        "from google.protobuf.json_format import MessageToJson",
        ...readLines,
        "sent = []",
        "def recording(cmd, *args, **kwargs):",
        "    sent.append(cmd)",
        "    return (None, {}, None)",
        "spark.client.execute_command = recording",
        `df = ${SOURCE_PY}`,
        ...writeLines,
      ].join("\n"),
    );
    recorder = new RecordingBackend(await RemoteBackend.connect(sparkRemote()));
    spark = new SparkSession(recorder);
  });

  afterAll(async () => {
    await spark?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, c] of Object.entries(READS)) {
    it(`read ${name}: ${c.python}`, () => {
      expect(planJson(c.ts(spark))).toEqual(pysparkPlanJson(golden[name]));
    });
  }

  for (const [name, c] of Object.entries(WRITES)) {
    it(`write ${name}`, async () => {
      recorder.executed.length = 0;
      await c.ts(sourceTs(spark)).catch(() => undefined);
      const ours = recorder.executed.map((plan) =>
        normalisePlanJson((toJson(PlanSchema, plan) as { command: Json }).command),
      );
      const theirs = (golden[name] as string[]).map((text) => pysparkPlanJson(text));
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(theirs);
    });
  }
});
