import { describe, expect, it } from "vitest";
import { civilFromDays, daysFromCivil, formatTimeOfDay, splitMicros } from "./civil-calendar.js";
import { DateValue } from "./date-value.js";
import { Decimal } from "./decimal.js";
import { TimestampValue } from "./timestamp-value.js";

describe("proleptic Gregorian arithmetic", () => {
  it("agrees with JS Date over its whole range, both ways", () => {
    for (let day = -100_000_000; day <= 100_000_000; day += 99_991) {
      const date = new Date(day * 86_400_000);
      const civil = civilFromDays(day);
      expect([civil.year, civil.month, civil.day]).toEqual([
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
      ]);
      expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(day);
    }
  });

  it("formats dates outside 0000..9999 with a sign and reads them back", () => {
    expect(new DateValue(-719_528).toString()).toBe("0000-01-01");
    expect(new DateValue(-719_529).toString()).toBe("-0001-12-31");
    expect(new DateValue(2_932_897).toString()).toBe("+10000-01-01");
    expect(DateValue.parse("-0044-03-15").toString()).toBe("-0044-03-15");
    expect(() => new DateValue(200_000_000).toDate()).toThrow(/outside the range of a JS Date/);
  });

  it("splits negative microseconds into the previous day", () => {
    expect(splitMicros(-1n)).toEqual({ epochDay: -1, microsOfDay: 86_399_999_999 });
    expect(new TimestampValue(-9_223_372_036_854_775_808n).toISOString()).toBe("-290308-12-21T19:59:05.224192Z");
    expect(formatTimeOfDay(45_296_100_000, 6)).toBe("12:34:56.1");
  });
});

describe("Decimal", () => {
  it("parses, prints and compares exactly", () => {
    expect(Decimal.parse("-12.340").toString()).toBe("-12.340");
    expect(Decimal.parse(".5")).toEqual(new Decimal(5n, 1));
    expect(new Decimal(-5n, 3).toString()).toBe("-0.005");
    expect(new Decimal(1n, 1).compareTo(new Decimal(10n, 2))).toBe(0);
    expect(new Decimal(1n, 1).equals(new Decimal(10n, 2))).toBe(false);
    expect(() => Decimal.parse("1e5")).toThrow(/not a decimal number/);
  });
});
