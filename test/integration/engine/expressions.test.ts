/**
 * Expression semantics against Spark 4.1.1: casts in all three modes, CASE WHEN, IN with NULLs, string, math
 * and date functions, result types of arithmetic, and the ANSI errors Spark raises.
 */
import { DateDay, Int32, Table, Utf8, vectorFromArray } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { Parity } from "./parity-harness.js";
import * as P from "./plan-builders.js";

const parity = new Parity(process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002");
afterAll(() => parity.close());

async function expectSame(rel: P.Rel) {
  const { local, spark } = await parity.run(P.plan(rel));
  expect(local).toEqual(spark);
  return spark;
}

function values(): P.Rel {
  return P.local(
    new Table({
      n: vectorFromArray([7, -3, null, 0, 2147483647], new Int32()),
      s: vectorFromArray(["  12 ", "abc", null, "-0", "2024-02-29"], new Utf8()),
      t: vectorFromArray(["Hello World", "ünïcødé ok", "", null, " x "], new Utf8()),
      d: vectorFromArray(
        [
          new Date(Date.UTC(2024, 1, 29)),
          new Date(Date.UTC(1999, 11, 31)),
          null,
          new Date(Date.UTC(1970, 0, 1)),
          new Date(Date.UTC(2000, 5, 15)),
        ],
        new DateDay(),
      ),
    }),
  );
}

describe("engine parity: expressions", () => {
  it("casts between numbers, strings, booleans and dates", async () => {
    const rel = P.select(
      values(),
      P.cast(P.col("n"), "string"),
      P.cast(P.col("n"), "double"),
      P.cast(P.col("n"), "boolean"),
      P.cast(P.col("n"), "bigint"),
      P.cast(P.col("d"), "string"),
      P.cast(P.cast(P.col("d"), "timestamp"), "string"),
      P.cast(P.fn("/", P.col("n"), P.int(4)), "string"),
      P.cast(P.dbl(1e7), "string"),
      P.cast(P.dbl(0.0001), "string"),
    );
    await expectSame(rel);
  });

  it("try_cast and legacy casts yield NULL where ANSI raises", async () => {
    await expectSame(
      P.select(values(), P.cast(P.col("s"), "int", 3), P.cast(P.col("s"), "date", 3), P.cast(P.col("n"), "tinyint", 3)),
    );
    await expectSame(P.select(values(), P.cast(P.col("s"), "int", 1), P.cast(P.col("n"), "smallint", 1)));
  });

  it("ANSI cast of a malformed string raises CAST_INVALID_INPUT", async () => {
    const { local, spark } = await parity.run(P.plan(P.select(values(), P.cast(P.col("s"), "int"))));
    expect(spark).toMatchObject({ failure: { errorClass: "CAST_INVALID_INPUT", sqlState: "22018" } });
    expect(local).toEqual(spark);
  });

  it("division by zero raises DIVIDE_BY_ZERO, guarded division does not", async () => {
    const { local, spark } = await parity.run(P.plan(P.select(values(), P.fn("/", P.int(1), P.col("n")))));
    expect(spark).toMatchObject({
      failure: { kind: "ArithmeticException", errorClass: "DIVIDE_BY_ZERO", sqlState: "22012" },
    });
    expect(local).toEqual(spark);
    const guarded = P.fn("when", P.fn("not", P.fn("==", P.col("n"), P.int(0))), P.fn("/", P.int(1), P.col("n")));
    await expectSame(P.select(values(), guarded));
  });

  it("integer overflow raises ARITHMETIC_OVERFLOW", async () => {
    const { local, spark } = await parity.run(P.plan(P.select(values(), P.fn("+", P.col("n"), P.int(1)))));
    expect(spark).toMatchObject({ failure: { errorClass: "ARITHMETIC_OVERFLOW" } });
    expect(local).toEqual(spark);
  });

  it("CASE WHEN, coalesce, IN with NULLs, IS NULL, null-safe equality", async () => {
    const rel = P.select(
      values(),
      P.fn(
        "when",
        P.fn(">", P.col("n"), P.int(0)),
        P.str("pos"),
        P.fn("<", P.col("n"), P.int(0)),
        P.str("neg"),
        P.str("zero-or-null"),
      ),
      P.fn("when", P.fn(">", P.col("n"), P.int(0)), P.col("n")),
      P.fn("coalesce", P.col("n"), P.int(-1)),
      P.fn("in", P.col("n"), P.int(7), P.int(0)),
      P.fn("in", P.col("n"), P.int(7), P.nullOf("integer")),
      P.fn("isNull", P.col("t")),
      P.fn("<=>", P.col("n"), P.nullOf("integer")),
      P.fn("and", P.fn(">", P.col("n"), P.int(0)), P.fn("isNull", P.col("s"))),
    );
    await expectSame(rel);
  });

  it("string functions", async () => {
    const rel = P.select(
      values(),
      P.fn("upper", P.col("t")),
      P.fn("lower", P.col("t")),
      P.fn("length", P.col("t")),
      P.fn("trim", P.col("t")),
      P.fn("ltrim", P.col("t")),
      P.fn("rtrim", P.col("t")),
      P.fn("concat", P.col("t"), P.str("-"), P.col("s")),
      P.fn("substring", P.col("t"), P.int(2), P.int(3)),
      P.fn("substr", P.col("t"), P.int(-3), P.int(2)),
      P.fn("contains", P.col("t"), P.str("o")),
      P.fn("like", P.col("t"), P.str("%o_")),
    );
    await expectSame(rel);
  });

  it("string building and editing", async () => {
    const rel = P.select(
      values(),
      P.fn("concat_ws", P.str("-"), P.col("t"), P.col("s"), P.str("end")),
      P.fn("lpad", P.col("t"), P.int(6), P.str("*")),
      P.fn("rpad", P.col("t"), P.int(3), P.str("ab")),
      P.fn("repeat", P.col("t"), P.int(2)),
      P.fn("replace", P.col("t"), P.str("o"), P.str("0")),
      P.fn("instr", P.col("t"), P.str("o")),
      P.fn("regexp_replace", P.col("t"), P.str("([a-z])o"), P.str("<$1>")),
    );
    await expectSame(rel);
  });

  it("greatest, least and logarithms", async () => {
    const rel = P.select(
      values(),
      P.fn("greatest", P.col("n"), P.int(1), P.nullOf("integer")),
      P.fn("least", P.col("n"), P.int(1)),
      P.fn("signum", P.col("n")),
      P.fn("log10", P.col("n")),
      P.fn("log2", P.col("n")),
      P.fn("log", P.col("n")),
      P.fn("log", P.int(3), P.col("n")),
    );
    await expectSame(rel);
  });

  it("math functions and result types", async () => {
    const rel = P.select(
      values(),
      P.fn("abs", P.col("n")),
      P.fn("round", P.fn("/", P.col("n"), P.int(3)), P.int(2)),
      P.fn("round", P.dbl(2.5)),
      P.fn("round", P.dbl(-0.285), P.int(2)),
      P.fn("bround", P.dbl(2.5)),
      P.fn("ceil", P.fn("/", P.col("n"), P.int(2))),
      P.fn("floor", P.fn("/", P.col("n"), P.int(2))),
      P.fn("sqrt", P.col("n")),
      P.fn("power", P.col("n"), P.int(2)),
      P.fn("*", P.col("n"), P.long(3n)),
    );
    await expectSame(rel);
  });

  it("date functions", async () => {
    const rel = P.select(
      values(),
      P.fn("year", P.col("d")),
      P.fn("month", P.col("d")),
      P.fn("dayofmonth", P.col("d")),
      P.fn("dayofweek", P.col("d")),
      P.fn("dayofyear", P.col("d")),
      P.fn("quarter", P.col("d")),
      P.fn("date_add", P.col("d"), P.int(30)),
      P.fn("datediff", P.col("d"), P.cast(P.str("2000-01-01"), "date")),
      P.fn("last_day", P.col("d")),
      P.fn("year", P.str("2021-07-04")),
    );
    await expectSame(rel);
  });

  it("unknown columns and functions fail with Spark's error classes", async () => {
    const missing = await parity.run(P.plan(P.select(values(), P.col("nope"))));
    expect(missing.spark).toMatchObject({
      failure: { kind: "AnalysisException", errorClass: "UNRESOLVED_COLUMN.WITH_SUGGESTION", sqlState: "42703" },
    });
    expect(missing.local).toEqual(missing.spark);
    const routine = await parity.run(P.plan(P.select(values(), P.fn("no_such_fn", P.col("n")))));
    expect(routine.local).toEqual(routine.spark);
    const types = await parity.run(P.plan(P.select(values(), P.fn("+", P.col("d"), P.col("t")))));
    expect(types.local).toEqual(types.spark);
  });
});
