/**
 * CAST to and from the interval types: between ANSI intervals of one family (a narrower end field truncates
 * toward zero), ANSI intervals from strings in their literal form (`1-2`, `INTERVAL '1 02' DAY TO HOUR`),
 * calendar intervals from unit lists (`1 day 2 hours`), and single-field ANSI intervals to and from integers.
 */
import { IllegalArgumentException } from "../../errors/index.js";
import type { CalendarIntervalValue, ColumnVector } from "../columnar/column-vector.js";
import { castOverflow, notSupportedLocally, sparkError } from "../errors.js";
import type { CastMode } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { mapValues } from "./kernel-helpers.js";

const YM_NAMES = ["YEAR", "MONTH"] as const;
const DT_NAMES = ["DAY", "HOUR", "MINUTE", "SECOND"] as const;
/** Months per year-month field, microseconds per day-time field. */
const MONTHS_PER = [12, 1] as const;
const MICROS_PER = [86_400_000_000n, 3_600_000_000n, 60_000_000n, 1_000_000n] as const;
const INTEGRAL = new Set(["byte", "short", "integer", "long"]);

const qualifierOf = (names: readonly string[], start: number, end: number): string =>
  start === end ? (names[start] as string) : `${names[start]} TO ${names[end]}`;

/** Whether CAST(from AS to) is allowed when an interval type is on either side; undefined when none is. */
export function canCastInterval(from: T.DataType, to: T.DataType): boolean | undefined {
  const f = from.kind.case;
  const t = to.kind.case;
  const ansi = (k: string | undefined) => k === "yearMonthInterval" || k === "dayTimeInterval";
  if (!ansi(f) && !ansi(t) && f !== "calendarInterval" && t !== "calendarInterval") return undefined;
  if (f === t || f === "string" || t === "string" || f === "null") return true;
  const singleField = (type: T.DataType) => {
    const { start, end } = T.intervalFields(type);
    return start === end;
  };
  if (ansi(f) && INTEGRAL.has(t ?? "")) return singleField(from);
  if (ansi(t) && INTEGRAL.has(f ?? "")) return singleField(to);
  return false;
}

/** The cast itself; the input is known to be non-null-typed and different from `to`. */
export function castInterval(input: ColumnVector, to: T.DataType, mode: CastMode): ColumnVector {
  const from = input.type;
  const f = from.kind.case;
  const t = to.kind.case;
  if (f === "string") {
    return mapValues<string, unknown>(input, to, (text) => {
      const parsed = parseIntervalText(text, to);
      if (parsed !== null) return parsed;
      if (mode === "ansi") throw unmatchedFormat(text, to);
      return null;
    });
  }
  if (f === "yearMonthInterval" && t === "yearMonthInterval") {
    const { end } = T.intervalFields(to);
    return mapValues<number, number>(input, to, (months) => (end === 0 ? months - (months % 12) : months));
  }
  if (f === "dayTimeInterval" && t === "dayTimeInterval") {
    const unit = MICROS_PER[T.intervalFields(to).end] as bigint;
    return mapValues<bigint, bigint>(input, to, (micros) => micros - (micros % unit));
  }
  if ((f === "yearMonthInterval" || f === "dayTimeInterval") && INTEGRAL.has(t ?? ""))
    return toIntegral(input, to, mode);
  if ((t === "yearMonthInterval" || t === "dayTimeInterval") && INTEGRAL.has(f ?? "")) return fromIntegral(input, to);
  throw notSupportedLocally(`CAST(${T.simpleString(from)} AS ${T.simpleString(to)})`);
}

/** A single-field interval as a count of its unit (truncated toward zero), range-checked for the target. */
function toIntegral(input: ColumnVector, to: T.DataType, mode: CastMode): ColumnVector {
  const { start } = T.intervalFields(input.type);
  const months = input.type.kind.case === "yearMonthInterval";
  const bits = { byte: 8, short: 16, integer: 32, long: 64 }[to.kind.case as "byte"];
  return mapValues<number | bigint, number | bigint>(input, to, (value) => {
    const count = months
      ? BigInt(Math.trunc((value as number) / (MONTHS_PER[start] as number)))
      : (value as bigint) / (MICROS_PER[start] as bigint);
    if (BigInt.asIntN(bits, count) !== count) {
      if (mode !== "ansi") return null;
      throw castOverflow(String(count), T.sqlTypeName(input.type), T.sqlTypeName(to));
    }
    return bits === 64 ? count : Number(count);
  });
}

/** An integer as that many units of the target's single field. */
function fromIntegral(input: ColumnVector, to: T.DataType): ColumnVector {
  const { start } = T.intervalFields(to);
  if (to.kind.case === "yearMonthInterval") {
    return mapValues<number | bigint, number>(input, to, (n) => {
      const months = BigInt(n) * BigInt(MONTHS_PER[start] as number);
      if (BigInt.asIntN(32, months) !== months)
        throw castOverflow(String(n), T.sqlTypeName(input.type), T.sqlTypeName(to));
      return Number(months);
    });
  }
  return mapValues<number | bigint, bigint>(input, to, (n) => {
    const micros = BigInt(n) * (MICROS_PER[start] as bigint);
    if (BigInt.asIntN(64, micros) !== micros)
      throw castOverflow(String(n), T.sqlTypeName(input.type), T.sqlTypeName(to));
    return micros;
  });
}

