/**
 * format_number(x, d): x rounded HALF_EVEN to d decimal places and grouped by thousands (`1,234.50`), as Java's
 * DecimalFormat does it: on the exact value of a double (2.675 is 2.67499999… and becomes 2.67), keeping the
 * minus sign of a negative value that rounds to zero (`-0.00`). NULL for a negative d.
 */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { dataTypeMismatch, notSupportedLocally } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { zipValues } from "./kernel-helpers.js";

/** A finite double as an exact decimal: value = digits × 10^-scale (every binary fraction ends in decimal). */
export function exactDecimal(value: number): { digits: bigint; scale: number } {
  if (Number.isInteger(value)) return { digits: BigInt(value), scale: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  if (exponentBits !== 0) mantissa |= 1n << 52n;
  // value = mantissa × 2^power with power < 0 here; × 5^-power / 10^-power keeps it an integer ratio.
  const power = (exponentBits === 0 ? 1 : exponentBits) - 1075;
  const sign = value < 0 ? -1n : 1n;
  return { digits: sign * mantissa * 5n ** BigInt(-power), scale: -power };
}

/** digits × 10^-scale rounded HALF_EVEN to `places` decimals, as an unscaled integer at that scale. */
export function roundHalfEven(digits: bigint, scale: number, places: number): bigint {
  if (scale <= places) return digits * 10n ** BigInt(places - scale);
  const divisor = 10n ** BigInt(scale - places);
  const negative = digits < 0n;
  const magnitude = negative ? -digits : digits;
  let quotient = magnitude / divisor;
  const twice = (magnitude % divisor) * 2n;
  if (twice > divisor || (twice === divisor && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

function grouped(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The text of `digits × 10^-scale` (sign given separately, so that -0.00 keeps its minus). */
export function formatGrouped(negative: boolean, unscaled: bigint, places: number): string {
  const text = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(places + 1, "0");
  const whole = grouped(text.slice(0, text.length - places));
  const fraction = places > 0 ? `.${text.slice(text.length - places)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

function formatNumber(value: number | bigint, type: T.DataType, places: number): string {
  if (typeof value === "number" && !Number.isFinite(value)) {
    if (Number.isNaN(value)) return "NaN";
    return value > 0 ? "∞" : "-∞";
  }
  if (type.kind.case === "decimal") {
    const scale = T.decimalParts(type).scale;
    return formatGrouped((value as bigint) < 0n, roundHalfEven(value as bigint, scale, places), places);
  }
  if (typeof value === "bigint") return formatGrouped(value < 0n, value * 10n ** BigInt(places), places);
  const exact = exactDecimal(value);
  const negative = value < 0 || Object.is(value, -0);
  return formatGrouped(negative, roundHalfEven(exact.digits, exact.scale, places), places);
}

const formatNumberFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [x, d] = args as [Expr, Expr];
    const display = `format_number(${args.map(displayOf).join(", ")})`;
    if (!T.isNumeric(x.type) && !T.isNullType(x.type)) {
      throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, "the first argument must be numeric.", {
        paramIndex: "first",
        requiredType: '"NUMERIC"',
        inputSql: `"${displayOf(x)}"`,
        inputType: T.sqlTypeName(x.type),
      });
    }
    if (T.isString(d.type)) throw notSupportedLocally("format_number with a DecimalFormat pattern");
    const value = T.isNullType(x.type) ? implicitCast(x, T.DOUBLE) : x;
    return call("format_number", [value, implicitCast(d, T.INT)], T.STRING, display, ctx, true);
  },
  kernel: ([x, d], c) => {
    const type = (x as ColumnVector).type;
    return zipValues<number | bigint, number, string>(x as ColumnVector, d as ColumnVector, c.type, (v, places) =>
      places < 0 ? null : formatNumber(v, type, places),
    );
  },
};

export const numberFormattingFunctions: Record<string, ScalarFunction> = {
  format_number: formatNumberFunction,
};
