/**
 * More date and time functions: the spellings dateadd / date_diff, from_utc_timestamp / to_utc_timestamp (shift a
 * timestamp between UTC and a zone's wall clock) and width_bucket (equi-width histogram bucket of a value).
 */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { dataTypeMismatch } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { datetimeFunctions } from "./datetime.js";
import { fromLocalMicros, toLocalMicros } from "./datetime-format.js";
import { call, type ScalarFunction } from "./function-types.js";
import { valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";

const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

/** A function that is another one under a name Spark also shows in the column name. */
function renamed(base: ScalarFunction, shownAs: string): ScalarFunction {
  return {
    resolve: (args, ctx, name) => {
      const resolved = base.resolve(args, ctx, name);
      return resolved.kind === "call" ? { ...resolved, display: show(shownAs, args) } : resolved;
    },
  };
}

/**
 * from_utc_timestamp gives the instant whose UTC wall clock reads what `zone`'s wall clock reads at the input;
 * to_utc_timestamp reads the input's UTC wall clock as a wall clock in `zone` and gives that instant.
 */
function zoneShift(name: "from_utc_timestamp" | "to_utc_timestamp"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [ts, zone] = args as [Expr, Expr];
      const typed = [implicitCast(ts, T.TIMESTAMP), T.isString(zone.type) ? zone : implicitCast(zone, T.STRING)];
      return call(name, typed, T.TIMESTAMP, show(name, args), ctx);
    },
    kernel: ([ts, zone]) => {
      const micros = valuesOf<bigint>(ts as ColumnVector);
      const zones = valuesOf<string>(zone as ColumnVector);
      return mapRows<bigint>([ts, zone] as ColumnVector[], T.TIMESTAMP, (i) =>
        name === "from_utc_timestamp"
          ? toLocalMicros(micros[i] as bigint, zones[i] as string)
          : fromLocalMicros(micros[i] as bigint, zones[i] as string),
      );
    },
  };
}

/** The bucket (1..n, or 0 below and n + 1 above the range) of `value` in n equal buckets over [min, max). */
export function widthBucket(value: number, min: number, max: number, buckets: bigint): bigint | null {
  const invalid =
    buckets <= 0n ||
    buckets === 2n ** 63n - 1n ||
    min === max ||
    [value, min, max].some(Number.isNaN) ||
    !Number.isFinite(min) ||
    !Number.isFinite(max);
  if (invalid) return null;
  const lower = Math.min(min, max);
  const upper = Math.max(min, max);
  const n = Number(buckets);
  if (min < max) {
    if (value < lower) return 0n;
    if (value >= upper) return buckets + 1n;
    return BigInt(Math.trunc((n * (value - lower)) / (upper - lower))) + 1n;
  }
  if (value > upper) return 0n;
  if (value <= lower) return buckets + 1n;
  return BigInt(Math.trunc((n * (upper - value)) / (upper - lower))) + 1n;
}

const widthBucketFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [value, min, max, buckets] = args as [Expr, Expr, Expr, Expr];
    for (const [index, e] of [value, min, max].entries()) {
      if (!T.isNumeric(e.type) && !T.isNullType(e.type)) {
        throw dataTypeMismatch(
          "UNEXPECTED_INPUT_TYPE",
          `"${show("width_bucket", args)}"`,
          "a numeric input is needed.",
          {
            paramIndex: ["first", "second", "third"][index] as string,
            requiredType: '"DOUBLE"',
            inputSql: `"${displayOf(e)}"`,
            inputType: T.sqlTypeName(e.type),
          },
        );
      }
    }
    const typed = [...[value, min, max].map((e) => implicitCast(e, T.DOUBLE)), implicitCast(buckets, T.LONG)];
    return call("width_bucket", typed, T.LONG, show("width_bucket", args), ctx, true);
  },
  kernel: (args) => {
    const [v, lo, hi] = args.slice(0, 3).map((a) => valuesOf<number>(a as ColumnVector));
    const n = valuesOf<bigint>(args[3] as ColumnVector);
    return mapRows<bigint>(args, T.LONG, (i) =>
      widthBucket(v?.[i] as number, lo?.[i] as number, hi?.[i] as number, n[i] as bigint),
    );
  },
};

export const datetimeExtraFunctions: Record<string, ScalarFunction> = {
  date_diff: renamed(datetimeFunctions.datediff as ScalarFunction, "date_diff"),
  from_utc_timestamp: zoneShift("from_utc_timestamp"),
  to_utc_timestamp: zoneShift("to_utc_timestamp"),
  width_bucket: widthBucketFunction,
};

/** dateadd is date_add, and Spark names the column date_add too. */
export const datetimeExtraAliases: Record<string, string> = { dateadd: "date_add" };
