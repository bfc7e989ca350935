/**
 * `show()` prints exactly what PySpark's `df.show()` prints for the same query: both ask the server for the
 * ShowString relation, so this checks the arguments and the printing (one trailing newline, nothing else).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { callFunction, col, lit, when } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { testSession } from "./fixture.js";

const QUERY_PY = `spark.range(25).select(F.col("id"), (F.col("id") / 3).alias("third"), F.when(F.col("id") % 4 == 0, None).otherwise(F.concat(F.lit("a fairly long text value "), F.col("id").cast("string"))).alias("text"))`;
/** The same query as QUERY_PY. */
const query = (spark: SparkSession): DataFrame =>
  spark.range(25).select(
    col("id"),
    col("id").divide(3).alias("third"),
    when(col("id").mod(4).eq(0), null)
      .otherwise(callFunction("concat", lit("a fairly long text value "), col("id").cast("string")))
      .alias("text"),
  );

const SHOW_CALLS: Record<string, { python: string; ts: (df: DataFrame) => Promise<void> }> = {
  defaults: { python: "df.show()", ts: (df) => df.show() },
  threeRows: { python: "df.show(3)", ts: (df) => df.show(3) },
  noTruncate: { python: "df.show(5, truncate=False)", ts: (df) => df.show(5, false) },
  truncateAt7: { python: "df.show(4, truncate=7)", ts: (df) => df.show(4, 7) },
  vertical: { python: "df.show(2, vertical=True)", ts: (df) => df.show(2, true, true) },
  empty: { python: "df.limit(0).show()", ts: (df) => df.limit(0).show() },
};

describe("show() output matches PySpark", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    const lines = Object.entries(SHOW_CALLS).map(
      ([name, c]) => `emit(${JSON.stringify(name)}, printed(lambda: ${c.python}))`,
    );
    golden = await runPySpark(
      [
        "import io, contextlib",
        "def printed(action):",
        "    out = io.StringIO()",
        "    with contextlib.redirect_stdout(out):",
        "        action()",
        "    return out.getvalue()",
        `df = ${QUERY_PY}`,
        ...lines,
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await spark?.stop();
  });

  for (const [name, c] of Object.entries(SHOW_CALLS)) {
    it(`${name}: ${c.python}`, async () => {
      const df = query(spark);
      const printed: string[] = [];
      const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
        printed.push(`${args.map(String).join(" ")}\n`);
      });
      try {
        await c.ts(df);
      } finally {
        spy.mockRestore();
      }
      expect(printed.join("")).toBe(golden[name]);
    });
  }
});
