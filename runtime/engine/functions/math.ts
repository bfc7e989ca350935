/** Numeric functions: abs, round (HALF_UP), bround (HALF_EVEN), ceil/floor, sqrt, power, exp, ln, positive. */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { arithmeticOverflow, dataTypeMismatch, notSupportedLocally } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { fitsPrecision, outOfRange } from "./decimal-math.js";
import { type RoundingMode, roundUnscaled } from "./decimal-rounding.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, zipValues } from "./kernel-helpers.js";

function requireNumeric(name: string, child: Expr): void {
  if (T.isNumeric(child.type) || T.isNullType(child.type)) return;
  throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${name}(${displayOf(child)})"`, `${name} needs a numeric input.`, {
    paramIndex: "first",
    requiredType: '"NUMERIC"',
    inputSql: `"${displayOf(child)}"`,
    inputType: T.sqlTypeName(child.type),
  });
}

const abs: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    requireNumeric("abs", child);
    return call("abs", [child], child.type, `abs(${displayOf(child)})`, ctx);
  },
  kernel: ([a], c) => {
    if (c.type.kind.case === "decimal")
      return mapValues<bigint, bigint>(a as ColumnVector, c.type, (x) => (x < 0n ? -x : x));
    if (c.type.kind.case === "long") {
      return mapValues<bigint, bigint>(a as ColumnVector, c.type, (x) => {
        if (x === -(2n ** 63n) && c.ansi) throw arithmeticOverflow("long overflow");
        return BigInt.asIntN(64, x < 0n ? -x : x);
      });
    }
    const limit = { byte: 128, short: 32768, integer: 2147483648 }[c.type.kind.case as string];
    return mapValues<number, number>(a as ColumnVector, c.type, (x) => {
      if (limit !== undefined && -x === limit) {
        if (c.ansi) throw arithmeticOverflow(`${T.simpleString(c.type)} overflow`);
        return x;
      }
      return Math.abs(x);
    });
  },
};

