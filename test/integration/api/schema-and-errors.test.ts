/**
 * Plan inspection (schema, columns, dtypes, printSchema, explain) compared with PySpark, and server errors
 * surfacing as the PySpark exception classes with Spark's error classes, leaving the session usable.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { callFunction, col, lit } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { AnalysisException, OperationInterruptedError } from "../../../runtime/errors/index.js";
import { type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { testSession } from "./fixture.js";

const QUERY_PY = `spark.range(3).select(F.col("id"), (F.col("id") * 1.5).alias("x"), F.struct(F.lit("a").alias("s"), F.array(F.col("id")).alias("ids")).alias("nested"), F.create_map(F.lit("k"), F.col("id")).alias("m"))`;
/** The same query as QUERY_PY. */
const query = (spark: SparkSession): DataFrame =>
  spark
    .range(3)
    .select(
      col("id"),
      col("id").multiply(1.5).alias("x"),
      callFunction("struct", lit("a").alias("s"), callFunction("array", col("id")).alias("ids")).alias("nested"),
      callFunction("map", lit("k"), col("id")).alias("m"),
    );

async function printed(action: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(`${args.map(String).join(" ")}\n`);
  });
  try {
    await action();
  } finally {
    spy.mockRestore();
  }
  return lines.join("");
}

describe("schema inspection and errors", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    golden = await runPySpark(`
      import io, contextlib
      def printed(action):
          out = io.StringIO()
          with contextlib.redirect_stdout(out):
              action()
          return out.getvalue()
      df = ${QUERY_PY}
      emit("schema", df.schema)
      emit("columns", df.columns)
      emit("dtypes", [list(t) for t in df.dtypes])
      emit("printSchema", printed(lambda: df.printSchema()))
      emit("printSchema1", printed(lambda: df.printSchema(1)))
      capture("unknown", lambda: spark.range(3).select("idd").collect())
    `);
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("schema, columns and dtypes match PySpark's", async () => {
    const df = query(spark);
    expect({ $schema: JSON.parse((await df.schema).json()) }).toEqual(golden.schema);
    expect(await df.columns).toEqual(golden.columns);
    expect(await df.dtypes).toEqual(golden.dtypes);
  });

  it("printSchema prints PySpark's tree, with and without a level", async () => {
    const df = query(spark);
    expect(await printed(() => df.printSchema())).toBe(golden.printSchema);
    expect(await printed(() => df.printSchema(1))).toBe(golden.printSchema1);
  });

  it("explain prints the plans for each mode", async () => {
    const df = spark.range(10).filter(col("id").gt(lit(3)));
    const simple = await printed(() => df.explain());
    expect(simple).toMatch(/^== Physical Plan ==/);
    expect(simple).toContain("Range (0, 10");
    expect(simple).not.toContain("== Parsed Logical Plan ==");
    const extended = await df.explainString(true);
    expect(extended).toContain("== Parsed Logical Plan ==");
    expect(extended).toContain("== Optimized Logical Plan ==");
    expect(await df.explainString("formatted")).toMatch(/\(1\) Range/);
    await expect(df.explainString("fancy" as never)).rejects.toThrow(/Unknown explain mode "fancy"/);
    // PySpark's two forms: the mode as `extended` or as `mode`, never both.
    expect(await df.explainString(undefined, "formatted")).toMatch(/\(1\) Range/);
    expect(await df.explainString(false)).not.toContain("== Parsed Logical Plan ==");
    await expect(df.explainString(true, "cost")).rejects.toMatchObject({ errorClass: "CANNOT_SET_TOGETHER" });
    await expect(df.explainString(undefined, true as never)).rejects.toMatchObject({ errorClass: "NOT_BOOL_OR_STR" });
  });

  it("analysis calls take an AbortSignal: aborted, they fail with OperationInterruptedError and the session goes on", async () => {
    const df = spark.range(10).filter(col("id").gt(lit(3)));
    const aborted = { signal: AbortSignal.abort(new Error("not needed any more")) };
    const calls: Array<() => Promise<unknown>> = [
      () => df.explainString(true, undefined, aborted),
      () => df.treeString(undefined, aborted),
      () => df.printSchema(undefined, aborted),
      () => df.isLocal(aborted),
      () => df.inputFiles(aborted),
      () => df.sameSemantics(df, aborted),
      () => df.semanticHash(aborted),
      () => df.persist(undefined, aborted),
      () => df.unpersist(false, aborted),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toBeInstanceOf(OperationInterruptedError);
    }
    await expect(df.isLocal(aborted)).rejects.toThrow(/interrupted: not needed any more/);
    // Aborted while the request may already be on the wire: cancelled either way.
    const controller = new AbortController();
    const pending = df.explainString("formatted", undefined, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(OperationInterruptedError);
    expect(await df.isLocal({ signal: new AbortController().signal })).toBe(false);
    await expect(df.isLocal({ signal: "no" as never })).rejects.toThrow(/must be an AbortSignal/);
  });

  it("an unknown column fails with UNRESOLVED_COLUMN.WITH_SUGGESTION like PySpark, and the session stays usable", async () => {
    const failure = spark.range(3).select("idd").collect();
    await expect(failure).rejects.toBeInstanceOf(AnalysisException);
    const error = (await failure.catch((e: unknown) => e)) as AnalysisException;
    expect(error.errorClass).toBe("UNRESOLVED_COLUMN.WITH_SUGGESTION");
    expect(golden.unknown).toMatchObject({
      $error: { type: "AnalysisException", errorClass: error.errorClass, sqlState: error.sqlState },
    });
    expect(error.messageParameters.objectName).toBe("`idd`");
    await expect(spark.range(3).select("idd").schema).rejects.toMatchObject({
      errorClass: "UNRESOLVED_COLUMN.WITH_SUGGESTION",
    });
    expect(await spark.range(3).count()).toBe(3n);
  });
});
