/**
 * A Spark TIME value: nanoseconds since midnight (Spark stores up to microseconds; Arrow carries nanoseconds, so
 * keeping nanoseconds loses nothing). 86 400 × 10⁹ fits a double exactly, so a plain number is enough.
 */
import { formatTimeOfDay } from "./civil-calendar.js";

const NANOS_PER_DAY = 86_400_000_000_000;

export class TimeValue {
  constructor(readonly nanosOfDay: number) {
    if (!Number.isSafeInteger(nanosOfDay) || nanosOfDay < 0 || nanosOfDay >= NANOS_PER_DAY) {
      throw new RangeError(`TIME must be within one day in nanoseconds, got ${nanosOfDay}`);
    }
  }

  static fromParts(hour: number, minute: number, second: number, micro = 0): TimeValue {
    return new TimeValue(((hour * 60 + minute) * 60 + second) * 1e9 + micro * 1000);
  }

  get hour(): number {
    return Math.floor(this.nanosOfDay / 3_600_000_000_000);
  }
  get minute(): number {
    return Math.floor(this.nanosOfDay / 60_000_000_000) % 60;
  }
  get second(): number {
    return Math.floor(this.nanosOfDay / 1e9) % 60;
  }
  /** Microseconds within the second (0..999999). */
  get microsecond(): number {
    return Math.floor((this.nanosOfDay % 1e9) / 1000);
  }
  get microsOfDay(): number {
    return Math.floor(this.nanosOfDay / 1000);
  }

  /** `HH:MM:SS[.fraction]` with trailing zeros trimmed, as Spark prints TIME values. */
  toString(): string {
    return formatTimeOfDay(this.nanosOfDay, 9);
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: TimeValue): boolean {
    return this.nanosOfDay === other.nanosOfDay;
  }
}
