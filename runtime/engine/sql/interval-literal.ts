/**
 * `INTERVAL` literals in Spark's default (ANSI interval) mode. Three spellings:
 *   INTERVAL '1-2' YEAR TO MONTH      a string qualified by a field range
 *   INTERVAL 1 DAY 2 HOURS            a list of value/unit pairs
 *   INTERVAL '1 day 2 hours'          the same list inside one string
 * All year/month units give a year-month interval (months), all day..microsecond units a day-time interval
 * (microseconds), each typed with its start and end field. Mixing the two families is an error, unless the
 * legacy calendar-interval mode is on, where every list form becomes a CalendarInterval.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { DataTypes } from "./data-type-parser.js";
import { literal } from "./expression-builders.js";
import { invalidSql, type SqlPosition } from "./parse-error.js";

const YM = ["YEAR", "MONTH"] as const;
const DT = ["DAY", "HOUR", "MINUTE", "SECOND"] as const;
const MICROS: Record<string, bigint> = {
  WEEK: 7n * 86_400_000_000n,
  DAY: 86_400_000_000n,
  HOUR: 3_600_000_000n,
  MINUTE: 60_000_000n,
  SECOND: 1_000_000n,
  MILLISECOND: 1000n,
  MICROSECOND: 1n,
};

/** Which day-time field (DAY=0 .. SECOND=3) a unit of the list form belongs to. */
const DAY_TIME_FIELD: Record<string, number> = {
  WEEK: 0,
  DAY: 0,
  HOUR: 1,
  MINUTE: 2,
  SECOND: 3,
  MILLISECOND: 3,
  MICROSECOND: 3,
};

/** One `value unit` pair of the list form. */
export interface IntervalPart {
  readonly value: string;
  readonly unit: string;
}

export interface IntervalContext {
  readonly sql: string;
  readonly at: SqlPosition;
  readonly legacyCalendar: boolean;
}

function singular(unit: string): string {
  const upper = unit.toUpperCase();
  return upper.endsWith("S") ? upper.slice(0, -1) : upper;
}

function fail(ctx: IntervalContext, detail: string): Error {
  const text = ctx.sql.slice(ctx.at.start, ctx.at.end);
  return invalidSql(ctx.sql, ctx.at, "INVALID_INTERVAL_FORMAT", "22006", `${detail}: ${text}.`, { input: text });
}

const FIELD_PATTERNS: Record<string, string> = {
  YEAR: "y",
  MONTH: "m",
  DAY: "d",
  HOUR: "h",
  MINUTE: "m",
  SECOND: "s.n",
};

/** Spark's error for a qualified interval string that does not fit its field range. */
function unmatchedFormat(text: string, start: string, end: string, ctx: IntervalContext): Error {
  const yearMonth = start === "YEAR" || start === "MONTH";
  const fields = (yearMonth ? ["YEAR", "MONTH"] : ["DAY", "HOUR", "MINUTE", "SECOND"]).slice(
    (yearMonth ? ["YEAR", "MONTH"] : ["DAY", "HOUR", "MINUTE", "SECOND"]).indexOf(start),
  );
  const used = fields.slice(0, fields.indexOf(end) + 1).map((field) => FIELD_PATTERNS[field]);
  const shape = yearMonth ? used.join("-") : used.join(" ").replace(/ (?=[ms])/g, ":");
  const qualifier = start === end ? start : `${start} TO ${end}`;
  const supportedFormat = `\`[+|-]${shape}\`, \`INTERVAL [+|-]'[+|-]${shape}' ${qualifier}\``;
  const typeName = `interval ${qualifier.toLowerCase()}`;
  return invalidSql(
    ctx.sql,
    ctx.at,
    // Day-time strings come with a pointer to the pre-3.0 parsing mode.
    `INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING${yearMonth ? "" : "_WITH_NOTICE"}`,
    "22006",
    `Error parsing '${text}' to interval. Please ensure that the value provided is in a valid format for defining ` +
      `an interval. You can reference the documentation for the correct format. Interval string does not match ` +
      `${yearMonth ? "year-month" : "day-time"} format of ${supportedFormat} when cast to ${typeName}: ${text}.` +
      (yearMonth
        ? ""
        : ` Set "spark.sql.legacy.fromDayTimeString.enabled" to "true" to restore the behavior before Spark 3.0.`),
    { supportedFormat, intervalStr: yearMonth ? "year-month" : "day-time", input: text, typeName },
  );
}

/** Splits `'1 day 2 hours'` into value/unit pairs. */
export function splitIntervalString(text: string, ctx: IntervalContext): IntervalPart[] {
  const words = text
    .trim()
    .replace(/^interval\s+/i, "")
    .split(/\s+/);
  if (words.length % 2 !== 0 || words[0] === "") throw fail(ctx, "Invalid interval string");
  const parts: IntervalPart[] = [];
  for (let i = 0; i < words.length; i += 2) parts.push({ value: words[i]!, unit: words[i + 1]! });
  return parts;
}

