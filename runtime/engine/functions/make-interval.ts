/**
 * Intervals built from fields: make_interval / try_make_interval (a calendar interval from years, months, weeks,
 * days, hours, minutes and seconds), make_dt_interval (a day-time interval from days to seconds) and
 * make_ym_interval (a year-month interval). Omitted fields are 0 and show in the column name as Spark fills them
 * in; seconds are DECIMAL(18,6). Overflow raises Spark's error (NULL for try_make_interval, and for
 * make_interval outside ANSI mode).
 */
import { AnalysisException, ArithmeticException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { CalendarIntervalValue, ColumnVector } from "../columnar/column-vector.js";
import { arithmeticOverflow, dataTypeMismatch, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type Kernel, type ScalarFunction } from "./function-types.js";
import { valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";

const SECONDS = T.decimalType(18, 6);
const MICROS = { day: 86_400_000_000n, hour: 3_600_000_000n, minute: 60_000_000n } as const;
const INT_RANGE = (n: bigint) => BigInt.asIntN(32, n) === n;
const LONG_RANGE = (n: bigint) => BigInt.asIntN(64, n) === n;

const zero: Expr = { kind: "literal", value: 0, type: T.INT, nullable: false };
const zeroSeconds: Expr = { kind: "literal", value: 0n, type: SECONDS, nullable: false };

function fieldOverflow(): Error {
  return sparkError(
    ArithmeticException,
    "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION",
    "22015",
    "Integer overflow while operating with intervals. Try devising appropriate values for the interval parameters.",
  );
}

/** The arguments with omitted trailing fields filled in: INT fields, then DECIMAL(18,6) seconds when `withSeconds`. */
function fieldsOf(name: string, args: readonly Expr[], count: number, withSeconds: boolean): Expr[] {
  if (args.length > count) {
    throw sparkError(
      AnalysisException,
      "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
      "42605",
      `${name} takes at most ${count} arguments, not ${args.length}.`,
      { functionName: `\`${name}\``, expectedNum: `[0, ${count}]`, actualNum: String(args.length), docroot: "" },
    );
  }
  const filled = Array.from(
    { length: count },
    (_, i) => args[i] ?? (withSeconds && i === count - 1 ? zeroSeconds : zero),
  );
  return filled.map((arg, i) => {
    const target = withSeconds && i === count - 1 ? SECONDS : T.INT;
    const acceptable = T.isNumeric(arg.type) || T.isNullType(arg.type) || T.isString(arg.type);
    if (!acceptable) {
      throw dataTypeMismatch(
        "UNEXPECTED_INPUT_TYPE",
        `"${name}(${args.map(displayOf).join(", ")})"`,
        `parameter ${i + 1} requires the ${T.sqlTypeName(target)} type.`,
        {
          paramIndex: String(i + 1),
          requiredType: T.sqlTypeName(target),
          inputSql: `"${displayOf(arg)}"`,
          inputType: T.sqlTypeName(arg.type),
        },
      );
    }
    return implicitCast(arg, target);
  });
}

function resolver(name: string, count: number, withSeconds: boolean, type: T.DataType, kernelName: string) {
  return (args: readonly Expr[], ctx: Parameters<ScalarFunction["resolve"]>[1]): Expr => {
    const fields = fieldsOf(name, args, count, withSeconds);
    const display = `${name}(${fields.map((f) => displayOf(f.kind === "cast" && f.implicit ? f.child : f)).join(", ")})`;
    const nullable = name === "try_make_interval" || fields.some((f) => f.nullable);
    return call(kernelName, fields, type, display, ctx, nullable);
  };
}

const makeIntervalKernel =
  (soft: boolean): Kernel =>
  (args, c) => {
    const ints = args.slice(0, 6).map((a) => valuesOf<number>(a as ColumnVector));
    const seconds = valuesOf<bigint>(args[6] as ColumnVector);
    const nullOnOverflow = soft || !c.ansi;
    return mapRows<CalendarIntervalValue>(args as ColumnVector[], c.type, (row) => {
      const [years, months, weeks, days, hours, minutes] = ints.map((v) => BigInt(v[row] as number)) as bigint[];
      const totalMonths = years! * 12n + months!;
      const totalDays = weeks! * 7n + days!;
      const micros = hours! * MICROS.hour + minutes! * MICROS.minute + (seconds[row] as bigint);
      if (!INT_RANGE(totalMonths) || !INT_RANGE(totalDays) || !LONG_RANGE(micros)) {
        if (nullOnOverflow) return null;
        throw arithmeticOverflow("integer overflow", "");
      }
      return [Number(totalMonths), Number(totalDays), micros];
    });
  };

const makeDayTimeKernel: Kernel = (args, c) => {
  const ints = args.slice(0, 3).map((a) => valuesOf<number>(a as ColumnVector));
  const seconds = valuesOf<bigint>(args[3] as ColumnVector);
  return mapRows<bigint>(args as ColumnVector[], c.type, (row) => {
    const [days, hours, minutes] = ints.map((v) => BigInt(v[row] as number)) as [bigint, bigint, bigint];
    const micros = days * MICROS.day + hours * MICROS.hour + minutes * MICROS.minute + (seconds[row] as bigint);
    if (!LONG_RANGE(micros)) throw fieldOverflow();
    return micros;
  });
};

const makeYearMonthKernel: Kernel = (args, c) => {
  const [years, months] = args.map((a) => valuesOf<number>(a as ColumnVector));
  return mapRows<number>(args as ColumnVector[], c.type, (row) => {
    const total = BigInt(years![row] as number) * 12n + BigInt(months![row] as number);
    if (!INT_RANGE(total)) throw fieldOverflow();
    return Number(total);
  });
};

export const makeIntervalFunctions: Record<string, ScalarFunction> = {
  make_interval: {
    resolve: resolver("make_interval", 7, true, T.CALENDAR_INTERVAL, "make_interval"),
    kernel: makeIntervalKernel(false),
  },
  try_make_interval: {
    resolve: resolver("try_make_interval", 7, true, T.CALENDAR_INTERVAL, "try_make_interval"),
    kernel: makeIntervalKernel(true),
  },
  make_dt_interval: {
    resolve: resolver("make_dt_interval", 4, true, T.dayTimeIntervalType(0, 3), "make_dt_interval"),
    kernel: makeDayTimeKernel,
  },
  make_ym_interval: {
    resolve: resolver("make_ym_interval", 2, false, T.yearMonthIntervalType(0, 1), "make_ym_interval"),
    kernel: makeYearMonthKernel,
  },
};
