/**
 * The PySpark reference runner's JSON encoding (test/support/pyspark.ts): every kind of value PySpark
 * 4.1.1 hands back survives the trip without losing digits, scale, microseconds, bytes or field order.
 */
import { describe, expect, it } from "vitest";
import { emittedDataFrame, emittedError, PySparkSnippetError, runPySpark } from "../../support/pyspark.js";

describe("PySpark reference runner", () => {
  it("encodes numbers without losing precision", async () => {
    const out = await runPySpark(`
      emit("safe", 2**53 - 1)
      emit("long_max", 9223372036854775807)
      emit("long_min", -9223372036854775808)
      emit("float", 0.1)
      emit("negative_zero", -0.0)
      emit("nan", float("nan"))
      emit("inf", float("inf"))
      emit("minus_inf", float("-inf"))
      emit("decimal", Decimal("1.50000"))
      emit("decimal_zero_scale_10", Decimal("0E-10"))
      emit("decimal_38", Decimal("-12345678901234567890123456789.123456789"))
    `);
    expect(out).toEqual({
      safe: Number.MAX_SAFE_INTEGER,
      long_max: { $int: "9223372036854775807" },
      long_min: { $int: "-9223372036854775808" },
      float: 0.1,
      negative_zero: -0,
      nan: { $float: "NaN" },
      inf: { $float: "Infinity" },
      minus_inf: { $float: "-Infinity" },
      decimal: { $decimal: "1.50000" },
      decimal_zero_scale_10: { $decimal: "0.0000000000" },
      decimal_38: { $decimal: "-12345678901234567890123456789.123456789" },
    });
    expect(Object.is(out.negative_zero, -0)).toBe(true);
  });

  it("encodes a DataFrame with its schema, values typed by Spark", async () => {
    const out = await runPySpark(`
      spark.conf.set("spark.sql.session.timeZone", "UTC")
      emit("df", spark.sql("""
        select 9223372036854775807L as big, cast(0.1 as float) as f, cast(1.5 as decimal(20, 5)) as d,
               timestamp'2024-03-10 02:30:00.000001' as ts, timestamp_ntz'2024-03-10 02:30:00' as ntz,
               date'0001-01-01' as day, interval '1 02:03:04.5' day to second as span, X'00ff' as bytes,
               map(1, 'a', 2, null) as m, named_struct('x', 1, 'x', array(1, null)) as s,
               parse_json('{"a": [1, 2]}') as v, cast(null as string) as nothing
      """))
    `);
    const df = emittedDataFrame(out, "df");
    const schema = df.schema;
    expect(schema.fields.map((field) => field.name)).toEqual([
      "big",
      "f",
      "d",
      "ts",
      "ntz",
      "day",
      "span",
      "bytes",
      "m",
      "s",
      "v",
      "nothing",
    ]);
    expect(schema.fields[3]!.type).toBe("timestamp");
    expect(schema.fields[4]!.type).toBe("timestamp_ntz");
    const [row] = df.rows;
    expect(row!.slice(0, 10)).toEqual([
      { $int: "9223372036854775807" },
      Math.fround(0.1),
      { $decimal: "1.50000" },
      // Session time zone and the runner's TZ are both UTC, so the wall-clock text survives unchanged.
      { $timestamp: "2024-03-10T02:30:00.000001" },
      { $timestamp: "2024-03-10T02:30:00.000000" },
      { $date: "0001-01-01" },
      { $duration_us: String(((1 * 24 + 2) * 3600 + 3 * 60 + 4.5) * 1_000_000) },
      { $binary: Buffer.from([0, 255]).toString("base64") },
      {
        $map: [
          [1, "a"],
          [2, null],
        ],
      },
      { $row: { names: ["x", "x"], values: [1, [1, null]] } },
    ]);
    const variant = row![10] as { $variant: { json: string } };
    expect(JSON.parse(variant.$variant.json)).toEqual({ a: [1, 2] });
    expect(row![11]).toBeNull();
  });

  it("captures PySpark errors with their error class, SQL state and parameters", async () => {
    const out = await runPySpark(`
      capture("bad", lambda: spark.sql("select nope").collect())
      capture("good", lambda: spark.range(2).collect())
    `);
    expect(out.bad).toEqual({
      $error: expect.objectContaining({
        type: "AnalysisException",
        errorClass: "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION",
        sqlState: "42703",
        messageParameters: { objectName: "`nope`" },
      }),
    });
    expect(emittedError(out, "bad").errorClass).toBe("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION");
    expect(() => emittedDataFrame(out, "bad")).toThrow(
      /no DataFrame named "bad": it raised AnalysisException: \[UNRESOLVED_COLUMN/,
    );
    expect(() => emittedError(out, "missing")).toThrow(/nothing was emitted under that name/);
    expect(out.good).toEqual([{ $row: { names: ["id"], values: [0] } }, { $row: { names: ["id"], values: [1] } }]);
  });

  it("fails with the snippet's line and the error when the snippet raises", async () => {
    const run = runPySpark(`
      x = 1
      spark.sql("select nope").collect()
    `);
    await expect(run).rejects.toThrow(PySparkSnippetError);
    await expect(run).rejects.toThrow(
      /snippet line 3: spark\.sql\("select nope"\)\.collect\(\)[\s\S]*UNRESOLVED_COLUMN/,
    );
  });

  it("gives every snippet a new session, so settings do not leak between snippets", async () => {
    const first = await runPySpark(`
      spark.conf.set("spark.sql.session.timeZone", "Asia/Tokyo")
      spark.range(1).createOrReplaceTempView("only_in_first")
      emit("tz", spark.conf.get("spark.sql.session.timeZone"))
    `);
    expect(first.tz).toBe("Asia/Tokyo");
    const second = await runPySpark(`
      emit("tz", spark.conf.get("spark.sql.session.timeZone"))
      emit("views", [t.name for t in spark.catalog.listTables() if t.isTemporary])
    `);
    expect(second.tz).not.toBe("Asia/Tokyo");
    expect(second.views).toEqual([]);
  });

  it("kills a snippet that overruns its time limit, and the next snippet still runs", async () => {
    await expect(runPySpark(`import time; time.sleep(30)`, { timeoutMs: 2_000 })).rejects.toThrow(
      /did not finish within 2000 ms; its Python process was killed/,
    );
    const out = await runPySpark(`emit("n", spark.range(4).count())`);
    expect(out.n).toBe(4);
  });

  it("refuses values it cannot encode instead of degrading them", async () => {
    await expect(runPySpark(`emit("set", {1, 2})`)).rejects.toThrow(/cannot encode a value of type builtins\.set/);
  });
});
