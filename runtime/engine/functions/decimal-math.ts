/**
 * DECIMAL arithmetic on unscaled bigints with Spark's result types (DecimalPrecision with precision loss
 * allowed): the result precision/scale of + - * / %, rescaling with HALF_UP rounding, and the range check that
 * raises NUMERIC_VALUE_OUT_OF_RANGE under ANSI (NULL otherwise).
 */
import { ArithmeticException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import * as T from "../types/data-types.js";

export const MAX_PRECISION = 38;
const MINIMUM_ADJUSTED_SCALE = 6;

export interface DecimalShape {
  readonly precision: number;
  readonly scale: number;
}

/** Keeps the integral digits when a result needs more than 38 digits, giving up scale down to 6. */
export function adjustPrecisionScale(precision: number, scale: number): DecimalShape {
  if (precision <= MAX_PRECISION) return { precision, scale };
  const intDigits = precision - scale;
  const minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
  return { precision: MAX_PRECISION, scale: Math.max(MAX_PRECISION - intDigits, minScale) };
}

export type DecimalOp = "add" | "subtract" | "multiply" | "divide" | "remainder";

export function resultShape(op: DecimalOp, a: DecimalShape, b: DecimalShape): DecimalShape {
  const { precision: p1, scale: s1 } = a;
  const { precision: p2, scale: s2 } = b;
  switch (op) {
    case "add":
    case "subtract": {
      const scale = Math.max(s1, s2);
      return adjustPrecisionScale(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
    }
    case "multiply":
      return adjustPrecisionScale(p1 + p2 + 1, s1 + s2);
    case "divide": {
      const scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
      return adjustPrecisionScale(p1 - s1 + s2 + scale, scale);
    }
    case "remainder": {
      const scale = Math.max(s1, s2);
      return adjustPrecisionScale(Math.min(p1 - s1, p2 - s2) + scale, scale);
    }
  }
}

/** Powers of ten up to 10^(2·38), computed once: kernels ask for them per row. */
const POW10: readonly bigint[] = Array.from({ length: 2 * MAX_PRECISION + 1 }, (_, i) => 10n ** BigInt(i));

export const pow10 = (n: number): bigint => POW10[n] ?? 10n ** BigInt(n);

/** Divides rounding half away from zero (Java's RoundingMode.HALF_UP). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  if ((n % d) * 2n >= d) q += 1n;
  return negative ? -q : q;
}

/** Changes the scale of an unscaled value, rounding HALF_UP when digits are dropped. */
export function rescale(unscaled: bigint, from: number, to: number): bigint {
  if (to >= from) return unscaled * pow10(to - from);
  return divideHalfUp(unscaled, pow10(from - to));
}

export function fitsPrecision(unscaled: bigint, precision: number): boolean {
  const limit = pow10(precision);
  return unscaled < limit && unscaled > -limit;
}

export function outOfRange(unscaled: bigint, shape: DecimalShape): Error {
  const value = T.decimalType(shape.precision, shape.scale);
  return sparkError(
    ArithmeticException,
    "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
    "22003",
    `${unscaled} (unscaled) does not fit in ${T.simpleString(value)}; try_cast or spark.sql.ansi.enabled=false return NULL.`,
    {
      value: String(unscaled),
      precision: String(shape.precision),
      scale: String(shape.scale),
      config: '"spark.sql.ansi.enabled"',
    },
  );
}

/** Computes `a op b` for operands already at scales sa and sb; null for division by zero handled by the caller. */
export function decimalOp(op: DecimalOp, a: bigint, sa: number, b: bigint, sb: number, out: DecimalShape): bigint {
  switch (op) {
    case "add":
      return rescale(a, sa, out.scale) + rescale(b, sb, out.scale);
    case "subtract":
      return rescale(a, sa, out.scale) - rescale(b, sb, out.scale);
    case "multiply":
      return rescale(a * b, sa + sb, out.scale);
    case "divide":
      // a/b at scale out.scale: (a · 10^(out.scale - sa + sb)) / b, rounded.
      return out.scale - sa + sb >= 0
        ? divideHalfUp(a * pow10(out.scale - sa + sb), b)
        : divideHalfUp(a, b * pow10(sa - sb - out.scale));
    case "remainder": {
      const scale = Math.max(sa, sb);
      return rescale(rescale(a, sa, scale) % rescale(b, sb, scale), scale, out.scale);
    }
  }
}

/** The decimal type an integral value converts to; literals get just the digits they need, as in Spark. */
export function decimalShapeOf(type: T.DataType, literalValue?: number | bigint | null): DecimalShape {
  if (type.kind.case === "decimal") return T.decimalParts(type);
  if (literalValue !== undefined && literalValue !== null) {
    const digits = String(literalValue < 0 ? -BigInt(literalValue) : BigInt(literalValue)).length;
    return { precision: Math.max(digits, 1), scale: 0 };
  }
  return T.decimalParts(T.decimalForIntegral(type));
}
