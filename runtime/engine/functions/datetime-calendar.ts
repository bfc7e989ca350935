/**
 * Calendar arithmetic on dates: weekday, weekofyear (ISO), dayname, monthname, add_months, months_between,
 * next_day, trunc, make_date, unix_date and date_from_unix_date. Dates are days since 1970-01-01 (proleptic
 * Gregorian, as Spark 3+).
 */

import { DateTimeException, IllegalArgumentException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { civilFromDays, daysFromCivil, daysInMonth, floorDiv, toLocalMicros } from "./datetime-format.js";
import { MONTHS } from "./datetime-pattern.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, valuesOf } from "./kernel-helpers.js";
import { roundDouble } from "./math.js";
import { mapRows } from "./row-kernels.js";

const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;
const asDate = (e: Expr): Expr => (e.type.kind.case === "date" ? e : implicitCast(e, T.DATE));
const asInt = (e: Expr): Expr => (e.type.kind.case === "integer" ? e : implicitCast(e, T.INT));
const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));

/** Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
const isoWeekday = (days: number): number => (((days + 3) % 7) + 7) % 7;

/** ISO-8601 week number: weeks start on Monday, week 1 holds the year's first Thursday. */
function isoWeek(days: number): number {
  const thursday = days - isoWeekday(days) + 3;
  const { year } = civilFromDays(thursday);
  return Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
}

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function ofDate<O>(name: string, type: T.DataType, f: (days: number) => O): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      return call(name, [asDate(child)], type, show(name, args), ctx);
    },
    kernel: ([a]) => mapValues<number, O>(a as ColumnVector, type, f),
  };
}

/** Adds months, clamping the day to the target month's length (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

const addMonthsFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [start, months] = args as [Expr, Expr];
    return call("add_months", [asDate(start), asInt(months)], T.DATE, show("add_months", args), ctx);
  },
  kernel: ([a, b]) => {
    const days = valuesOf<number>(a as ColumnVector);
    const months = valuesOf<number>(b as ColumnVector);
    return mapRows<number>([a, b] as ColumnVector[], T.DATE, (i) => addMonths(days[i] as number, months[i] as number));
  },
};

const MICROS_PER_DAY = 86_400_000_000n;
const isLastDay = (c: { year: number; month: number; day: number }): boolean => c.day === daysInMonth(c.year, c.month);

/** Spark's months_between: whole months when the days of month match (or both are month ends), else a 31-day fraction. */
export function monthsBetween(micros1: bigint, micros2: bigint, roundOff: boolean, zone: string): number {
  const local1 = toLocalMicros(micros1, zone);
  const local2 = toLocalMicros(micros2, zone);
  const days1 = Number(floorDiv(local1, MICROS_PER_DAY));
  const days2 = Number(floorDiv(local2, MICROS_PER_DAY));
  const c1 = civilFromDays(days1);
  const c2 = civilFromDays(days2);
  const monthDiff = c1.year * 12 + c1.month - (c2.year * 12 + c2.month);
  if (c1.day === c2.day || (isLastDay(c1) && isLastDay(c2))) return monthDiff;
  const secondsInDay = (local: bigint, days: number): number =>
    Number((local - BigInt(days) * MICROS_PER_DAY) / 1_000_000n);
  const secondsDiff = (c1.day - c2.day) * 86400 + secondsInDay(local1, days1) - secondsInDay(local2, days2);
  const diff = monthDiff + secondsDiff / (31 * 86400);
  return roundOff ? roundDouble(diff, 8, false) : diff;
}

const monthsBetweenFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [end, start, roundOff] = args as [Expr, Expr, Expr | undefined];
    const round: Literal =
      roundOff?.kind === "literal" ? roundOff : { kind: "literal", value: true, type: T.BOOLEAN, nullable: false };
    const toTimestamp = (e: Expr): Expr => (e.type.kind.case === "timestamp" ? e : implicitCast(e, T.TIMESTAMP));
    return call(
      "months_between",
      [toTimestamp(end), toTimestamp(start), implicitCast(roundOff ?? round, T.BOOLEAN)],
      T.DOUBLE,
      show("months_between", [end, start, roundOff ?? round]),
      ctx,
    );
  },
  kernel: ([a, b, r], _c, ctx) => {
    const ends = valuesOf<bigint>(a as ColumnVector);
    const starts = valuesOf<bigint>(b as ColumnVector);
    const rounds = valuesOf<number>(r as ColumnVector);
    return mapRows<number>([a, b, r] as ColumnVector[], T.DOUBLE, (i) =>
      monthsBetween(ends[i] as bigint, starts[i] as bigint, rounds[i] === 1, ctx.timeZone),
    );
  },
};

const DAY_OF_WEEK: Record<string, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
const FULL_DAY = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

/** Spark accepts the two-letter, three-letter and full English day names, in any case. */
function dayOfWeekFromName(name: string): number | undefined {
  const upper = name.toUpperCase();
  const index = DAY_OF_WEEK[upper.slice(0, 2)];
  if (index === undefined) return undefined;
  const full = FULL_DAY[index] as string;
  return upper === full || upper === full.slice(0, 2) || upper === full.slice(0, 3) ? index : undefined;
}