/** Rounds the decimal text of a double (as Java's BigDecimal.valueOf sees it), ties away from zero or to even. */
export function roundDouble(x: number, scale: number, halfEven: boolean): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(x)}e${scale}`);
  if (!Number.isFinite(shifted)) return x;
  let rounded = Math.floor(shifted);
  const fraction = shifted - rounded;
  if (fraction > 0.5 || (fraction === 0.5 && (!halfEven || rounded % 2 === 1))) rounded += 1;
  return sign * Number(`${rounded}e${-scale}`);
}

function roundBigint(x: bigint, scale: number, halfEven: boolean): bigint {
  if (scale >= 0) return x;
  const unit = 10n ** BigInt(-scale);
  const negative = x < 0n;
  const magnitude = negative ? -x : x;
  let q = magnitude / unit;
  const r = magnitude % unit;
  if (r * 2n > unit || (r * 2n === unit && (!halfEven || q % 2n === 1n))) q += 1n;
  return (negative ? -q : q) * unit;
}

/**
 * The type Spark gives a rounded decimal(p, s): one more integral digit than the input (rounding can carry) and
 * the requested scale if it is smaller than s; a negative scale rounds to tens, hundreds… at scale 0.
 */
function roundedDecimalType(type: T.DataType, target: number): T.DataType {
  const { precision, scale } = T.decimalParts(type);
  const integralDigits = precision - scale + 1;
  if (target < 0) return T.decimalType(Math.min(38, Math.max(integralDigits, -target + 1)), 0);
  const newScale = Math.min(scale, target);
  return T.decimalType(Math.min(38, integralDigits + newScale), newScale);
}

function roundDecimalColumn(
  input: ColumnVector,
  c: { type: T.DataType; ansi: boolean },
  from: number,
  target: number,
  mode: RoundingMode,
): ColumnVector {
  const shape = T.decimalParts(c.type);
  const to = target < 0 ? target : shape.scale;
  return mapValues<bigint, bigint>(input, c.type, (x) => {
    const rounded = roundUnscaled(x, from, to, mode);
    if (fitsPrecision(rounded, shape.precision)) return rounded;
    if (c.ansi) throw outOfRange(rounded, shape);
    return null;
  });
}

function rounding(name: "round" | "bround"): ScalarFunction {
  const halfEven = name === "bround";
  return {
    resolve: (args, ctx) => {
      const [child, scaleExpr] = args as [Expr, Expr | undefined];
      requireNumeric(name, child);
      const scale: Expr = scaleExpr ?? { kind: "literal", value: 0, type: T.INT, nullable: false };
      if (scale.kind !== "literal" || typeof scale.value !== "number") {
        throw dataTypeMismatch(
          "NON_FOLDABLE_INPUT",
          `"${name}(${displayOf(child)}, ${displayOf(scale)})"`,
          "the scale must be a constant integer.",
          {
            inputName: "`scale`",
            inputType: '"INT"',
            inputExpr: `"${displayOf(scale)}"`,
          },
        );
      }
      const type = T.isNullType(child.type)
        ? T.DOUBLE
        : child.type.kind.case === "decimal"
          ? roundedDecimalType(child.type, scale.value)
          : child.type;
      return call(
        name,
        [implicitCast(child, type), scale],
        type,
        `${name}(${displayOf(child)}, ${displayOf(scale)})`,
        ctx,
        true,
      );
    },
    kernel: ([a, s], c) => {
      const scale = (s as ColumnVector).data[0] as number;
      if (c.type.kind.case === "decimal") {
        const from = T.decimalParts((a as ColumnVector).type).scale;
        return roundDecimalColumn(a as ColumnVector, c, from, scale, halfEven ? "HALF_EVEN" : "HALF_UP");
      }
      if (c.type.kind.case === "long")
        return mapValues<bigint, bigint>(a as ColumnVector, c.type, (x) => roundBigint(x, scale, halfEven));
      if (T.isFractional(c.type))
        return mapValues<number, number>(a as ColumnVector, c.type, (x) => roundDouble(x, scale, halfEven));
      return mapValues<number, number>(a as ColumnVector, c.type, (x) =>
        Number(roundBigint(BigInt(x), scale, halfEven)),
      );
    },
  };
}

/** ceil/floor of one argument: BIGINT for integral and double input, decimal(p - s + 1, 0) for decimals. */
function toLong(canonical: "ceil" | "floor", f: (x: number) => number): ScalarFunction {
  return {
    resolve: (args, ctx, name) => {
      const [child, scale] = args as [Expr, Expr | undefined];
      requireNumeric(name, child);
      if (scale !== undefined) throw notSupportedLocally(`${name} with a scale argument`);
      // Spark prints CEIL(x)/FLOOR(x) for the short names and keeps `ceiling` as spelled.
      const shown = name === canonical ? canonical.toUpperCase() : name;
      const display = `${shown}(${displayOf(child)})`;
      if (child.type.kind.case === "decimal") {
        const { precision, scale: s } = T.decimalParts(child.type);
        const type = T.decimalType(Math.min(38, precision - s + 1), 0);
        return call(canonical, [child], type, display, ctx);
      }
      const input = T.isIntegral(child.type) ? implicitCast(child, T.LONG) : implicitCast(child, T.DOUBLE);
      return call(canonical, [input], T.LONG, display, ctx);
    },
    kernel: ([a], c) => {
      const column = a as ColumnVector;
      if (c.type.kind.case === "decimal") {
        const from = T.decimalParts(column.type).scale;
        return roundDecimalColumn(column, c, from, 0, canonical === "ceil" ? "CEILING" : "FLOOR");
      }
      if (column.type.kind.case === "long") return column;
      return mapValues<number, bigint>(column, T.LONG, (x) => {
        const r = f(x);
        if (Number.isNaN(r)) return 0n;
        if (r >= 9.223372036854776e18) return 2n ** 63n - 1n;
        if (r <= -9.223372036854776e18) return -(2n ** 63n);
        return BigInt(r);
      });
    },
  };
}

function doubleFunction(name: string, f: (x: number) => number | null, shown = name.toUpperCase()): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      requireNumeric(name, child);
      return call(name, [implicitCast(child, T.DOUBLE)], T.DOUBLE, `${shown}(${displayOf(child)})`, ctx, true);
    },
    kernel: ([a]) => mapValues<number, number>(a as ColumnVector, T.DOUBLE, f),
  };
}

const power: ScalarFunction = {
  resolve: (args, ctx) => {
    const [base, exponent] = args as [Expr, Expr];
    requireNumeric("power", base);
    requireNumeric("power", exponent);
    return call(
      "power",
      [implicitCast(base, T.DOUBLE), implicitCast(exponent, T.DOUBLE)],
      T.DOUBLE,
      `POWER(${displayOf(base)}, ${displayOf(exponent)})`,
      ctx,
    );
  },
  kernel: ([a, b]) =>
    zipValues<number, number, number>(a as ColumnVector, b as ColumnVector, T.DOUBLE, (x, y) => x ** y),
};

/** Unary plus: the value itself, printed `(+ x)`. */
const positive: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    requireNumeric("positive", child);
    return call("positive", [child], child.type, `(+ ${displayOf(child)})`, ctx);
  },
  kernel: ([a]) => a as ColumnVector,
};

export const mathFunctions: Record<string, ScalarFunction> = {
  abs,
  round: rounding("round"),
  bround: rounding("bround"),
  ceil: toLong("ceil", Math.ceil),
  floor: toLong("floor", Math.floor),
  sqrt: doubleFunction("sqrt", Math.sqrt),
  exp: doubleFunction("exp", Math.exp),
  ln: doubleFunction("ln", (x) => (x <= 0 ? null : Math.log(x)), "ln"),
  power,
  positive,
};

export const mathAliases: Record<string, string> = { ceiling: "ceil", pow: "power" };
