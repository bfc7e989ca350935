/**
 * Proleptic Gregorian calendar arithmetic on day and microsecond counts, the calendar Spark 3+ uses. Pure
 * integer maths, so dates before 1970, before year 1 and past JS Date's ±100 million days all work.
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 to a calendar date (after Howard Hinnant's days_from_civil inverse). */
export function civilFromDays(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** A calendar date to days since 1970-01-01. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** `YYYY-MM-DD`; years outside 0..9999 get an explicit sign as in ISO 8601 (`+10000-01-01`, `-0001-01-01`). */
export function formatCivilDate({ year, month, day }: CivilDate): string {
  const yearText = year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? "-" : "+"}${pad(Math.abs(year), 4)}`;
  return `${yearText}-${pad(month, 2)}-${pad(day, 2)}`;
}

export const MICROS_PER_SECOND = 1_000_000n;
export const MICROS_PER_DAY = 86_400_000_000n;

/** Splits microseconds since the epoch into whole days and microseconds within that day (always ≥ 0). */
export function splitMicros(micros: bigint): { epochDay: number; microsOfDay: number } {
  let day = micros / MICROS_PER_DAY;
  let rest = micros % MICROS_PER_DAY;
  if (rest < 0n) {
    rest += MICROS_PER_DAY;
    day -= 1n;
  }
  return { epochDay: Number(day), microsOfDay: Number(rest) };
}

/**
 * `HH:MM:SS` plus a fraction with trailing zeros removed (`12:00:00.1`, `12:00:00`), the way Spark prints
 * times and timestamps. `fractionDigits` is 6 for microseconds, 9 for nanoseconds.
 */
export function formatTimeOfDay(unitsOfDay: number, fractionDigits: 6 | 9): string {
  const perSecond = 10 ** fractionDigits;
  const totalSeconds = Math.floor(unitsOfDay / perSecond);
  const fraction = unitsOfDay - totalSeconds * perSecond;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const base = `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}`;
  if (fraction === 0) return base;
  return `${base}.${pad(fraction, fractionDigits).replace(/0+$/, "")}`;
}
