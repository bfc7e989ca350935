import { describe, expect, it } from "vitest";
import { compilePattern, parseDateWith, parseTimestampWith } from "./datetime-patterns.js";
import { formatDecimal, formatTimestamp, javaDouble, javaFloat } from "./value-format.js";
import { parseDateDays, parseDecimalUnscaled, parseTimestampMicros, parseTimestampNtzMicros } from "./value-parsers.js";

describe("lenient date and timestamp parsing", () => {
  it("reads dates as days since 1970, including partial dates and years before 100", () => {
    expect(parseDateDays("1970-01-02")).toBe(1);
    expect(parseDateDays("2024-02")).toBe(parseDateDays("2024-02-01"));
    expect(parseDateDays("0001-01-01")).toBe(-719162);
    expect(parseDateDays("2023-02-29")).toBeNull();
    expect(parseDateDays("x")).toBeNull();
  });

  it("reads timestamps in the given zone unless the text has its own offset", () => {
    expect(parseTimestampMicros("1970-01-01 00:00:01.5", "UTC")).toBe(1_500_000n);
    expect(parseTimestampMicros("1970-01-01T01:00:00+01:00", "UTC")).toBe(0n);
    expect(parseTimestampMicros("1970-01-01T00:00:00Z", "America/New_York")).toBe(0n);
    expect(parseTimestampMicros("1970-01-01 00:00:00", "America/New_York")).toBe(18_000_000_000n);
    expect(parseTimestampMicros("2024-01-31", "UTC")).toBe(BigInt(Date.UTC(2024, 0, 31)) * 1000n);
  });

  it("resolves a daylight-saving wall clock to the right instant", () => {
    const summer = parseTimestampMicros("2024-07-01 12:00:00", "Europe/Paris");
    expect(summer).toBe(BigInt(Date.UTC(2024, 6, 1, 10)) * 1000n);
  });

  it("rejects a zone on a timestamp_ntz", () => {
    expect(parseTimestampNtzMicros("2024-01-01 10:00:00")).toBe(BigInt(Date.UTC(2024, 0, 1, 10)) * 1000n);
    expect(parseTimestampNtzMicros("2024-01-01 10:00:00Z")).toBeNull();
  });

  it("applies dateFormat / timestampFormat patterns to the whole text", () => {
    const formats = {
      dateFormat: compilePattern("dd/MM/yyyy"),
      timestampFormat: compilePattern("yyyy.MM.dd'T'HH:mm:ss.SSSXXX"),
      timestampNtzFormat: null,
      timeZone: "UTC",
    };
    expect(parseDateWith("02/01/1970", formats)).toBe(1);
    expect(parseDateWith("1970-01-02", formats)).toBeNull();
    expect(parseTimestampWith("1970.01.01T00:00:01.250+00:00", formats, false)).toBe(1_250_000n);
    expect(() => compilePattern("EEE yyyy")).toThrow(/letter E/);
  });
});

describe("decimals", () => {
  it("parses exact text at a scale, rounding half up and checking precision", () => {
    expect(parseDecimalUnscaled("12.345", 10, 2)).toBe(1235n);
    expect(parseDecimalUnscaled("-0.5", 5, 0)).toBe(-1n);
    expect(parseDecimalUnscaled("1e2", 5, 1)).toBe(1000n);
    expect(parseDecimalUnscaled("123456", 5, 0)).toBeNull();
    expect(parseDecimalUnscaled("abc", 5, 0)).toBeNull();
  });

  it("formats unscaled values in plain notation", () => {
    expect(formatDecimal(5n, 2)).toBe("0.05");
    expect(formatDecimal(-12345n, 2)).toBe("-123.45");
    expect(formatDecimal(7n, 0)).toBe("7");
  });
});

describe("Java number text", () => {
  it("writes doubles as Double.toString does", () => {
    expect(javaDouble(1)).toBe("1.0");
    expect(javaDouble(0.001)).toBe("0.001");
    expect(javaDouble(0.0001)).toBe("1.0E-4");
    expect(javaDouble(12345678)).toBe("1.2345678E7");
    expect(javaDouble(-0)).toBe("-0.0");
    expect(javaDouble(Number.NaN)).toBe("NaN");
  });

  it("writes floats with the shortest digits that read back", () => {
    expect(javaFloat(Math.fround(0.1))).toBe("0.1");
    expect(javaFloat(Math.fround(2.5))).toBe("2.5");
  });

  it("writes timestamps with milliseconds and the zone offset, as Spark's CSV writer", () => {
    expect(formatTimestamp(1_500_000n, "UTC")).toBe("1970-01-01T00:00:01.500Z");
    expect(formatTimestamp(0n, "Asia/Kolkata")).toBe("1970-01-01T05:30:00.000+05:30");
  });
});