/** The stored value of `text` read as an interval of type `to`, or null when it does not parse. */
export function parseIntervalText(text: string, to: T.DataType): number | bigint | CalendarIntervalValue | null {
  if (to.kind.case === "calendarInterval") return parseUnitList(text);
  const names = to.kind.case === "yearMonthInterval" ? YM_NAMES : DT_NAMES;
  const { start, end } = T.intervalFields(to);
  let body = text.trim();
  let outerNegative = false;
  // `INTERVAL '<body>' <qualifier>`, the form CAST AS STRING writes, with the target's own qualifier only.
  const wrapped = /^INTERVAL\s+([+-]?)'([^']*)'\s+(.+)$/i.exec(body);
  if (wrapped !== null) {
    if (wrapped[3]!.trim().toUpperCase().replace(/\s+/g, " ") !== qualifierOf(names, start, end)) return null;
    outerNegative = wrapped[1] === "-";
    body = wrapped[2]!.trim();
  }
  const sign = /^[+-]/.test(body) ? body[0] : "";
  body = body.replace(/^[+-]/, "");
  const negative = (sign === "-") !== outerNegative;
  if (to.kind.case === "yearMonthInterval") {
    const match = (start === end ? /^(\d+)$/ : /^(\d+)-(\d+)$/).exec(body);
    if (match === null) return null;
    const first = Number(match[1]);
    if (start !== end && Number(match[2]) > 11) return null;
    const months = start === end ? first * (MONTHS_PER[start] as number) : first * 12 + Number(match[2]);
    const signed = negative ? -months : months;
    return signed >= -2147483648 && signed <= 2147483647 ? signed : null;
  }
  const separators = [" ", ":", ":"];
  let pattern = "";
  for (let field = start; field <= end; field++) {
    if (field > start) pattern += separators[field - 1];
    pattern += field === 3 ? "(\\d+(?:\\.\\d{1,9})?|\\.\\d{1,9})" : "(\\d+)";
  }
  const match = new RegExp(`^${pattern}$`).exec(body);
  if (match === null) return null;
  let micros = 0n;
  for (let field = start; field <= end; field++) {
    const part = match[field - start + 1] as string;
    const [whole = "0", fraction = ""] = part.split(".");
    const wholeValue = BigInt(whole === "" ? "0" : whole);
    // Fields after the leading one are bounded: hours under 24, minutes and seconds under 60.
    if (field > start && wholeValue >= (field === 1 ? 24n : 60n)) return null;
    micros += wholeValue * (MICROS_PER[field] as bigint);
    if (fraction !== "") micros += BigInt(fraction.padEnd(6, "0").slice(0, 6));
  }
  const signed = negative ? -micros : micros;
  return BigInt.asIntN(64, signed) === signed ? signed : null;
}

const UNIT_LIST_MICROS: Record<string, bigint> = {
  HOUR: 3_600_000_000n,
  MINUTE: 60_000_000n,
  SECOND: 1_000_000n,
  MILLISECOND: 1000n,
  MICROSECOND: 1n,
};

/** `[interval] <number> <unit> ...` as a calendar interval (Spark's stringToInterval, common forms). */
function parseUnitList(text: string): CalendarIntervalValue | null {
  const words = text
    .trim()
    .replace(/^interval\s+/i, "")
    .split(/\s+/);
  if (words.length === 0 || words.length % 2 !== 0 || words[0] === "") return null;
  let months = 0;
  let days = 0;
  let micros = 0n;
  for (let i = 0; i < words.length; i += 2) {
    const value = words[i] as string;
    const unit = (words[i + 1] as string).toUpperCase().replace(/S$/, "");
    if (!/^[+-]?\d+(\.\d+)?$/.test(value)) return null;
    const fractional = value.includes(".");
    if (fractional && unit !== "SECOND") return null;
    if (unit === "YEAR") months += Number(value) * 12;
    else if (unit === "MONTH") months += Number(value);
    else if (unit === "WEEK") days += Number(value) * 7;
    else if (unit === "DAY") days += Number(value);
    else if (unit in UNIT_LIST_MICROS) {
      const negative = value.startsWith("-");
      const [whole = "0", fraction = ""] = value.replace(/^[+-]/, "").split(".");
      const amount =
        BigInt(whole) * (UNIT_LIST_MICROS[unit] as bigint) + BigInt(fraction.padEnd(6, "0").slice(0, 6) || "0");
      micros += negative ? -amount : amount;
    } else return null;
  }
  return [months, days, micros];
}

/** Spark's error for a string that does not fit the target interval's format. */
function unmatchedFormat(text: string, to: T.DataType): Error {
  if (to.kind.case === "calendarInterval") {
    return sparkError(
      IllegalArgumentException,
      "INVALID_INTERVAL_FORMAT.INVALID_UNIT",
      "22006",
      `Error parsing '${text}' to interval.`,
      {
        input: text,
      },
    );
  }
  const yearMonth = to.kind.case === "yearMonthInterval";
  const { start, end } = T.intervalFields(to);
  const qualifier = qualifierOf(yearMonth ? YM_NAMES : DT_NAMES, start, end);
  const errorClass = `INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING${yearMonth ? "" : "_WITH_NOTICE"}`;
  return sparkError(
    IllegalArgumentException,
    errorClass,
    "22006",
    `Error parsing '${text}' to interval: the string does not match the ${yearMonth ? "year-month" : "day-time"} format of INTERVAL ${qualifier}.`,
    {
      input: text,
      typeName: `interval ${qualifier.toLowerCase()}`,
      intervalStr: yearMonth ? "year-month" : "day-time",
    },
  );
}
