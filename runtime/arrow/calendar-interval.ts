/**
 * Spark's CalendarInterval (the `interval` type of `make_interval` and legacy interval literals): months, days
 * and microseconds kept apart, because a month has no fixed number of days and a day no fixed number of µs
 * across DST changes.
 */
const MICROS_PER_HOUR = 3_600_000_000n;
const MICROS_PER_MINUTE = 60_000_000n;

export class CalendarInterval {
  constructor(
    readonly months: number,
    readonly days: number,
    readonly microseconds: bigint,
  ) {}

  /** Spark's text form, e.g. `1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds`. */
  toString(): string {
    if (this.months === 0 && this.days === 0 && this.microseconds === 0n) return "0 seconds";
    const parts: string[] = [];
    const unit = (value: number | bigint, name: string) => {
      if (value !== 0 && value !== 0n) parts.push(`${value} ${name}`);
    };
    if (this.months !== 0) {
      unit(Math.trunc(this.months / 12), "years");
      unit(this.months % 12, "months");
    }
    unit(this.days, "days");
    if (this.microseconds !== 0n) {
      let rest = this.microseconds;
      unit(rest / MICROS_PER_HOUR, "hours");
      rest %= MICROS_PER_HOUR;
      unit(rest / MICROS_PER_MINUTE, "minutes");
      rest %= MICROS_PER_MINUTE;
      if (rest !== 0n) parts.push(`${secondsText(rest)} seconds`);
    }
    return parts.join(" ");
  }

  toJSON(): { months: number; days: number; microseconds: string } {
    return { months: this.months, days: this.days, microseconds: this.microseconds.toString() };
  }

  equals(other: CalendarInterval): boolean {
    return this.months === other.months && this.days === other.days && this.microseconds === other.microseconds;
  }
}

/** Microseconds as seconds with the fraction's trailing zeros removed (`7.5`, `-0.000001`, `12`). */
function secondsText(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / 1_000_000n;
  const fraction = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}
