import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import {
  ArrayType,
  CalendarIntervalType,
  DateType,
  DayTimeIntervalType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  parseSchema,
  StringType,
  TimestampNTZType,
  TimestampType,
  TimeType,
  VariantType,
  YearMonthIntervalType,
} from "../types/index.js";
import { CalendarInterval } from "./calendar-interval.js";
import { decodeColumn } from "./column-decoder.js";
import type { DateValue } from "./date-value.js";
import { Decimal } from "./decimal.js";
import { Row } from "./row.js";
import { batchToRows } from "./rows.js";
import { batchOf, binaries, fixed, list, map, strings, struct } from "./test-batches.test-helper.js";
import { TimeValue } from "./time-value.js";
import { TimestampNTZValue, TimestampValue } from "./timestamp-value.js";
import type { VariantValue } from "./variant-value.js";

/** Decimal128 words (little-endian 32-bit pieces of the two's complement value). */
function decimalWords(values: readonly bigint[]): Uint32Array {
  const words = new Uint32Array(values.length * 4);
  values.forEach((v, i) => {
    const u = BigInt.asUintN(128, v);
    for (let w = 0; w < 4; w++) words[i * 4 + w] = Number((u >> BigInt(32 * w)) & 0xffffffffn);
  });
  return words;
}

describe("leaf types", () => {
  it("integers, with nulls from the validity bitmap; long stays bigint", () => {
    expect(
      decodeColumn(fixed(new arrow.Int32(), Int32Array.of(1, 0, -7), [true, false, true]), IntegerType.instance),
    ).toEqual([1, null, -7]);
    const longs = fixed(new arrow.Int64(), BigInt64Array.of(9223372036854775807n, -9223372036854775808n));
    expect(decodeColumn(longs, LongType.instance)).toEqual([9223372036854775807n, -9223372036854775808n]);
  });

  it("strings, ASCII-only and not, including slices", () => {
    expect(decodeColumn(strings(["ab", null, "", "c"]), StringType.instance)).toEqual(["ab", null, "", "c"]);
    expect(decodeColumn(strings(["é", "a", null, "日本 😀"]), StringType.instance)).toEqual([
      "é",
      "a",
      null,
      "日本 😀",
    ]);
    expect(decodeColumn(strings(["é", "xy", "z"]).slice(1, 2), StringType.instance)).toEqual(["xy", "z"]);
  });

  it("keeps NaN and infinities of floats and doubles", () => {
    const doubles = fixed(new arrow.Float64(), Float64Array.of(Number.NaN, Number.POSITIVE_INFINITY, -0.5));
    const out = decodeColumn(doubles, DoubleType.instance);
    expect(out[0]).toBeNaN();
    expect(out.slice(1)).toEqual([Number.POSITIVE_INFINITY, -0.5]);
    expect(decodeColumn(fixed(new arrow.Float32(), Float32Array.of(1.1)), FloatType.instance)).toEqual([
      Math.fround(1.1),
    ]);
  });

  it("decimals exactly, up to (38,38) and (38,0)", () => {
    const max = 10n ** 38n - 1n;
    const d38 = fixed(new arrow.Decimal(38, 38, 128), decimalWords([max, -1n, 0n]));
    expect(decodeColumn(d38, new DecimalType(38, 38)).map(String)).toEqual([
      "0.99999999999999999999999999999999999999",
      "-0.00000000000000000000000000000000000001",
      "0.00000000000000000000000000000000000000",
    ]);
    const d0 = fixed(new arrow.Decimal(0, 38, 128), decimalWords([-max]));
    expect(decodeColumn(d0, new DecimalType(38, 0))).toEqual([new Decimal(-max, 0)]);
  });

  it("refuses Arrow data that does not fit the Spark type", () => {
    const ints = fixed(new arrow.Int32(), Int32Array.of(1));
    expect(() => decodeColumn(ints, LongType.instance)).toThrow(/ARROW_TYPE_MISMATCH.*Int32.*bigint/);
    const d = fixed(new arrow.Decimal(2, 10, 128), decimalWords([1n]));
    expect(() => decodeColumn(d, new DecimalType(10, 3))).toThrow(/scale differs/);
  });

  it("dates before 1970 and far from it", () => {
    const days = fixed(new arrow.DateDay(), Int32Array.of(-1, -719162, 2932896));
    expect(decodeColumn(days, DateType.instance).map(String)).toEqual(["1969-12-31", "0001-01-01", "9999-12-31"]);
    expect((decodeColumn(days, DateType.instance)[0] as DateValue).epochDay).toBe(-1);
  });

  it("timestamps to the microsecond, with and without time zone", () => {
    const micros = BigInt64Array.of(-1n, 1_704_067_200_123_456n);
    const zoned = decodeColumn(fixed(new arrow.TimestampMicrosecond("Etc/UTC"), micros), TimestampType.instance);
    expect(zoned).toEqual([new TimestampValue(-1n), new TimestampValue(1_704_067_200_123_456n)]);
    expect(String(zoned[0])).toBe("1969-12-31T23:59:59.999999Z");
    expect((zoned[0] as TimestampValue).toDate().toISOString()).toBe("1969-12-31T23:59:59.999Z");
    const local = decodeColumn(fixed(new arrow.TimestampMicrosecond(), micros), TimestampNTZType.instance);
    expect(String(local[1])).toBe("2024-01-01T00:00:00.123456");
    expect(local[1]).toBeInstanceOf(TimestampNTZValue);
  });

  it("TIME from nanoseconds, intervals in months, microseconds and calendar parts", () => {
    const time = fixed(new arrow.TimeNanosecond(), BigInt64Array.of(45_296_123_456_000n));
    expect(decodeColumn(time, new TimeType(6))).toEqual([TimeValue.fromParts(12, 34, 56, 123456)]);
    const months = fixed(new arrow.IntervalYearMonth(), Int32Array.of(-14));
    expect(decodeColumn(months, new YearMonthIntervalType())).toEqual([-14]);
    const duration = fixed(new arrow.DurationMicrosecond(), BigInt64Array.of(-9223372036854775808n));
    expect(decodeColumn(duration, new DayTimeIntervalType())).toEqual([-9223372036854775808n]);
    // 14 months, 25 days, 18367.5 s as nanoseconds split into low/high words.
    const nanos = 18_367_500_000_000n;
    const words = Int32Array.of(14, 25, Number(BigInt.asIntN(32, nanos)), Number(nanos >> 32n));
    const calendar = decodeColumn(fixed(new arrow.IntervalMonthDayNano(), words), CalendarIntervalType.instance);
    expect(calendar).toEqual([new CalendarInterval(14, 25, 18_367_500_000n)]);
    expect(String(calendar[0])).toBe("1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds");
  });

  it("variant from its struct of two binaries", () => {
    const value = Uint8Array.of(0x0c, 0x01); // int8 1
    const metadata = Uint8Array.of(0x01, 0x00, 0x00);
    const data = struct({ value: binaries([value]), metadata: binaries([metadata]) }, undefined, {
      metadata: new Map([["variant", "true"]]),
    });
    const [decoded] = decodeColumn(data, VariantType.instance) as VariantValue[];
    expect(decoded?.toJsonString()).toBe("1");
    expect(decoded?.value).toEqual(value);
  });
});

