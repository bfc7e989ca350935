/**
 * Whole-column decoders for Spark's leaf types. Each reads the typed arrays of one Arrow `Data` chunk directly
 * (never `vector.get(i)`), writes `null` where the validity bitmap says so, and checks the Arrow layout first.
 */
import * as arrow from "apache-arrow";
import type { SparkDataType } from "../types/index.js";
import { arrowMismatch } from "./arrow-mismatch.js";
import { CalendarInterval } from "./calendar-interval.js";
import { DateValue } from "./date-value.js";
import { Decimal } from "./decimal.js";
import { TimeValue } from "./time-value.js";
import { TimestampNTZValue, TimestampValue } from "./timestamp-value.js";

/** Index → is-valid, or undefined when the chunk has no nulls (the common, fast case). */
export function validityOf(data: arrow.Data): ((i: number) => boolean) | undefined {
  if (data.nullCount === 0) return undefined;
  if (data.typeId === arrow.Type.Null) return () => false;
  const bitmap = data.nullBitmap;
  const offset = data.offset;
  if (!bitmap || bitmap.length === 0) return undefined;
  return (i) => ((bitmap[(offset + i) >> 3] as number) & (1 << ((offset + i) & 7))) !== 0;
}

/** Fills an output array by calling `read` for each valid slot. */
export function mapValid<T>(data: arrow.Data, read: (i: number) => T): Array<T | null> {
  const out = new Array<T | null>(data.length);
  const valid = validityOf(data);
  if (valid === undefined) {
    for (let i = 0; i < data.length; i++) out[i] = read(i);
  } else {
    for (let i = 0; i < data.length; i++) out[i] = valid(i) ? read(i) : null;
  }
  return out;
}

export function decodeBoolean(data: arrow.Data, type: SparkDataType): Array<boolean | null> {
  if (!arrow.DataType.isBool(data.type)) throw arrowMismatch(type, data);
  const bits = data.values as Uint8Array;
  const offset = data.offset;
  return mapValid(data, (i) => ((bits[(offset + i) >> 3] as number) & (1 << ((offset + i) & 7))) !== 0);
}

const INT_WIDTH = { byte: 8, short: 16, integer: 32 } as const;

export function decodeSmallInt(data: arrow.Data, type: SparkDataType & { kind: "byte" | "short" | "integer" }) {
  const t = data.type;
  if (!arrow.DataType.isInt(t) || !t.isSigned || t.bitWidth !== INT_WIDTH[type.kind]) throw arrowMismatch(type, data);
  const values = data.values as Int8Array | Int16Array | Int32Array;
  return mapValid(data, (i) => values[i] as number);
}

export function decodeLong(data: arrow.Data, type: SparkDataType): Array<bigint | null> {
  const t = data.type;
  if (!arrow.DataType.isInt(t) || !t.isSigned || t.bitWidth !== 64) throw arrowMismatch(type, data);
  const values = data.values as BigInt64Array;
  return mapValid(data, (i) => values[i] as bigint);
}

export function decodeFloating(data: arrow.Data, type: SparkDataType & { kind: "float" | "double" }) {
  const t = data.type;
  const precision = type.kind === "float" ? arrow.Precision.SINGLE : arrow.Precision.DOUBLE;
  if (!arrow.DataType.isFloat(t) || t.precision !== precision) throw arrowMismatch(type, data);
  const values = data.values as Float32Array | Float64Array;
  return mapValid(data, (i) => values[i] as number);
}

export function decodeDecimal(data: arrow.Data, type: SparkDataType & { kind: "decimal" }): Array<Decimal | null> {
  const t = data.type;
  if (!arrow.DataType.isDecimal(t) || t.scale !== type.scale) throw arrowMismatch(type, data, "scale differs");
  const words = data.values as Uint32Array;
  const stride = t.bitWidth / 32;
  const bits = BigInt(t.bitWidth);
  return mapValid(data, (i) => {
    let unscaled = 0n;
    for (let w = stride - 1; w >= 0; w--) unscaled = (unscaled << 32n) | BigInt(words[i * stride + w] as number);
    return new Decimal(BigInt.asIntN(Number(bits), unscaled), type.scale);
  });
}

export function decodeString(data: arrow.Data, type: SparkDataType): Array<string | null> {
  if (!arrow.DataType.isUtf8(data.type) && !arrow.DataType.isLargeUtf8(data.type)) throw arrowMismatch(type, data);
  const bytes = data.values as Uint8Array;
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  const start = data.length === 0 ? 0 : Number(offsets[0]);
  const end = data.length === 0 ? 0 : Number(offsets[data.length]);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(bytes, start, end)) {
    // One decode for the whole chunk; byte offsets are character offsets, and slices of it are nearly free.
    const whole = text.toString("latin1", start, end);
    return mapValid(data, (i) => whole.slice(Number(offsets[i]) - start, Number(offsets[i + 1]) - start));
  }
  return mapValid(data, (i) => text.toString("utf8", Number(offsets[i]), Number(offsets[i + 1])));
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

