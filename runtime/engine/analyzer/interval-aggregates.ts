/**
 * sum and avg over ANSI intervals, as Spark types them: sum keeps the input's interval type, avg gives the
 * family's widest type (the sum divided by the count, rounded half up). Both run as the ordinary LONG sum (and
 * count) over the interval's months or microseconds, with the interval rebuilt on top of the aggregate.
 */
import type { ColumnVector } from "../columnar/column-vector.js";
import { notSupportedLocally } from "../errors.js";
import { call, type ResolveContext, type ScalarFunction } from "../functions/function-types.js";
import { divideHalfUp, intervalOverflow } from "../functions/interval-arithmetic.js";
import { mapValues, zipValues } from "../functions/kernel-helpers.js";
import type { AggregateCall, Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";

const AS_LONG = "interval:as_long";
const FROM_SUM = "interval:from_sum";
const AVERAGE = "interval:average";

type AggregateBase = Pick<AggregateCall, "kind" | "distinct" | "display" | "ansi">;

export function intervalAggregate(
  name: "sum" | "avg" | "try_sum",
  child: Expr,
  base: AggregateBase,
  ctx: ResolveContext,
): Expr {
  if (name === "try_sum") throw notSupportedLocally("try_sum over intervals");
  const asLong = call(AS_LONG, [child], T.LONG, base.display, ctx);
  const sum: AggregateCall = { ...base, name: "sum", args: [asLong], type: T.LONG, nullable: true };
  if (name === "sum") return call(FROM_SUM, [sum], child.type, base.display, ctx, true);
  const count: AggregateCall = { ...base, name: "count", args: [child], type: T.LONG, nullable: false };
  const type = child.type.kind.case === "yearMonthInterval" ? T.yearMonthIntervalType() : T.dayTimeIntervalType();
  return call(AVERAGE, [sum, count], type, base.display, ctx, true);
}

/** Months (int) or microseconds (long) as a LONG. */
function asLong(column: ColumnVector): ColumnVector {
  return mapValues<number | bigint, bigint>(column, T.LONG, (v) => BigInt(v));
}

/** A LONG total back in the interval's storage form, range-checked for year-month intervals. */
function fromTotal(total: bigint, type: T.DataType, overflow: () => Error): number | bigint {
  if (type.kind.case === "dayTimeInterval") return total;
  if (BigInt.asIntN(32, total) !== total) throw overflow();
  return Number(total);
}

const internal = (kernel: NonNullable<ScalarFunction["kernel"]>, name: string): ScalarFunction => ({
  resolve: () => {
    throw notSupportedLocally(`calling ${name} directly`);
  },
  kernel,
});

export const intervalAggregateFunctions: Record<string, ScalarFunction> = {
  [AS_LONG]: internal(([a]) => asLong(a as ColumnVector), AS_LONG),
  [FROM_SUM]: internal(
    ([a], c) =>
      mapValues<bigint, number | bigint>(a as ColumnVector, c.type, (v) =>
        fromTotal(v, c.type, intervalOverflow("try_add")),
      ),
    FROM_SUM,
  ),
  [AVERAGE]: internal(
    ([a, b], c) =>
      zipValues<bigint, bigint, number | bigint>(a as ColumnVector, b as ColumnVector, c.type, (sum, count) =>
        count === 0n ? null : fromTotal(divideHalfUp(sum, count), c.type, intervalOverflow("try_add")),
      ),
    AVERAGE,
  ),
};
