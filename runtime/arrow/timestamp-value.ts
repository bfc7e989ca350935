/**
 * Spark timestamps to the microsecond. A JS Date stops at milliseconds, so the exact value is a bigint count of
 * microseconds and `toDate()` is an explicit, lossy accessor.
 *
 * - `TimestampValue` (TIMESTAMP, with local time zone): an instant, µs since 1970-01-01T00:00:00Z.
 * - `TimestampNTZValue` (TIMESTAMP_NTZ): a wall-clock reading, µs since 1970-01-01T00:00:00 with no zone.
 */
import { civilFromDays, formatCivilDate, formatTimeOfDay, splitMicros } from "./civil-calendar.js";

const MICROS_PER_MILLI = 1000n;

function isoText(micros: bigint): string {
  const { epochDay, microsOfDay } = splitMicros(micros);
  const date = formatCivilDate(civilFromDays(epochDay));
  const seconds = Math.floor(microsOfDay / 1_000_000);
  const time = formatTimeOfDay(seconds * 1_000_000, 6);
  const fraction = String(microsOfDay % 1_000_000).padStart(6, "0");
  return `${date}T${time}.${fraction}`;
}

/** Floor division to milliseconds, so instants before 1970 round towards the past as Date does. */
function floorMillis(micros: bigint): number {
  const millis = micros / MICROS_PER_MILLI;
  return Number(micros % MICROS_PER_MILLI < 0n ? millis - 1n : millis);
}

function toJsDate(micros: bigint, what: string): Date {
  const date = new Date(floorMillis(micros));
  if (Number.isNaN(date.getTime())) throw new RangeError(`${what} is outside the range of a JS Date`);
  return date;
}

export class TimestampValue {
  constructor(readonly micros: bigint) {}

  static fromDate(date: Date): TimestampValue {
    return new TimestampValue(BigInt(date.getTime()) * MICROS_PER_MILLI);
  }

  /** The instant as a JS Date, truncated to the millisecond (sub-millisecond digits are dropped). */
  toDate(): Date {
    return toJsDate(this.micros, this.toString());
  }

  /** ISO 8601 in UTC with all six fraction digits: `2020-01-01T12:00:00.123456Z`. */
  toISOString(): string {
    return `${isoText(this.micros)}Z`;
  }

  toString(): string {
    return this.toISOString();
  }

  toJSON(): string {
    return this.toISOString();
  }

  equals(other: TimestampValue): boolean {
    return this.micros === other.micros;
  }
}

export class TimestampNTZValue {
  constructor(readonly micros: bigint) {}

  /** The wall clock of a JS Date read in UTC (`Date.UTC(...)` values round-trip). */
  static fromDate(date: Date): TimestampNTZValue {
    return new TimestampNTZValue(BigInt(date.getTime()) * MICROS_PER_MILLI);
  }

  /** A JS Date whose UTC fields show this wall-clock reading, truncated to the millisecond. */
  toDate(): Date {
    return toJsDate(this.micros, this.toString());
  }

  /** ISO 8601 without a zone and with all six fraction digits: `2020-01-01T12:00:00.123456`. */
  toString(): string {
    return isoText(this.micros);
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: TimestampNTZValue): boolean {
    return this.micros === other.micros;
  }
}
