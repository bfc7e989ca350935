/**
 * Calendar arithmetic for DATE (days since 1970-01-01) and TIMESTAMP (microseconds since the epoch, shown in
 * the session time zone), in the proleptic Gregorian calendar Spark uses.
 */

const MICROS_PER_DAY = 86_400_000_000n;

/** Days since the epoch → civil date (Howard Hinnant's algorithm). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  const y = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${y}-${pad(month)}-${pad(day)}`;
}

/** Parses `yyyy-[m]m-[d]d` (optionally followed by a time part, ignored as Spark does); null when malformed. */
export function parseDate(text: string): number | null {
  const match = /^\s*([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const offsetCache = new Map<string, Intl.DateTimeFormat>();

/** Java's fixed-offset zone ids (`+08:00`, `-8`, `UTC+01:30`, `GMT-05`), which Intl does not accept. */
function fixedOffsetSeconds(timeZone: string): number | null {
  const match = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(timeZone);
  if (match === null) return null;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return match[1] === "-" ? -seconds : seconds;
}

/** The zone's offset from UTC in seconds at a given instant. */
export function zoneOffsetSeconds(epochSeconds: number, timeZone: string): number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return 0;
  const fixed = fixedOffsetSeconds(timeZone);
  if (fixed !== null) return fixed;
  let format = offsetCache.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetCache.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(epochSeconds * 1000)).map((p) => [p.type, p.value]));
  const local =
    daysFromCivil(Number(parts.year), Number(parts.month), Number(parts.day)) * 86400 +
    Number(parts.hour) * 3600 +
    Number(parts.minute) * 60 +
    Number(parts.second);
  return local - epochSeconds;
}

/** Local wall-clock micros (as if UTC) of an instant in the zone. */
export function toLocalMicros(micros: bigint, timeZone: string): bigint {
  const seconds = Number(micros / 1_000_000n);
  return micros + BigInt(zoneOffsetSeconds(seconds, timeZone)) * 1_000_000n;
}

/** The instant whose wall-clock time in the zone is `localMicros`. */
export function fromLocalMicros(localMicros: bigint, timeZone: string): bigint {
  const guess = Number(localMicros / 1_000_000n);
  const guessOffset = zoneOffsetSeconds(guess, timeZone);
  const offset = zoneOffsetSeconds(guess - guessOffset, timeZone);
  if (offset !== guessOffset && zoneOffsetSeconds(guess - offset, timeZone) !== offset) {
    // A wall-clock time the zone skips (a daylight-saving gap): java.time moves it forward by the gap, which is
    // reading it with the offset in force before the transition, the smaller one.
    return localMicros - BigInt(Math.min(offset, guessOffset)) * 1_000_000n;
  }
  return localMicros - BigInt(offset) * 1_000_000n;
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Days since the epoch of an instant's local date in the zone. */
export function timestampToDays(micros: bigint, timeZone: string): number {
  return Number(floorDiv(toLocalMicros(micros, timeZone), MICROS_PER_DAY));
}

export function daysToTimestamp(days: number, timeZone: string): bigint {
  return fromLocalMicros(BigInt(days) * MICROS_PER_DAY, timeZone);
}

/** `yyyy-MM-dd HH:mm:ss[.SSSSSS]` with trailing zeros of the fraction trimmed, as Spark casts to string. */
export function formatTimestamp(micros: bigint, timeZone: string): string {
  const local = toLocalMicros(micros, timeZone);
  const days = floorDiv(local, MICROS_PER_DAY);
  const inDay = Number(local - days * MICROS_PER_DAY);
  const seconds = Math.floor(inDay / 1_000_000);
  const fraction = inDay % 1_000_000;
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  const fractionText = fraction === 0 ? "" : `.${pad(fraction, 6).replace(/0+$/, "")}`;
  return `${formatDate(Number(days))} ${time}${fractionText}`;
}

/** Parses `yyyy-MM-dd[( |T)HH:mm[:ss[.ffffff]]]` as wall-clock time in the zone; null when malformed. */
export function parseTimestamp(text: string, timeZone: string): bigint | null {
  const match =
    /^\s*([+-]?\d{4,6}-\d{1,2}-\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?\s*(Z)?\s*$/.exec(
      text,
    );
  if (!match) return null;
  const days = parseDate(match[1] as string);
  if (days === null) return null;
  const hour = Number(match[2] ?? 0);
  const minute = Number(match[3] ?? 0);
  const second = Number(match[4] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = Number((match[5] ?? "").padEnd(6, "0").slice(0, 6));
  const local = BigInt(days) * MICROS_PER_DAY + BigInt((hour * 3600 + minute * 60 + second) * 1_000_000 + fraction);
  return match[6] === "Z" ? local : fromLocalMicros(local, timeZone);
}
