/**
 * + - * of unscaled decimals held as doubles, for results that drop no digit: exact as long as every step stays
 * within 2^53, which each step checks. Null as soon as one row leaves that range or the result's precision; the
 * caller then computes with BigInts, which also raises Spark's overflow error or gives NULL.
 */
import * as T from "../types/data-types.js";

export type ExactOp = "add" | "subtract" | "multiply";

const MAX_EXACT = Number.MAX_SAFE_INTEGER;
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** The largest unscaled magnitude a decimal type holds, capped at the exact range of doubles. */
export function exactLimit(type: T.DataType): number {
  const { precision } = T.decimalParts(type);
  return precision <= 15 ? (POW10[precision] as number) - 1 : MAX_EXACT;
}

/** Scale factors of the operands, or undefined when the result scale would drop digits (needs rounding). */
export function exactFactors(op: ExactOp, sa: number, sb: number, scale: number): [number, number] | undefined {
  const fa = POW10[op === "multiply" ? scale - sa - sb : scale - sa];
  const fb = POW10[op === "multiply" ? 0 : scale - sb];
  return fa === undefined || fb === undefined ? undefined : [fa, fb];
}

export function exactDecimalArithmetic(
  op: ExactOp,
  a: Float64Array,
  b: Float64Array,
  validity: Uint8Array | null,
  [fa, fb]: [number, number],
  limit: number,
): Float64Array | null {
  const n = a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const x = a[i] as number;
    const y = b[i] as number;
    let r: number;
    if (op === "multiply") {
      r = x * y;
      if (r > MAX_EXACT || r < -MAX_EXACT) return null;
      r *= fa;
    } else {
      const xs = x * fa;
      const ys = y * fb;
      if (xs > MAX_EXACT || xs < -MAX_EXACT || ys > MAX_EXACT || ys < -MAX_EXACT) return null;
      r = op === "add" ? xs + ys : xs - ys;
    }
    if (r > limit || r < -limit) return null;
    out[i] = r;
  }
  return out;
}
