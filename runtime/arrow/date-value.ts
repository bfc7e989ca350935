/**
 * A Spark DATE: whole days since 1970-01-01 in the proleptic Gregorian calendar. Kept as a day count rather
 * than a JS Date because a JS Date is an instant (time zone shifts turn 1969-12-31 into 1970-01-01 and back)
 * and cannot represent Spark's full date range.
 */
import { type CivilDate, civilFromDays, daysFromCivil, formatCivilDate } from "./civil-calendar.js";

const MS_PER_DAY = 86_400_000;

export class DateValue {
  constructor(readonly epochDay: number) {
    if (!Number.isSafeInteger(epochDay)) throw new RangeError(`DateValue needs an integral day count, got ${epochDay}`);
  }

  static fromCivil(year: number, month: number, day: number): DateValue {
    return new DateValue(daysFromCivil(year, month, day));
  }

  /** Parses `YYYY-MM-DD` (optionally signed years such as `-0044-03-15`). */
  static parse(text: string): DateValue {
    const match = /^([+-]?\d{4,})-(\d{2})-(\d{2})$/.exec(text.trim());
    if (!match) throw new SyntaxError(`not a date (YYYY-MM-DD): "${text}"`);
    return DateValue.fromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  /** The UTC calendar day of a JS Date. */
  static fromDate(date: Date): DateValue {
    return new DateValue(Math.floor(date.getTime() / MS_PER_DAY));
  }

  get civil(): CivilDate {
    return civilFromDays(this.epochDay);
  }
  get year(): number {
    return this.civil.year;
  }
  get month(): number {
    return this.civil.month;
  }
  get day(): number {
    return this.civil.day;
  }

  /** Midnight UTC of this day as a JS Date; throws when the day is outside JS Date's range. */
  toDate(): Date {
    const date = new Date(this.epochDay * MS_PER_DAY);
    if (Number.isNaN(date.getTime())) throw new RangeError(`${this} is outside the range of a JS Date`);
    return date;
  }

  toString(): string {
    return formatCivilDate(this.civil);
  }

  toJSON(): string {
    return this.toString();
  }

  equals(other: DateValue): boolean {
    return this.epochDay === other.epochDay;
  }
}