describe("nested types", () => {
  it("array<map<string,struct<x:int>>> with nulls at every level", () => {
    const xs = fixed(new arrow.Int32(), Int32Array.of(1, 0, 3), [true, false, true]);
    const structs = struct({ x: xs }, [true, true, false]);
    const maps = map(strings(["a", "b", "c"]), structs, [0, 2, 2, 3], [true, false, true]);
    const arrays = list(maps, [0, 1, 3, 3], [true, true, false]);
    const type = new ArrayType(new MapType(StringType.instance, parseSchema("x INT")));
    const [first, second, third] = decodeColumn(arrays, type) as Array<Array<Map<string, Row | null> | null> | null>;
    expect(first?.[0]?.get("a")?.get("x")).toBe(1);
    expect(first?.[0]?.get("b")?.get("x")).toBeNull();
    expect(second).toEqual([null, new Map([["c", null]])]);
    expect(third).toBeNull();
  });

  it("sliced data (offset > 0) reads the right values and nulls", () => {
    const data = fixed(new arrow.Int32(), Int32Array.of(10, 11, 12, 13), [true, false, true, true]).slice(1, 3);
    expect(decodeColumn(data, IntegerType.instance)).toEqual([null, 12, 13]);
    const lists = list(fixed(new arrow.Int32(), Int32Array.of(1, 2, 3, 4)), [0, 1, 3, 4]).slice(1, 2);
    expect(decodeColumn(lists, new ArrayType(IntegerType.instance))).toEqual([[2, 3], [4]]);
  });

  it("rows keep duplicate names and answer by name, index and property", () => {
    const batch = batchOf({ id: fixed(new arrow.Int32(), Int32Array.of(1)), name: strings(["x"]) });
    const schema = parseSchema("id INT, id2 STRING");
    const dupSchema = parseSchema("id INT, id STRING");
    const [row] = batchToRows(batch, dupSchema);
    expect(row?.get("id")).toBe(1);
    expect(row?.get(1)).toBe("x");
    expect(row?.getAll("id")).toEqual([1, "x"]);
    expect(row?.id).toBe(1);
    expect(row?.asDict()).toEqual({ id: "x" });
    const [plain] = batchToRows(batch, schema);
    expect(plain?.id2).toBe("x");
    expect(() => plain?.get("nope")).toThrow(/no field "nope"/);
  });

  it("Row.toJSON writes every value so JSON.stringify neither throws nor loses it", () => {
    const row = Row.of({
      big: 9007199254740993n,
      small: 5n,
      nan: Number.NaN,
      bytes: Uint8Array.of(1, 2),
      dec: new Decimal(1n, 38),
      m: new Map([[1, "a"]]),
      when: new TimestampValue(1n),
    });
    expect(JSON.parse(JSON.stringify(row))).toEqual({
      big: "9007199254740993",
      small: 5,
      nan: "NaN",
      bytes: "AQI=",
      dec: "0.00000000000000000000000000000000000001",
      m: [[1, "a"]],
      when: "1970-01-01T00:00:00.000001Z",
    });
  });

  it("reads the Spark schema from Arrow when none is given, variant included", () => {
    const batch = batchOf({ d: fixed(new arrow.DateDay(), Int32Array.of(0)), s: strings([null]) });
    const [row] = batchToRows(batch);
    expect(row?.toString()).toBe("Row(d=1970-01-01, s=null)");
  });
});
