/**
 * Timestamps as numbers and truncated: unix_seconds/millis/micros, timestamp_seconds/millis/micros and
 * date_trunc (in the session time zone).
 */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { arithmeticOverflow } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { truncateDate } from "./datetime-calendar.js";
import { floorDiv, fromLocalMicros, toLocalMicros } from "./datetime-format.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";

const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;
const asTimestamp = (e: Expr): Expr => (e.type.kind.case === "timestamp" ? e : implicitCast(e, T.TIMESTAMP));

function toUnit(name: string, microsPerUnit: bigint): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      return call(name, [asTimestamp(child)], T.LONG, show(name, args), ctx);
    },
    kernel: ([a]) => mapValues<bigint, bigint>(a as ColumnVector, T.LONG, (micros) => floorDiv(micros, microsPerUnit)),
  };
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

function fromUnit(name: string, microsPerUnit: bigint): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      const input = T.isIntegral(child.type)
        ? implicitCast(child, T.LONG)
        : microsPerUnit === 1_000_000n
          ? implicitCast(child, T.DOUBLE)
          : implicitCast(child, T.LONG);
      return call(name, [input], T.TIMESTAMP, show(name, args), ctx);
    },
    kernel: ([a], c) => {
      const column = a as ColumnVector;
      if (column.type.kind.case === "double") {
        // Fractional seconds truncate toward zero to whole microseconds, as Spark's (d * 1e6).toLong does.
        return mapValues<number, bigint>(column, T.TIMESTAMP, (seconds) => {
          const micros = seconds * 1e6;
          if (!Number.isFinite(micros)) return null;
          return BigInt(Math.trunc(micros));
        });
      }
      return mapValues<bigint, bigint>(column, T.TIMESTAMP, (value) => {
        const micros = value * microsPerUnit;
        if (micros > LONG_MAX || micros < LONG_MIN) {
          if (c.ansi) throw arithmeticOverflow("long overflow");
          return null;
        }
        return micros;
      });
    },
  };
}

const MICROS: Record<string, bigint> = {
  DAY: 86_400_000_000n,
  DD: 86_400_000_000n,
  HOUR: 3_600_000_000n,
  MINUTE: 60_000_000n,
  SECOND: 1_000_000n,
  MILLISECOND: 1000n,
  MICROSECOND: 1n,
};

/** date_trunc(level, ts): coarser levels go through the local date, finer ones cut the local clock. */
export function truncateTimestamp(micros: bigint, level: string, zone: string): bigint | null {
  const local = toLocalMicros(micros, zone);
  const unit = MICROS[level.toUpperCase()];
  if (unit !== undefined) return fromLocalMicros(floorDiv(local, unit) * unit, zone);
  const day = MICROS.DAY as bigint;
  const date = truncateDate(Number(floorDiv(local, day)), level);
  return date === null ? null : fromLocalMicros(BigInt(date) * day, zone);
}

const dateTrunc: ScalarFunction = {
  resolve: (args, ctx) => {
    const [level, ts] = args as [Expr, Expr];
    return call(
      "date_trunc",
      [implicitCast(level, T.STRING), asTimestamp(ts)],
      T.TIMESTAMP,
      show("date_trunc", args),
      ctx,
      true,
    );
  },
  kernel: ([l, t], _c, ctx) => {
    const levels = valuesOf<string>(l as ColumnVector);
    const micros = valuesOf<bigint>(t as ColumnVector);
    return mapRows<bigint>([l, t] as ColumnVector[], T.TIMESTAMP, (i) =>
      truncateTimestamp(micros[i] as bigint, levels[i] as string, ctx.timeZone),
    );
  },
};

export const timestampConversionFunctions: Record<string, ScalarFunction> = {
  unix_seconds: toUnit("unix_seconds", 1_000_000n),
  unix_millis: toUnit("unix_millis", 1000n),
  unix_micros: toUnit("unix_micros", 1n),
  timestamp_seconds: fromUnit("timestamp_seconds", 1_000_000n),
  timestamp_millis: fromUnit("timestamp_millis", 1000n),
  timestamp_micros: fromUnit("timestamp_micros", 1n),
  date_trunc: dateTrunc,
};
