/**
 * ANSI interval literals as Spark prints them in `show()` and `CAST(... AS STRING)`:
 * `INTERVAL '-1-2' YEAR TO MONTH`, `INTERVAL '5' MONTH`, `INTERVAL '1 02:03:04.5' DAY TO SECOND`,
 * `INTERVAL '05' HOUR`, `INTERVAL '-00.5' SECOND`.
 */
import type { DayTimeIntervalType, YearMonthIntervalType } from "../types/index.js";

const YEAR_MONTH_UNITS = ["YEAR", "MONTH"] as const;
const DAY_TIME_UNITS = ["DAY", "HOUR", "MINUTE", "SECOND"] as const;

function qualifier(units: readonly string[], start: number, end: number): string {
  return start === end ? `${units[start]}` : `${units[start]} TO ${units[end]}`;
}

export function formatYearMonthInterval(months: number, type: YearMonthIntervalType): string {
  const sign = months < 0 ? "-" : "";
  const abs = Math.abs(months);
  let body: string;
  if (type.startField === type.endField) {
    body = type.startField === 0 ? String(Math.trunc(abs / 12)) : String(abs);
  } else {
    body = `${Math.trunc(abs / 12)}-${abs % 12}`;
  }
  return `INTERVAL '${sign}${body}' ${qualifier(YEAR_MONTH_UNITS, type.startField, type.endField)}`;
}

const MICROS_PER_UNIT = [86_400_000_000n, 3_600_000_000n, 60_000_000n, 1_000_000n] as const;

export function formatDayTimeInterval(micros: bigint, type: DayTimeIntervalType): string {
  const sign = micros < 0n ? "-" : "";
  let rest = micros < 0n ? -micros : micros;
  const parts: string[] = [];
  for (let field = type.startField; field <= type.endField; field++) {
    const unit = MICROS_PER_UNIT[field] as bigint;
    const isLast = field === type.endField;
    if (field === 3) {
      parts.push(secondsText(rest));
      break;
    }
    const amount = rest / unit;
    rest %= unit;
    // Days are never padded; hours and minutes are, even as the leading field.
    parts.push(field === 0 ? amount.toString() : amount.toString().padStart(2, "0"));
    if (isLast) break;
  }
  let body = parts[0] ?? "";
  for (let i = 1; i < parts.length; i++) body += (type.startField + i === 1 ? " " : ":") + parts[i];
  return `INTERVAL '${sign}${body}' ${qualifier(DAY_TIME_UNITS, type.startField, type.endField)}`;
}

/** Whole seconds padded to two digits plus the fraction without trailing zeros: `04.5`, `00.000001`, `07`. */
function secondsText(micros: bigint): string {
  const whole = (micros / 1_000_000n).toString().padStart(2, "0");
  const fraction = (micros % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}
