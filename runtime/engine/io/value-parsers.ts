/**
 * Text → engine values for file sources: dates as days since the epoch, timestamps as microseconds since the
 * epoch (UTC), decimals as unscaled bigints. The default date/time parsing is Spark's lenient ISO-8601 form
 * (`2024-01-31`, `2024-01-31 12:30:00.123456`, `…T…Z`, `…+01:00`); a zone-less timestamp is wall-clock time in the
 * session (or `timeZone` option) zone.
 */

import { daysFromCivil } from "../functions/datetime-format.js";

const DAY_MS = 86_400_000;

export { daysFromCivil };

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= (days[month - 1] as number);
}

const DATE_RE = /^\s*([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$/;

/** Spark's lenient date cast: `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d`, optionally followed by a time part. */
export function parseDateDays(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (!validDate(year, month, day)) return null;
  return daysFromCivil(year, month, day);
}

const TS_RE =
  /^\s*([+-]?\d{4,6})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]+\/[A-Za-z_]+)?\s*$/;

const offsetCache = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC (in ms) at an instant. */
export function zoneOffsetMillis(timeZone: string, utcMillis: number): number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC" || timeZone === "Z") return 0;
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
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(utcMillis))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - (utcMillis - (((utcMillis % 1000) + 1000) % 1000));
}

/** Wall-clock milliseconds in a zone → UTC milliseconds (two passes settle DST edges). */
export function localToUtcMillis(localMillis: number, timeZone: string): number {
  let guess = localMillis - zoneOffsetMillis(timeZone, localMillis);
  guess = localMillis - zoneOffsetMillis(timeZone, guess);
  return guess;
}

function explicitOffsetMillis(zone: string): number | null {
  if (zone === "Z" || zone === "UTC") return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (m === null) return null;
  const sign = m[1] === "-" ? -1 : 1;
  return sign * (Number(m[2]) * 3_600_000 + Number(m[3] ?? 0) * 60_000);
}

/** Spark's lenient timestamp cast; null when the text is not a timestamp. */
export function parseTimestampMicros(text: string, timeZone: string): bigint | null {
  const m = TS_RE.exec(text);
  if (m === null) return parseDateOnlyTimestamp(text, timeZone);
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!validDate(year, month, day) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const local = (daysFromCivil(year, month, day) * 86_400 + Number(h) * 3600 + Number(mi) * 60 + Number(s)) * 1000;
  let utc: number;
  if (zone === undefined) utc = localToUtcMillis(local, timeZone);
  else {
    const fixed = explicitOffsetMillis(zone);
    utc = fixed === null ? localToUtcMillis(local, zone) : local - fixed;
  }
  const micros = frac === "" ? 0 : Number(frac.padEnd(6, "0").slice(0, 6));
  return BigInt(utc) * 1000n + BigInt(micros);
}

function parseDateOnlyTimestamp(text: string, timeZone: string): bigint | null {
  if (!/^\s*[+-]?\d{4,6}(-\d{1,2}){0,2}\s*$/.test(text)) return null;
  const days = parseDateDays(text);
  if (days === null) return null;
  return BigInt(localToUtcMillis(days * DAY_MS, timeZone)) * 1000n;
}

/** A wall-clock (timestamp_ntz) value: the same parse with no zone applied; a zone suffix is rejected. */
export function parseTimestampNtzMicros(text: string): bigint | null {
  const m = TS_RE.exec(text);
  if (m === null || m[8] !== undefined) return null;
  return parseTimestampMicros(text, "UTC");
}

/** Exact decimal text → unscaled bigint at `scale`; null when not a number or it needs more than `precision` digits. */
export function parseDecimalUnscaled(text: string, precision: number, scale: number): bigint | null {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (m === null || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const sign = m[1] === "-" ? -1n : 1n;
  let digits = `${m[2]}${m[3] ?? ""}`;
  let exponent = Number(m[4] ?? 0) - (m[3] ?? "").length + scale;
  if (exponent >= 0) digits += "0".repeat(exponent);
  else {
    // Round half up on the dropped digits, as Spark's decimal cast does.
    const keep = digits.length + exponent;
    const dropped = keep < 0 ? "" : digits.slice(keep);
    const kept = keep <= 0 ? "0" : digits.slice(0, keep);
    const roundUp = keep >= 0 && (dropped.charCodeAt(0) ?? 48) >= 53;
    digits = (BigInt(kept) + (roundUp ? 1n : 0n)).toString();
    exponent = 0;
  }
  const unscaled = BigInt(digits === "" ? "0" : digits);
  if (unscaled.toString().length > precision && unscaled !== 0n) return null;
  return sign * unscaled;
}