const nextDay: ScalarFunction = {
  resolve: (args, ctx) => {
    const [start, day] = args as [Expr, Expr];
    return call("next_day", [asDate(start), asString(day)], T.DATE, show("next_day", args), ctx, true);
  },
  kernel: ([a, b], c) => {
    const days = valuesOf<number>(a as ColumnVector);
    const names = valuesOf<string>(b as ColumnVector);
    return mapRows<number>([a, b] as ColumnVector[], T.DATE, (i) => {
      const target = dayOfWeekFromName(names[i] as string);
      if (target === undefined) {
        if (!c.ansi) return null;
        throw sparkError(
          IllegalArgumentException,
          "ILLEGAL_DAY_OF_WEEK",
          "22009",
          `Illegal input for day of week: ${names[i]}.`,
          { string: names[i] as string },
        );
      }
      const d = days[i] as number;
      const ahead = (((target - isoWeekday(d)) % 7) + 7) % 7;
      return d + (ahead === 0 ? 7 : ahead);
    });
  },
};

/** Truncation levels for dates; null for anything else (Spark gives NULL there). */
export function truncateDate(days: number, level: string): number | null {
  const { year, month } = civilFromDays(days);
  switch (level.toUpperCase()) {
    case "YEAR":
    case "YYYY":
    case "YY":
      return daysFromCivil(year, 1, 1);
    case "QUARTER":
      return daysFromCivil(year, month - ((month - 1) % 3), 1);
    case "MONTH":
    case "MM":
    case "MON":
      return daysFromCivil(year, month, 1);
    case "WEEK":
      return days - isoWeekday(days);
    default:
      return null;
  }
}

const trunc: ScalarFunction = {
  resolve: (args, ctx) => {
    const [date, level] = args as [Expr, Expr];
    return call("trunc", [asDate(date), asString(level)], T.DATE, show("trunc", args), ctx, true);
  },
  kernel: ([a, b]) => {
    const days = valuesOf<number>(a as ColumnVector);
    const levels = valuesOf<string>(b as ColumnVector);
    return mapRows<number>([a, b] as ColumnVector[], T.DATE, (i) =>
      truncateDate(days[i] as number, levels[i] as string),
    );
  },
};

function fieldOutOfBounds(text: string) {
  return sparkError(DateTimeException, "DATETIME_FIELD_OUT_OF_BOUNDS.WITH_SUGGESTION", "22023", `${text}.`, {
    rangeMessage: text,
    ansiConfig: '"spark.sql.ansi.enabled"',
  });
}

const makeDate: ScalarFunction = {
  resolve: (args, ctx) => {
    const [y, m, d] = args as [Expr, Expr, Expr];
    return call("make_date", [asInt(y), asInt(m), asInt(d)], T.DATE, show("make_date", args), ctx, true);
  },
  kernel: ([a, b, d], c) => {
    const years = valuesOf<number>(a as ColumnVector);
    const months = valuesOf<number>(b as ColumnVector);
    const dayValues = valuesOf<number>(d as ColumnVector);
    return mapRows<number>([a, b, d] as ColumnVector[], T.DATE, (i) => {
      const year = years[i] as number;
      const month = months[i] as number;
      const day = dayValues[i] as number;
      let problem: string | null = null;
      if (month < 1 || month > 12) problem = `Invalid value for MonthOfYear (valid values 1 - 12): ${month}`;
      else if (day < 1 || day > 31) problem = `Invalid value for DayOfMonth (valid values 1 - 28/31): ${day}`;
      else if (day > daysInMonth(year, month))
        problem = `Invalid date '${(MONTHS[month - 1] as string).toUpperCase()} ${day}'`;
      if (problem === null) return daysFromCivil(year, month, day);
      if (c.ansi) throw fieldOutOfBounds(problem);
      return null;
    });
  },
};

const dateFromUnixDate: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    return call("date_from_unix_date", [asInt(child)], T.DATE, show("date_from_unix_date", args), ctx);
  },
  kernel: ([a]) => mapValues<number, number>(a as ColumnVector, T.DATE, (days) => days),
};

export const datetimeCalendarFunctions: Record<string, ScalarFunction> = {
  weekday: ofDate("weekday", T.INT, isoWeekday),
  weekofyear: ofDate("weekofyear", T.INT, isoWeek),
  dayname: ofDate("dayname", T.STRING, (d) => DAY_NAMES[isoWeekday(d)] as string),
  monthname: ofDate("monthname", T.STRING, (d) => MONTH_NAMES[civilFromDays(d).month - 1] as string),
  unix_date: ofDate("unix_date", T.INT, (d) => d),
  date_from_unix_date: dateFromUnixDate,
  add_months: addMonthsFunction,
  months_between: monthsBetweenFunction,
  next_day: nextDay,
  trunc,
  make_date: makeDate,
};
