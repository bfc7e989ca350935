/**
 * + - * / and unary minus where an interval or two datetimes take part, with Spark 4's (ANSI) result types:
 * interval ± interval of one family (fields widened), interval * or / a number (the family's widest type),
 * date/timestamp ± interval (a date plus a day-time interval with hours becomes a timestamp, plus whole days or
 * months stays a date), timestamp - timestamp and date - date as day-time intervals. Overflow raises
 * ARITHMETIC_OVERFLOW and a zero divisor INTERVAL_DIVIDED_BY_ZERO, as in Spark.
 */
import { ArithmeticException } from "../../errors/index.js";
import { implicitCast, widerType } from "../analyzer/type-coercion.js";
import type { CalendarIntervalValue, ColumnVector } from "../columnar/column-vector.js";
import { arithmeticOverflow, dataTypeMismatch, notSupportedLocally, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { addMonths } from "./datetime-calendar.js";
import { floorDiv, fromLocalMicros, toLocalMicros } from "./datetime-format.js";
import { call, type Kernel, type ResolveContext, type ScalarFunction } from "./function-types.js";
import { mapValues, zipValues } from "./kernel-helpers.js";

export type IntervalOp = "add" | "subtract" | "multiply" | "divide";

const MICROS_PER_DAY = 86_400_000_000n;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Kernel names no front end can spell (a colon), so they are reachable only through these operators. */
const K = {
  addIntervals: "interval:add",
  subtractIntervals: "interval:subtract",
  scale: "interval:multiply",
  divide: "interval:divide",
  negate: "interval:negate",
  datetimePlus: "interval:datetime_plus",
  datetimeMinus: "interval:datetime_minus",
  datesBetween: "interval:subtract_dates",
  timestampsBetween: "interval:subtract_timestamps",
} as const;

const isInterval = (t: T.DataType): boolean => T.isAnsiInterval(t) || t.kind.case === "calendarInterval";
const isDatetime = (t: T.DataType): boolean =>
  t.kind.case === "date" || t.kind.case === "timestamp" || t.kind.case === "timestampNtz";

/**
 * Spark reports overflow differently per operation: interval ± interval with its own error class, scaling an
 * interval with Java's bare ArithmeticException (no error class), datetime shifts as ARITHMETIC_OVERFLOW.
 */
type Overflow = () => Error;

export const intervalOverflow =
  (suggestion: string): Overflow =>
  () =>
    sparkError(
      ArithmeticException,
      "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION",
      "22015",
      `Integer overflow while operating with intervals. Use \`${suggestion}\` to tolerate overflow and return NULL instead.`,
      { functionName: `\`${suggestion}\`` },
    );

const javaOverflow =
  (kind: "integer" | "long"): Overflow =>
  () =>
    new ArithmeticException(`${kind} overflow`);

const datetimeOverflow: Overflow = () =>
  arithmeticOverflow("long overflow", " Use 'try_add' to tolerate overflow and return NULL instead.");

function exactInt(value: number | bigint, overflow: Overflow): number {
  const n = Number(value);
  if (n < INT_MIN || n > INT_MAX || !Number.isFinite(n)) throw overflow();
  return n;
}

function exactLong(value: bigint, overflow: Overflow): bigint {
  if (value < LONG_MIN || value > LONG_MAX) throw overflow();
  return value;
}

function intervalDividedByZero(): Error {
  return sparkError(
    ArithmeticException,
    "INTERVAL_DIVIDED_BY_ZERO",
    "22012",
    "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.",
  );
}

function mismatch(display: string, left: Expr, right: Expr): Error {
  return dataTypeMismatch(
    "BINARY_OP_DIFF_TYPES",
    `"${display}"`,
    `operand types ${T.sqlTypeName(left.type)} and ${T.sqlTypeName(right.type)} do not match.`,
    { left: T.sqlTypeName(left.type), right: T.sqlTypeName(right.type) },
  );
}

function notATimestamp(operand: Expr, shown: string): Error {
  return dataTypeMismatch(
    "UNEXPECTED_INPUT_TYPE",
    `"${shown}"`,
    `the first parameter requires the "(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)" type, however "${displayOf(operand)}" has the type ${T.sqlTypeName(operand.type)}.`,
    {
      paramIndex: "first",
      requiredType: '"(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)"',
      inputSql: `"${displayOf(operand)}"`,
      inputType: T.sqlTypeName(operand.type),
    },
  );
}

/** The typed expression for `left op right` when intervals or datetime differences are involved, else undefined. */
export function resolveIntervalArithmetic(
  op: IntervalOp | "remainder",
  left: Expr,
  right: Expr,
  ctx: ResolveContext,
): Expr | undefined {
  const l = left.type;
  const r = right.type;
  const symbol = { add: "+", subtract: "-", multiply: "*", divide: "/", remainder: "%" }[op];
  const display = `(${displayOf(left)} ${symbol} ${displayOf(right)})`;
  if (op === "subtract" && isDatetime(l) && isDatetime(r)) return datetimeDifference(left, right, display, ctx);
  if (!isInterval(l) && !isInterval(r)) return undefined;
  if (op === "remainder") throw mismatch(display, left, right);
  if (op === "add" || op === "subtract") {
    if (isInterval(l) && isInterval(r)) {
      if (l.kind.case !== r.kind.case) throw notATimestamp(left, `${displayOf(left)} ${symbol} ${displayOf(right)}`);
      const type = l.kind.case === "calendarInterval" ? l : (widerType(l, r) ?? l);
      const name = op === "add" ? K.addIntervals : K.subtractIntervals;
      return call(name, [implicitCast(left, type), implicitCast(right, type)], type, display, ctx);
    }
    if (isDatetime(l) && isInterval(r)) return datetimePlusInterval(op, left, right, ctx);
    if (op === "add" && isInterval(l) && isDatetime(r)) return datetimePlusInterval(op, right, left, ctx);
    if (isInterval(l) && T.isNullType(r)) return call(K.addIntervals, [left, implicitCast(right, l)], l, display, ctx);
    if (T.isNullType(l) && isInterval(r)) return call(K.addIntervals, [implicitCast(left, r), right], r, display, ctx);
    if (T.isString(l) || T.isString(r)) throw notSupportedLocally("adding an interval to a STRING");
    if (op === "subtract" && isInterval(l)) throw mismatch(display, left, right);
    // Spark reads any other mix as a timestamp shifted by the interval, with the non-interval side first.
    const [other, interval] = isInterval(l) ? [right, left] : [left, right];
    const shown = op === "add" ? displayOf(interval) : `(- ${displayOf(interval)})`;
    throw notATimestamp(other, `${displayOf(other)} + ${shown}`);
  }
  // * and /: an ANSI interval with a number (on either side for *); calendar intervals only in legacy mode.
  const [interval, number, swapped] = isInterval(l) ? [left, right, false] : [right, left, true];
  if (op === "divide" && swapped) throw mismatch(display, left, right);
  if (!T.isNumeric(number.type) && !T.isNullType(number.type)) throw mismatch(display, left, right);
  if (interval.type.kind.case === "calendarInterval")
    throw notSupportedLocally(`${op === "multiply" ? "multiplying" : "dividing"} a calendar interval`);
  const type = interval.type.kind.case === "yearMonthInterval" ? T.yearMonthIntervalType() : T.dayTimeIntervalType();
  const shown = `(${displayOf(interval)} ${symbol} ${displayOf(number)})`;
  const numeric = T.isNullType(number.type) ? implicitCast(number, T.INT) : number;
  return call(op === "multiply" ? K.scale : K.divide, [interval, numeric], type, shown, ctx);
}

/** date/timestamp ± interval, named as Spark names it. */
function datetimePlusInterval(op: "add" | "subtract", datetime: Expr, interval: Expr, ctx: ResolveContext): Expr {
  const symbol = op === "add" ? "+" : "-";
  const display = `${displayOf(datetime)} ${symbol} ${displayOf(interval)}`;
  const name = op === "add" ? K.datetimePlus : K.datetimeMinus;
  const dt = interval.type;
  if (datetime.type.kind.case === "date" && dt.kind.case === "dayTimeInterval") {
    const { start, end } = T.intervalFields(dt);
    if (start === 0 && end === 0) {
      // Whole days keep a date: Spark rewrites this into date_add(d, extractansiintervaldays(i)).
      const days = `extractansiintervaldays(${displayOf(interval)})`;
      const shown = `date_add(${displayOf(datetime)}, ${op === "add" ? days : `(- ${days})`})`;
      return call(name, [datetime, interval], T.DATE, shown, ctx);
    }
    // Hours and below turn the date into a timestamp at its midnight in the session zone.
    return call(name, [implicitCast(datetime, T.TIMESTAMP), interval], T.TIMESTAMP, display, ctx);
  }
  return call(name, [datetime, interval], datetime.type, display, ctx);
}

/** timestamp - timestamp (any mix with dates) and date - date. */
function datetimeDifference(left: Expr, right: Expr, display: string, ctx: ResolveContext): Expr {
  if (left.type.kind.case === "date" && right.type.kind.case === "date")
    return call(K.datesBetween, [left, right], T.dayTimeIntervalType(0, 0), display, ctx);
  const common = widerType(left.type, right.type) ?? T.TIMESTAMP;
  return call(
    K.timestampsBetween,
    [implicitCast(left, common), implicitCast(right, common)],
    T.dayTimeIntervalType(0, 3),
    display,
    ctx,
  );
}

/** Unary minus of an interval. */
export function negateInterval(child: Expr, ctx: ResolveContext): Expr {
  return call(K.negate, [child], child.type, `(- ${displayOf(child)})`, ctx);
}

export const isIntervalType = isInterval;

// ---- kernels ----

function negateValue(value: unknown, type: T.DataType): unknown {
  const overflow = intervalOverflow("try_subtract");
  switch (type.kind.case) {
    case "yearMonthInterval":
      return exactInt(-(value as number), overflow);
    case "dayTimeInterval":
      return exactLong(-(value as bigint), overflow);
    default: {
      const [m, d, u] = value as CalendarIntervalValue;
      return [exactInt(-m, overflow), exactInt(-d, overflow), exactLong(-u, overflow)] as CalendarIntervalValue;
    }
  }
}

function sumValues(a: unknown, b: unknown, type: T.DataType, sign: 1 | -1): unknown {
  const overflow = intervalOverflow(sign === 1 ? "try_add" : "try_subtract");
  switch (type.kind.case) {
    case "yearMonthInterval":
      return exactInt((a as number) + sign * (b as number), overflow);
    case "dayTimeInterval":
      return exactLong((a as bigint) + BigInt(sign) * (b as bigint), overflow);
    default: {
      const [m1, d1, u1] = a as CalendarIntervalValue;
      const [m2, d2, u2] = b as CalendarIntervalValue;
      return [
        exactInt(m1 + sign * m2, overflow),
        exactInt(d1 + sign * d2, overflow),
        exactLong(u1 + BigInt(sign) * u2, overflow),
      ];
    }
  }
}

const addIntervals = (sign: 1 | -1): Kernel => {
  return ([a, b], c) =>
    zipValues(a as ColumnVector, b as ColumnVector, c.type, (x, y) => sumValues(x, y, c.type, sign));
};

/** Java's RoundingMode.HALF_UP on a double: halves go away from zero. */
const roundHalfUp = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/** `unscaled / 10^scale` rounded half up to an integer. */
function roundDecimal(unscaled: bigint, scale: number): bigint {
  const factor = 10n ** BigInt(scale);
  const negative = unscaled < 0n;
  const abs = negative ? -unscaled : unscaled;
  const rounded = (abs * 2n + factor) / (factor * 2n);
  return negative ? -rounded : rounded;
}

/** `a / b` on integers, rounded half up (Guava's LongMath.divide with HALF_UP). */
export function divideHalfUp(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n;
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  const q = (x * 2n + y) / (y * 2n);
  return negative ? -q : q;
}

/** interval * number or interval / number, in the interval's unit (months or microseconds). */
function scaleKernel(divide: boolean): Kernel {
  return ([a, b], c) => {
    const interval = a as ColumnVector;
    const number = b as ColumnVector;
    const months = interval.type.kind.case === "yearMonthInterval";
    const finish = (value: bigint | number): number | bigint => {
      if (months) return exactInt(value, javaOverflow("integer"));
      if (typeof value === "number") {
        if (!Number.isFinite(value) || Math.abs(value) >= 9.223372036854776e18) throw javaOverflow("long")();
        return BigInt(value);
      }
      return exactLong(value, javaOverflow("long"));
    };
    const kind = number.type.kind.case;
    const scale = kind === "decimal" ? T.decimalParts(number.type).scale : 0;
    return zipValues<number | bigint, number | bigint, number | bigint>(interval, number, c.type, (x, y) => {
      const base = BigInt(x);
      if (kind === "float" || kind === "double") {
        if (divide && y === 0) throw intervalDividedByZero();
        const exact = divide ? Number(base) / (y as number) : Number(base) * (y as number);
        return finish(roundHalfUp(exact));
      }
      const n = BigInt(y);
      if (divide && n === 0n) throw intervalDividedByZero();
      if (kind === "decimal") {
        if (!divide) return finish(roundDecimal(base * n, scale));
        return finish(divideHalfUp(base * 10n ** BigInt(scale), n));
      }
      return finish(divide ? divideHalfUp(base, n) : base * n);
    });
  };
}

/** One datetime plus (sign 1) or minus (sign -1) one interval, in the storage form of the result type. */
function shiftKernel(sign: 1 | -1): Kernel {
  return ([a, b], c, ctx) => {
    const datetime = a as ColumnVector;
    const interval = b as ColumnVector;
    const iv = interval.type.kind.case;
    if (datetime.type.kind.case === "date") {
      return zipValues<number, unknown, number>(datetime, interval, c.type, (days, value) => {
        if (iv === "yearMonthInterval") return addMonths(days, sign * (value as number));
        if (iv === "dayTimeInterval")
          return exactInt(days + sign * Number((value as bigint) / MICROS_PER_DAY), javaOverflow("integer"));
        const [m, d, u] = value as CalendarIntervalValue;
        if (u !== 0n) throw notSupportedLocally("adding a calendar interval with a time part to a DATE");
        return exactInt(addMonths(days, sign * m) + sign * d, javaOverflow("integer"));
      });
    }
    const zone = datetime.type.kind.case === "timestampNtz" ? "UTC" : ctx.timeZone;
    return zipValues<bigint, unknown, bigint>(datetime, interval, c.type, (micros, value) => {
      if (iv === "dayTimeInterval") return exactLong(micros + BigInt(sign) * (value as bigint), datetimeOverflow);
      const [m, d, u] = iv === "yearMonthInterval" ? [value as number, 0, 0n] : (value as CalendarIntervalValue);
      return exactLong(shiftLocal(micros, sign * m, sign * d, zone) + BigInt(sign) * u, datetimeOverflow);
    });
  };
}

/** Moves a timestamp by whole months and days on its wall clock in `zone` (months first, as java.time does). */
function shiftLocal(micros: bigint, months: number, days: number, zone: string): bigint {
  if (months === 0 && days === 0) return micros;
  const local = toLocalMicros(micros, zone);
  const day = floorDiv(local, MICROS_PER_DAY);
  const time = local - day * MICROS_PER_DAY;
  const moved = addMonths(Number(day), months) + days;
  return fromLocalMicros(BigInt(moved) * MICROS_PER_DAY + time, zone);
}

export const intervalArithmeticFunctions: Record<string, ScalarFunction> = Object.fromEntries(
  (
    [
      [K.addIntervals, addIntervals(1)],
      [K.subtractIntervals, addIntervals(-1)],
      [K.scale, scaleKernel(false)],
      [K.divide, scaleKernel(true)],
      [K.negate, (([a], c) => mapValues(a as ColumnVector, c.type, (v) => negateValue(v, c.type))) satisfies Kernel],
      [K.datetimePlus, shiftKernel(1)],
      [K.datetimeMinus, shiftKernel(-1)],
      [
        K.datesBetween,
        (([a, b], c) =>
          zipValues<number, number, bigint>(a as ColumnVector, b as ColumnVector, c.type, (x, y) =>
            exactLong(BigInt(x - y) * MICROS_PER_DAY, datetimeOverflow),
          )) satisfies Kernel,
      ],
      [
        K.timestampsBetween,
        (([a, b], c) =>
          zipValues<bigint, bigint, bigint>(a as ColumnVector, b as ColumnVector, c.type, (x, y) =>
            exactLong(x - y, datetimeOverflow),
          )) satisfies Kernel,
      ],
    ] as const
  ).map(([name, kernel]) => [
    name,
    {
      resolve: () => {
        throw notSupportedLocally(`calling ${name} directly`);
      },
      kernel,
    },
  ]),
);
