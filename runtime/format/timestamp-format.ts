/**
 * Timestamps as Spark shows them: `yyyy-MM-dd HH:mm:ss[.fraction]` with the fraction's trailing zeros removed.
 * TIMESTAMP values are shown in the session time zone, TIMESTAMP_NTZ values as they are.
 */
import { civilFromDays, formatCivilDate, formatTimeOfDay, splitMicros } from "../arrow/civil-calendar.js";
import { IllegalArgumentException } from "../errors/index.js";

/** Wall-clock microseconds (no zone) to `2020-01-01 12:00:00.123456`. */
export function formatLocalMicros(micros: bigint): string {
  const { epochDay, microsOfDay } = splitMicros(micros);
  return `${formatCivilDate(civilFromDays(epochDay))} ${formatTimeOfDay(microsOfDay, 6)}`;
}

/** An instant (µs since the epoch, UTC) shown as the wall clock of `timeZone`. */
export function formatInstantMicros(micros: bigint, timeZone: string): string {
  return formatLocalMicros(micros + BigInt(zoneOffsetSeconds(micros, timeZone)) * 1_000_000n);
}

const UTC_ZONES = new Set(["UTC", "Etc/UTC", "GMT", "Etc/GMT", "Z", "+00:00", "Universal", "Zulu"]);
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Intl only covers ±8.64e15 ms; beyond it the offset at the range edge is used (zones have no rules there). */
const MAX_MS = 8.64e15;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        era: "short",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch (cause) {
      throw new IllegalArgumentException(`Unknown time zone "${timeZone}".`, { cause });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Seconds to add to UTC to get the zone's wall clock at that instant (fixed offsets like `+05:30` too). */
export function zoneOffsetSeconds(micros: bigint, timeZone: string): number {
  if (UTC_ZONES.has(timeZone)) return 0;
  const fixed = /^([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(timeZone);
  if (fixed) {
    const seconds = Number(fixed[2]) * 3600 + Number(fixed[3]) * 60 + Number(fixed[4] ?? 0);
    return fixed[1] === "-" ? -seconds : seconds;
  }
  const millis = Math.min(Math.max(Number(micros / 1000n), -MAX_MS), MAX_MS);
  const instant = Math.floor(millis / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const year = parts.era === "BC" || parts.era === "B" ? 1 - Number(parts.year) : Number(parts.year);
  const wallClock = Date.UTC(
    2000,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  // Date.UTC maps years 0..99 to 1900s, so set the year separately.
  const asUtc = new Date(wallClock);
  asUtc.setUTCFullYear(year);
  return Math.round((asUtc.getTime() - instant) / 1000);
}
