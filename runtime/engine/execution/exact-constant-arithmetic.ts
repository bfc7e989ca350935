/**
 * + - * of unscaled decimals held as doubles where one operand is a constant (`1 - l_discount`, `1 + l_tax`): the
 * same exact steps and range checks as the column-by-column kernel, without a column filled with the constant.
 * Null as soon as one row leaves the exact range or the result's precision; the caller then computes the
 * ordinary way, which gives the same values and raises Spark's errors.
 */
import { type ExactOp, exactLimit } from "../functions/exact-decimal-arithmetic.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";

const MAX_EXACT = Number.MAX_SAFE_INTEGER;
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The unscaled value of a non-NULL constant decimal operand, when it is exact as a double: a decimal literal,
 * or an integral or decimal literal cast to a decimal of at least its scale.
 */
export function exactConstantOf(expr: Expr): number | undefined {
  if (expr.type.kind.case !== "decimal") return undefined;
  const limit = exactLimit(expr.type);
  if (expr.kind === "literal") {
    const value = expr.value;
    if (typeof value !== "bigint" && typeof value !== "number") return undefined;
    const n = Number(value);
    return Number.isSafeInteger(n) && Math.abs(n) <= limit ? n : undefined;
  }
  if (expr.kind !== "cast" || expr.child.kind !== "literal") return undefined;
  const from = expr.child.type;
  const value = expr.child.value;
  if (typeof value !== "bigint" && typeof value !== "number") return undefined;
  const fromScale = from.kind.case === "decimal" ? T.decimalParts(from).scale : 0;
  const integral = from.kind.case === "integer" || from.kind.case === "short" || from.kind.case === "byte";
  if (!integral && from.kind.case !== "decimal") return undefined;
  const factor = POW10[T.decimalParts(expr.type).scale - fromScale];
  const n = Number(value);
  if (factor === undefined || !Number.isSafeInteger(n)) return undefined;
  const scaled = n * factor;
  return Number.isSafeInteger(scaled) && Math.abs(scaled) <= limit ? scaled : undefined;
}

/**
 * `a op c` (or `c op a` when `constantFirst`) with the operand scale factors `[fa, fb]` of the left and right
 * operand, as the column kernel takes them; rows invalid in `validity` are skipped (left 0).
 */
export function exactArithmeticWithConstant(
  op: ExactOp,
  a: Float64Array,
  constant: number,
  constantFirst: boolean,
  validity: Uint8Array | null,
  [fa, fb]: [number, number],
  limit: number,
): Float64Array | null {
  const n = a.length;
  const out = new Float64Array(n);
  if (op === "multiply") {
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) continue;
      let r = (a[i] as number) * constant;
      if (r > MAX_EXACT || r < -MAX_EXACT) return null;
      r *= fa;
      if (r > limit || r < -limit) return null;
      out[i] = r;
    }
    return out;
  }
  // The constant's side scaled once; the column's side per row.
  const constantScaled = constant * (constantFirst ? fa : fb);
  if (constantScaled > MAX_EXACT || constantScaled < -MAX_EXACT) return null;
  const columnFactor = constantFirst ? fb : fa;
  const sign = op === "add" ? 1 : -1;
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const xs = (a[i] as number) * columnFactor;
    if (xs > MAX_EXACT || xs < -MAX_EXACT) return null;
    const r = constantFirst ? constantScaled + sign * xs : xs + sign * constantScaled;
    if (r > limit || r < -limit) return null;
    out[i] = r;
  }
  return out;
}
