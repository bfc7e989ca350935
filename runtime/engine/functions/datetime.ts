/** Date and time fields and basic date arithmetic. Timestamps are read in the session time zone. */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { dataTypeMismatch } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { civilFromDays, daysFromCivil, floorDiv, toLocalMicros } from "./datetime-format.js";
import { dateParsing } from "./datetime-parsing.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, zipValues } from "./kernel-helpers.js";

function requireDateLike(name: string, child: Expr): void {
  const kind = child.type.kind.case;
  if (kind === "date" || kind === "timestamp" || kind === "timestampNtz" || kind === "string" || kind === "null")
    return;
  throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${name}(${displayOf(child)})"`, `${name} needs a DATE input.`, {
    paramIndex: "first",
    requiredType: '"DATE"',
    inputSql: `"${displayOf(child)}"`,
    inputType: T.sqlTypeName(child.type),
  });
}

function dateField(name: string, field: (days: number) => number): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      requireDateLike(name, child);
      return call(name, [implicitCast(child, T.DATE)], T.INT, `${name}(${displayOf(child)})`, ctx);
    },
    kernel: ([a]) => mapValues<number, number>(a as ColumnVector, T.INT, field),
  };
}

const MICROS_PER_DAY = 86_400_000_000n;

function timeField(name: string, divisor: bigint, modulus: bigint): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      requireDateLike(name, child);
      const input = child.type.kind.case === "timestampNtz" ? child : implicitCast(child, T.TIMESTAMP);
      return call(name, [input], T.INT, `${name}(${displayOf(child)})`, ctx);
    },
    kernel: ([a], _c, ctx) => {
      const column = a as ColumnVector;
      const zone = column.type.kind.case === "timestamp" ? ctx.timeZone : "UTC";
      return mapValues<bigint, number>(column, T.INT, (micros) => {
        const local = toLocalMicros(micros, zone);
        const inDay = local - floorDiv(local, MICROS_PER_DAY) * MICROS_PER_DAY;
        return Number((inDay / divisor) % modulus);
      });
    },
  };
}

/** ISO day-of-week with Sunday = 1 … Saturday = 7, as Spark's dayofweek. */
const dayOfWeek = (days: number): number => ((((days + 4) % 7) + 7) % 7) + 1;

function dateShift(name: "date_add" | "date_sub"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [start, amount] = args as [Expr, Expr];
      requireDateLike(name, start);
      return call(
        name,
        [implicitCast(start, T.DATE), implicitCast(amount, T.INT)],
        T.DATE,
        `${name}(${displayOf(start)}, ${displayOf(amount)})`,
        ctx,
      );
    },
    kernel: ([a, b]) =>
      zipValues<number, number, number>(a as ColumnVector, b as ColumnVector, T.DATE, (d, n) =>
        name === "date_add" ? d + n : d - n,
      ),
  };
}

const datediff: ScalarFunction = {
  resolve: (args, ctx) => {
    const [end, start] = args as [Expr, Expr];
    requireDateLike("datediff", end);
    requireDateLike("datediff", start);
    return call(
      "datediff",
      [implicitCast(end, T.DATE), implicitCast(start, T.DATE)],
      T.INT,
      `datediff(${displayOf(end)}, ${displayOf(start)})`,
      ctx,
    );
  },
  kernel: ([a, b]) => zipValues<number, number, number>(a as ColumnVector, b as ColumnVector, T.INT, (x, y) => x - y),
};

const toDateWithPattern = dateParsing("to_date");

const toDate: ScalarFunction = {
  resolve: (args, ctx) => {
    if (args.length === 2) return toDateWithPattern.resolve(args, ctx, "to_date");
    const [child] = args as [Expr];
    requireDateLike("to_date", child);
    return call("to_date", [implicitCast(child, T.DATE)], T.DATE, `to_date(${displayOf(child)})`, ctx);
  },
  kernel: ([a]) => a as ColumnVector,
};

const lastDay: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    requireDateLike("last_day", child);
    return call("last_day", [implicitCast(child, T.DATE)], T.DATE, `last_day(${displayOf(child)})`, ctx);
  },
  kernel: ([a]) =>
    mapValues<number, number>(a as ColumnVector, T.DATE, (d) => {
      const { year, month } = civilFromDays(d);
      return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
    }),
};

export const datetimeFunctions: Record<string, ScalarFunction> = {
  year: dateField("year", (d) => civilFromDays(d).year),
  month: dateField("month", (d) => civilFromDays(d).month),
  dayofmonth: dateField("dayofmonth", (d) => civilFromDays(d).day),
  day: dateField("day", (d) => civilFromDays(d).day),
  quarter: dateField("quarter", (d) => Math.floor((civilFromDays(d).month - 1) / 3) + 1),
  dayofweek: dateField("dayofweek", dayOfWeek),
  dayofyear: dateField("dayofyear", (d) => d - daysFromCivil(civilFromDays(d).year, 1, 1) + 1),
  hour: timeField("hour", 3_600_000_000n, 24n),
  minute: timeField("minute", 60_000_000n, 60n),
  second: timeField("second", 1_000_000n, 60n),
  date_add: dateShift("date_add"),
  date_sub: dateShift("date_sub"),
  datediff,
  to_date: toDate,
  last_day: lastDay,
};
