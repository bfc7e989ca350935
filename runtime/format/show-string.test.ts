import { describe, expect, it } from "vitest";
import { Row } from "../arrow/row.js";
import { TimestampValue } from "../arrow/timestamp-value.js";
import { DayTimeIntervalType, parseSchema, YearMonthIntervalType } from "../types/index.js";
import { formatDayTimeInterval, formatYearMonthInterval } from "./interval-format.js";
import { formatJavaDouble, formatJavaFloat } from "./java-number-format.js";
import { showString } from "./show-string.js";
import { formatInstantMicros } from "./timestamp-format.js";

describe("JVM number text", () => {
  it.each([
    [1, "1.0"],
    [1e20, "1.0E20"],
    [1e-4, "1.0E-4"],
    [0.001, "0.001"],
    [1e7, "1.0E7"],
    [1234567, "1234567.0"],
    [123456789.125, "1.23456789125E8"],
    [4.9e-324, "4.9E-324"],
    [-0, "-0.0"],
    [Number.NaN, "NaN"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
  ])("double %d → %s", (value, text) => {
    expect(formatJavaDouble(value)).toBe(text);
  });

  it("floats use the shortest float32 digits", () => {
    expect(formatJavaFloat(Math.fround(1.1))).toBe("1.1");
    expect(formatJavaFloat(Math.fround(1e10))).toBe("1.0E10");
    expect(formatJavaFloat(Math.fround(3.4028235e38))).toBe("3.4028235E38");
    expect(formatJavaFloat(16777216)).toBe("1.6777216E7");
    expect(formatJavaFloat(Math.fround(1e-45))).toBe("1.4E-45");
  });
});

describe("ANSI interval text", () => {
  it("year-month", () => {
    expect(formatYearMonthInterval(-14, new YearMonthIntervalType(0, 1))).toBe("INTERVAL '-1-2' YEAR TO MONTH");
    expect(formatYearMonthInterval(5, new YearMonthIntervalType(1, 1))).toBe("INTERVAL '5' MONTH");
    expect(formatYearMonthInterval(36, new YearMonthIntervalType(0, 0))).toBe("INTERVAL '3' YEAR");
  });

  it("day-time pads every field but days", () => {
    const dt = (start: number, end: number) => new DayTimeIntervalType(start, end);
    expect(formatDayTimeInterval(93_784_500_000n, dt(0, 3))).toBe("INTERVAL '1 02:03:04.5' DAY TO SECOND");
    expect(formatDayTimeInterval(-360_001_000_000n, dt(1, 3))).toBe("INTERVAL '-100:00:01' HOUR TO SECOND");
    expect(formatDayTimeInterval(18_000_000_000n, dt(1, 1))).toBe("INTERVAL '05' HOUR");
    expect(formatDayTimeInterval(1n, dt(3, 3))).toBe("INTERVAL '00.000001' SECOND");
    expect(formatDayTimeInterval(90_000_000_000n, dt(0, 1))).toBe("INTERVAL '1 01' DAY TO HOUR");
  });
});

describe("timestamps in a session time zone", () => {
  it("applies the zone's offset at that instant (DST included)", () => {
    const summer = 1_590_994_800_000_000n; // 2020-06-01T07:00:00Z
    expect(formatInstantMicros(summer, "America/Los_Angeles")).toBe("2020-06-01 00:00:00");
    expect(formatInstantMicros(summer + 500_000n, "Etc/UTC")).toBe("2020-06-01 07:00:00.5");
    expect(formatInstantMicros(1_577_836_800_000_000n, "America/Los_Angeles")).toBe("2019-12-31 16:00:00");
    expect(formatInstantMicros(0n, "+05:30")).toBe("1970-01-01 05:30:00");
  });
});

describe("showString layout", () => {
  const schema = parseSchema("id BIGINT, name STRING, at TIMESTAMP");
  const rows = [
    Row.of({ id: 1n, name: "a very long string that exceeds twenty chars", at: new TimestampValue(0n) }),
    Row.of({ id: 22n, name: null, at: null }),
    Row.of({ id: 333n, name: "日本語", at: null }),
  ];
  const options = { numRows: 2, truncate: 20, vertical: false, timeZone: "UTC" };

  it("right-aligns and truncates, and says rows were left out", () => {
    expect(showString(rows, schema, options)).toBe(
      [
        "+---+--------------------+-------------------+",
        "| id|                name|                 at|",
        "+---+--------------------+-------------------+",
        "|  1|a very long strin...|1970-01-01 00:00:00|",
        "| 22|                NULL|               NULL|",
        "+---+--------------------+-------------------+",
        "only showing top 2 rows",
      ].join("\n"),
    );
  });

  it("left-aligns without truncation and pads wide characters by display width", () => {
    const text = showString(rows.slice(2), schema, { ...options, truncate: 0 });
    expect(text.split("\n")[3]).toBe("|333|日本語|NULL|");
    expect(text.split("\n")[0]).toBe("+---+------+----+");
  });

  it("vertical mode", () => {
    expect(showString(rows.slice(1, 2), schema, { ...options, numRows: 1, vertical: true })).toBe(
      ["-RECORD 0----", " id   | 22   ", " name | NULL ", " at   | NULL ", ""].join("\n"),
    );
    expect(showString([], schema, { ...options, vertical: true })).toBe("(0 rows)\n");
  });

  it("refuses a value that does not match its column type", () => {
    expect(() => showString([Row.of({ id: 1, name: "x", at: null })], schema, options)).toThrow(
      /Cannot show a number value as Spark type bigint/,
    );
  });
});
