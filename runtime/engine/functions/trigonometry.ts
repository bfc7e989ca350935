/**
 * Trigonometric, hyperbolic and angle-conversion functions over doubles. The inverse hyperbolics use the same
 * closed forms as Spark (not Math.asinh & co.) so the last bit agrees.
 */
import { binaryDouble, unaryDouble } from "./double-functions.js";
import type { ScalarFunction } from "./function-types.js";

/** java.lang.Math's conversion constants (JDK 9+ multiplies by these rather than dividing). */
const DEGREES_TO_RADIANS = 0.017453292519943295;
const RADIANS_TO_DEGREES = 57.29577951308232;

export const trigonometryFunctions: Record<string, ScalarFunction> = {
  sin: unaryDouble("SIN", Math.sin),
  cos: unaryDouble("COS", Math.cos),
  tan: unaryDouble("TAN", Math.tan),
  asin: unaryDouble("ASIN", Math.asin),
  acos: unaryDouble("ACOS", Math.acos),
  atan: unaryDouble("ATAN", Math.atan),
  cot: unaryDouble("COT", (x) => 1 / Math.tan(x)),
  csc: unaryDouble("CSC", (x) => 1 / Math.sin(x)),
  sec: unaryDouble("SEC", (x) => 1 / Math.cos(x)),
  sinh: unaryDouble("SINH", Math.sinh),
  cosh: unaryDouble("COSH", Math.cosh),
  tanh: unaryDouble("TANH", Math.tanh),
  asinh: unaryDouble("ASINH", (x) => (x === Number.NEGATIVE_INFINITY ? x : Math.log(x + Math.sqrt(x * x + 1)))),
  acosh: unaryDouble("ACOSH", (x) => Math.log(x + Math.sqrt(x * x - 1))),
  atanh: unaryDouble("ATANH", (x) => 0.5 * (Math.log1p(x) - Math.log1p(-x))),
  degrees: unaryDouble("DEGREES", (x) => x * RADIANS_TO_DEGREES),
  radians: unaryDouble("RADIANS", (x) => x * DEGREES_TO_RADIANS),
  atan2: binaryDouble("ATAN2", (y, x) => Math.atan2(y + 0, x + 0)),
  // A lambda, not Math.hypot itself: kernels pass the row index as a third argument.
  hypot: binaryDouble("HYPOT", (x, y) => Math.hypot(x, y)),
};

export const trigonometryAliases: Record<string, string> = { todegrees: "degrees", toradians: "radians" };