export function decodeBinary(data: arrow.Data, type: SparkDataType): Array<Uint8Array | null> {
  if (!arrow.DataType.isBinary(data.type) && !arrow.DataType.isLargeBinary(data.type)) throw arrowMismatch(type, data);
  const bytes = data.values as Uint8Array;
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  // A copy, so a kept value does not pin the whole batch buffer in memory.
  return mapValid(data, (i) => bytes.slice(Number(offsets[i]), Number(offsets[i + 1])));
}

export function decodeDate(data: arrow.Data, type: SparkDataType): Array<DateValue | null> {
  const t = data.type;
  if (!arrow.DataType.isDate(t)) throw arrowMismatch(type, data);
  if (t.unit === arrow.DateUnit.DAY) {
    const days = data.values as Int32Array;
    return mapValid(data, (i) => new DateValue(days[i] as number));
  }
  const millis = data.values as BigInt64Array | Int32Array;
  return mapValid(data, (i) => new DateValue(Math.floor(Number(millis[i]) / 86_400_000)));
}

/** Multiplier (or divisor when negative) from an Arrow time unit to microseconds. */
function toMicros(unit: arrow.TimeUnit, raw: bigint): bigint {
  switch (unit) {
    case arrow.TimeUnit.SECOND:
      return raw * 1_000_000n;
    case arrow.TimeUnit.MILLISECOND:
      return raw * 1000n;
    case arrow.TimeUnit.MICROSECOND:
      return raw;
    default: {
      const micros = raw / 1000n;
      return raw % 1000n < 0n ? micros - 1n : micros;
    }
  }
}

export function decodeTimestamp(data: arrow.Data, type: SparkDataType & { kind: "timestamp" | "timestamp_ntz" }) {
  const t = data.type;
  if (!arrow.DataType.isTimestamp(t)) throw arrowMismatch(type, data);
  if (type.kind === "timestamp" && !t.timezone) throw arrowMismatch(type, data, "a zoned timestamp needs a time zone");
  const raw = data.values as unknown as BigInt64Array;
  if (type.kind === "timestamp") return mapValid(data, (i) => new TimestampValue(toMicros(t.unit, raw[i] as bigint)));
  return mapValid(data, (i) => new TimestampNTZValue(toMicros(t.unit, raw[i] as bigint)));
}

const NANOS_PER_UNIT: Record<arrow.TimeUnit, number> = {
  [arrow.TimeUnit.SECOND]: 1e9,
  [arrow.TimeUnit.MILLISECOND]: 1e6,
  [arrow.TimeUnit.MICROSECOND]: 1e3,
  [arrow.TimeUnit.NANOSECOND]: 1,
};

export function decodeTime(data: arrow.Data, type: SparkDataType): Array<TimeValue | null> {
  const t = data.type;
  if (!arrow.DataType.isTime(t)) throw arrowMismatch(type, data);
  const raw = data.values as BigInt64Array | Int32Array;
  const scale = NANOS_PER_UNIT[t.unit];
  return mapValid(data, (i) => new TimeValue(Number(raw[i]) * scale));
}

export function decodeYearMonthInterval(data: arrow.Data, type: SparkDataType): Array<number | null> {
  const t = data.type;
  if (!arrow.DataType.isInterval(t) || t.unit !== arrow.IntervalUnit.YEAR_MONTH) throw arrowMismatch(type, data);
  const months = data.values as Int32Array;
  return mapValid(data, (i) => months[i] as number);
}

export function decodeDayTimeInterval(data: arrow.Data, type: SparkDataType): Array<bigint | null> {
  const t = data.type;
  if (!arrow.DataType.isDuration(t)) throw arrowMismatch(type, data);
  const raw = data.values as BigInt64Array;
  return mapValid(data, (i) => toMicros(t.unit, raw[i] as bigint));
}

export function decodeCalendarInterval(data: arrow.Data, type: SparkDataType): Array<CalendarInterval | null> {
  const t = data.type;
  if (!arrow.DataType.isInterval(t) || t.unit !== arrow.IntervalUnit.MONTH_DAY_NANO) throw arrowMismatch(type, data);
  const words = data.values as Int32Array;
  return mapValid(data, (i) => {
    const base = i * 4;
    const nanos = (BigInt(words[base + 3] as number) << 32n) | BigInt((words[base + 2] as number) >>> 0);
    if (nanos % 1000n !== 0n) throw arrowMismatch(type, data, `interval has sub-microsecond nanoseconds ${nanos}`);
    return new CalendarInterval(words[base] as number, words[base + 1] as number, nanos / 1000n);
  });
}
