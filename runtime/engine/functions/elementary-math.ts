/** Roots, exponentials and logarithms near zero, round-to-even and the constants E() and PI(). */
import { doubleConstant, unaryDouble } from "./double-functions.js";
import type { ScalarFunction } from "./function-types.js";

/** java.lang.Math.rint: nearest integer, ties to the even one, keeping the sign of zero. */
export function rint(x: number): number {
  if (!Number.isFinite(x)) return x;
  let r = Math.round(x);
  if (r - x === 0.5 && r % 2 !== 0) r -= 1;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}

export const elementaryMathFunctions: Record<string, ScalarFunction> = {
  cbrt: unaryDouble("CBRT", Math.cbrt),
  expm1: unaryDouble("EXPM1", Math.expm1),
  // Spark returns NULL where the logarithm is undefined rather than NaN.
  log1p: unaryDouble("LOG1P", (x) => (x <= -1 ? null : Math.log1p(x))),
  rint: unaryDouble("rint", rint),
  e: doubleConstant("E", Math.E),
  pi: doubleConstant("PI", Math.PI),
};