/** The list form: `1 DAY 2 HOURS`, `-'1' DAY`, `3 MONTHS`. */
export function intervalFromParts(parts: readonly IntervalPart[], ctx: IntervalContext): Expression {
  let months = 0;
  let micros = 0n;
  const ymUnits: number[] = [];
  const dtUnits: number[] = [];
  for (const { value, unit } of parts) {
    const name = singular(unit);
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) throw fail(ctx, "Invalid interval value");
    if (name === "YEAR" || name === "MONTH") {
      if (value.includes(".")) throw fail(ctx, "Fractional year-month interval value");
      months += Number(value) * (name === "YEAR" ? 12 : 1);
      ymUnits.push(YM.indexOf(name));
    } else if (MICROS[name] !== undefined) {
      micros += scaledMicros(value, MICROS[name]!, ctx);
      dtUnits.push(DAY_TIME_FIELD[name]!);
    } else {
      throw fail(ctx, `Invalid interval unit ${unit}`);
    }
  }
  if (ctx.legacyCalendar) {
    const days = micros / MICROS.DAY!;
    const rest = micros % MICROS.DAY!;
    return literal({
      literalType: { case: "calendarInterval", value: { months, days: Number(days), microseconds: rest } },
    });
  }
  if (ymUnits.length > 0 && dtUnits.length > 0) {
    const text = ctx.sql.slice(ctx.at.start, ctx.at.end);
    throw invalidSql(
      ctx.sql,
      ctx.at,
      "_LEGACY_ERROR_TEMP_0029",
      "42000",
      `Cannot mix year-month and day-time fields: ${text}.`,
      {
        literal: text,
      },
    );
  }
  if (ymUnits.length > 0) return yearMonth(months, Math.min(...ymUnits), Math.max(...ymUnits));
  return dayTime(micros, Math.min(...dtUnits), Math.max(...dtUnits));
}

/** `value * unit` in microseconds, keeping fractional seconds exact. */
function scaledMicros(value: string, unit: bigint, ctx: IntervalContext): bigint {
  const negative = value.startsWith("-");
  const [whole = "0", fraction = ""] = value.replace(/^[+-]/, "").split(".");
  if (fraction !== "" && unit < MICROS.SECOND!) throw fail(ctx, "Fractional sub-second interval value");
  const fractionMicros = fraction === "" ? 0n : (BigInt(fraction.padEnd(6, "0").slice(0, 6)) * unit) / 1_000_000n;
  if (fraction !== "" && unit > MICROS.SECOND!) throw fail(ctx, "Fractional interval value");
  const total = BigInt(whole || "0") * unit + fractionMicros;
  return negative ? -total : total;
}

/** The qualified form: `'1-2' YEAR TO MONTH`, `'1 2:03:04.5' DAY TO SECOND`, `'10' SECOND`. */
export function intervalFromQualified(text: string, from: string, to: string, ctx: IntervalContext): Expression {
  const start = singular(from);
  const end = singular(to);
  const trimmed = text.trim();
  const negative = trimmed.startsWith("-");
  const body = trimmed.replace(/^[+-]/, "");
  if ((YM as readonly string[]).includes(start)) {
    const endIndex = YM.indexOf(end as (typeof YM)[number]);
    if (endIndex < YM.indexOf(start as (typeof YM)[number])) throw fail(ctx, "Invalid interval range");
    const pattern = start === end ? /^(\d+)$/ : /^(\d+)-(\d{1,2})$/;
    const match = pattern.exec(body);
    if (match === null) throw unmatchedFormat(text, start, end, ctx);
    const total =
      start === end ? Number(match[1]) * (start === "YEAR" ? 12 : 1) : Number(match[1]) * 12 + Number(match[2]);
    if (start !== end && Number(match[2]) > 11) throw fail(ctx, "Month out of range");
    return yearMonth(negative ? -total : total, YM.indexOf(start as "YEAR"), endIndex);
  }
  const startIndex = DT.indexOf(start as (typeof DT)[number]);
  const endIndex = DT.indexOf(end as (typeof DT)[number]);
  if (startIndex < 0 || endIndex < startIndex) throw fail(ctx, "Invalid interval range");
  const separators = [" ", ":", ":"];
  const fieldPatterns: string[] = [];
  for (let i = startIndex; i <= endIndex; i++) {
    const digits = i === 3 ? "(\\d+(?:\\.\\d{0,9})?)" : "(\\d+)";
    fieldPatterns.push((i > startIndex ? separators[i - 1] : "") + digits);
  }
  const match = new RegExp(`^${fieldPatterns.join("")}$`).exec(body);
  if (match === null) throw unmatchedFormat(text, start, end, ctx);
  let micros = 0n;
  for (let i = startIndex; i <= endIndex; i++) {
    micros += scaledMicros(match[i - startIndex + 1]!, MICROS[DT[i]!]!, ctx);
  }
  return dayTime(negative ? -micros : micros, startIndex, endIndex);
}

function yearMonth(months: number, startField: number, endField: number): Expression {
  const expr = literal({ literalType: { case: "yearMonthInterval", value: months } });
  if (expr.exprType.case === "literal")
    expr.exprType.value.dataType = DataTypes.yearMonthInterval(startField, endField);
  return expr;
}

function dayTime(micros: bigint, startField: number, endField: number): Expression {
  const expr = literal({ literalType: { case: "dayTimeInterval", value: micros } });
  if (expr.exprType.case === "literal") expr.exprType.value.dataType = DataTypes.dayTimeInterval(startField, endField);
  return expr;
}
