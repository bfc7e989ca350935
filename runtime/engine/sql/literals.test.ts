import { describe, expect, it } from "vitest";
import { parseExpression } from "./index.js";
import { parseError, selectedJson } from "./sql-test-helpers.js";

/** The literal case and value of a parsed literal expression. */
function lit(text: string, options = {}): unknown {
  const expr = parseExpression(text, options);
  if (expr.exprType.case !== "literal") throw new Error(`not a literal: ${text}`);
  return selectedJson(text, options);
}

describe("numeric literals (types as Spark 4.1 reports them)", () => {
  it.each([
    ["10", { literal: { integer: 10 } }],
    ["-2147483648", { literal: { integer: -2147483648 } }],
    ["2147483648", { literal: { long: "2147483648" } }],
    ["10L", { literal: { long: "10" } }],
    ["10S", { literal: { short: 10 } }],
    ["10Y", { literal: { byte: 10 } }],
    ["-128Y", { literal: { byte: -128 } }],
    ["1e3", { literal: { double: 1000 } }],
    ["1.e2", { literal: { double: 100 } }],
    ["1.5D", { literal: { double: 1.5 } }],
    ["1.5F", { literal: { float: 1.5 } }],
    ["1.5", { literal: { decimal: { value: "1.5", precision: 2, scale: 1 } } }],
    [".5", { literal: { decimal: { value: "0.5", precision: 1, scale: 1 } } }],
    ["0.0", { literal: { decimal: { value: "0.0", precision: 1, scale: 1 } } }],
    ["00.100", { literal: { decimal: { value: "0.100", precision: 3, scale: 3 } } }],
    ["-1.25", { literal: { decimal: { value: "-1.25", precision: 3, scale: 2 } } }],
    ["1.5BD", { literal: { decimal: { value: "1.5", precision: 2, scale: 1 } } }],
    ["1E10BD", { literal: { decimal: { value: "10000000000", precision: 11, scale: 0 } } }],
    ["1.2e-3BD", { literal: { decimal: { value: "0.0012", precision: 4, scale: 4 } } }],
    ["123456789012345678901", { literal: { decimal: { value: "123456789012345678901", precision: 21, scale: 0 } } }],
  ])("%s", (text, expected) => {
    expect(lit(text)).toEqual(expected);
  });

  it("rejects out-of-range suffixed literals with Spark's error class", () => {
    const error = parseError(() => parseExpression("128Y"));
    expect(error.errorClass).toBe("INVALID_NUMERIC_LITERAL_RANGE");
    expect(error.sqlState).toBe("22003");
    expect(error.messageParameters).toEqual({
      rawStrippedQualifier: "128",
      minValue: "-128",
      maxValue: "127",
      typeName: "tinyint",
    });
    expect(parseError(() => parseExpression("40000S")).errorClass).toBe("INVALID_NUMERIC_LITERAL_RANGE");
    expect(parseError(() => parseExpression("9223372036854775808L")).errorClass).toBe("INVALID_NUMERIC_LITERAL_RANGE");
    expect(parseError(() => parseExpression("1e400")).errorClass).toBe("INVALID_NUMERIC_LITERAL_RANGE");
  });

  it("rejects decimals wider than 38 digits", () => {
    const error = parseError(() => parseExpression("9".repeat(40)));
    expect(error.errorClass).toBe("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION");
    expect(error.messageParameters).toMatchObject({ precision: "40", maxPrecision: "38" });
  });
});

describe("string, binary, boolean and null literals", () => {
  it("joins adjacent strings and applies escapes", () => {
    expect(lit("'a' 'b' \"c\"")).toEqual({ literal: { string: "abc" } });
    expect(lit("'it''s'")).toEqual({ literal: { string: "it's" } });
  });

  it("reads hex binaries, padding an odd digit count", () => {
    expect(lit("X'0aFF'")).toEqual({ literal: { binary: "Cv8=" } });
    expect(lit("x'F'")).toEqual({ literal: { binary: "Dw==" } });
    expect(lit("X''")).toEqual({ literal: { binary: "" } });
    expect(parseError(() => parseExpression("X'0G'")).errorClass).toBe("INVALID_TYPED_LITERAL");
  });

  it("reads booleans and NULL (a null of the null type)", () => {
    expect(lit("TRUE")).toEqual({ literal: { boolean: true } });
    expect(lit("false")).toEqual({ literal: { boolean: false } });
    expect(lit("NULL")).toEqual({ literal: { null: { null: {} } } });
  });
});

describe("date and timestamp literals", () => {
  it("reads dates, including Spark's partial forms", () => {
    expect(lit("DATE '2020-01-02'")).toEqual({ literal: { date: 18263 } });
    expect(lit("date '2020-1-2'")).toEqual({ literal: { date: 18263 } });
    expect(lit("DATE '2020'")).toEqual({ literal: { date: 18262 } });
    expect(lit("DATE '1969-12-31'")).toEqual({ literal: { date: -1 } });
  });

  it("rejects impossible dates with INVALID_TYPED_LITERAL", () => {
    const error = parseError(() => parseExpression("DATE '2020-02-30'"));
    expect(error.errorClass).toBe("INVALID_TYPED_LITERAL");
    expect(error.messageParameters).toEqual({ valueType: '"DATE"', value: "'2020-02-30'" });
  });

  it("reads a zoneless TIMESTAMP in the session time zone (default UTC)", () => {
    expect(lit("TIMESTAMP '2020-01-02 03:04:05.123456'")).toEqual({ literal: { timestamp: "1577934245123456" } });
    expect(lit("TIMESTAMP '2020-01-02 03:04:05.123456'", { sessionTimeZone: "America/Los_Angeles" })).toEqual({
      literal: { timestamp: "1577963045123456" },
    });
    // Summer time: Los Angeles is UTC-7 in July.
    expect(lit("TIMESTAMP '2020-07-01 00:00:00'", { sessionTimeZone: "America/Los_Angeles" })).toEqual({
      literal: { timestamp: "1593586800000000" },
    });
  });

  it("honours an explicit zone in the text", () => {
    const options = { sessionTimeZone: "Asia/Tokyo" };
    expect(lit("TIMESTAMP '2020-01-02T03:04:05Z'", options)).toEqual({ literal: { timestamp: "1577934245000000" } });
    expect(lit("TIMESTAMP '2020-06-01 00:00:00+02:00'", options)).toEqual({
      literal: { timestamp: "1590962400000000" },
    });
    expect(lit("TIMESTAMP_LTZ '2020-01-02'", options)).toEqual({ literal: { timestamp: "1577890800000000" } });
  });

  it("reads TIMESTAMP_NTZ as wall-clock time and rejects a zone in it", () => {
    expect(lit("TIMESTAMP_NTZ '2020-01-02 03:04'", { sessionTimeZone: "Asia/Tokyo" })).toEqual({
      literal: { timestampNtz: "1577934240000000" },
    });
    expect(parseError(() => parseExpression("TIMESTAMP_NTZ '2020-01-02 03:04Z'")).errorClass).toBe(
      "INVALID_TYPED_LITERAL",
    );
  });
});

describe("time literals", () => {
  it("reads TIME as nanoseconds since midnight", () => {
    expect(lit("TIME '12:34:56.123'")).toEqual({ literal: { time: { nano: "45296123000000", precision: 6 } } });
    expect(lit("TIME '01:02'")).toEqual({ literal: { time: { nano: "3720000000000", precision: 6 } } });
    expect(parseError(() => parseExpression("TIME '25:00'")).errorClass).toBe("INVALID_TYPED_LITERAL");
  });
});

describe("interval literals", () => {
  const ym = (months: number, startField: number, endField: number) => ({
    literal: { yearMonthInterval: months, dataType: { yearMonthInterval: { startField, endField } } },
  });
  const dt = (micros: string, startField: number, endField: number) => ({
    literal: { dayTimeInterval: micros, dataType: { dayTimeInterval: { startField, endField } } },
  });

  it.each([
    ["INTERVAL '1' YEAR", ym(12, 0, 0)],
    ["INTERVAL '1-2' YEAR TO MONTH", ym(14, 0, 1)],
    ["INTERVAL '-1-2' YEAR TO MONTH", ym(-14, 0, 1)],
    ["INTERVAL 3 MONTHS", ym(3, 1, 1)],
    ["INTERVAL 1 YEAR 2 MONTHS", ym(14, 0, 1)],
    ["INTERVAL 1 DAY 2 HOURS", dt("93600000000", 0, 1)],
    ["INTERVAL '1 2:03:04.5' DAY TO SECOND", dt("93784500000", 0, 3)],
    ["INTERVAL '1 02:03' DAY TO MINUTE", dt("93780000000", 0, 2)],
    ["INTERVAL '10' SECOND", dt("10000000", 3, 3)],
    ["INTERVAL -'1' DAY", dt("-86400000000", 0, 0)],
    ["INTERVAL '2 hours'", dt("7200000000", 1, 1)],
    ["INTERVAL 90 MINUTES", dt("5400000000", 2, 2)],
    ["INTERVAL 1.5 SECONDS", dt("1500000", 3, 3)],
    ["INTERVAL 2 WEEKS", dt("1209600000000", 0, 0)],
  ])("%s", (text, expected) => {
    expect(lit(text)).toEqual(expected);
  });

  it("refuses to mix year-month and day-time units, as Spark does", () => {
    for (const text of ["INTERVAL 1 MONTH 1 DAY", "INTERVAL '1 month 2 days'"]) {
      const error = parseError(() => parseExpression(text));
      expect(error.errorClass).toBe("_LEGACY_ERROR_TEMP_0029");
      expect(error.message).toContain(`Cannot mix year-month and day-time fields: ${text}.`);
    }
  });

  it("builds calendar intervals in legacy mode", () => {
    expect(lit("INTERVAL 1 MONTH 2 DAYS 3 SECONDS", { legacyCalendarInterval: true })).toEqual({
      literal: { calendarInterval: { months: 1, days: 2, microseconds: "3000000" } },
    });
  });

  it("rejects a string that does not fit the field range", () => {
    expect(parseError(() => parseExpression("INTERVAL '1 2' YEAR TO MONTH")).errorClass).toBe(
      "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING",
    );
    const dayTime = parseError(() => parseExpression("INTERVAL '1' HOUR TO MINUTE"));
    expect(dayTime.errorClass).toBe("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE");
    expect(dayTime.messageParameters).toEqual({
      intervalStr: "day-time",
      typeName: "interval hour to minute",
      supportedFormat: "`[+|-]h:m`, `INTERVAL [+|-]'[+|-]h:m' HOUR TO MINUTE`",
      input: "1",
    });
  });
});
