/** Numeric functions: abs, round (HALF_UP), bround (HALF_EVEN), ceil/floor (→ bigint), sqrt, power, exp, ln. */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { arithmeticOverflow, dataTypeMismatch, notSupportedLocally } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
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
    if (child.type.kind.case === "decimal") throw notSupportedLocally("abs on decimals");
    return call("abs", [child], child.type, `abs(${displayOf(child)})`, ctx);
  },
  kernel: ([a], c) => {
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

function rounding(name: "round" | "bround"): ScalarFunction {
  const halfEven = name === "bround";
  return {
    resolve: (args, ctx) => {
      const [child, scaleExpr] = args as [Expr, Expr | undefined];
      requireNumeric(name, child);
      if (child.type.kind.case === "decimal") throw notSupportedLocally(`${name} on decimals`);
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
      const type = T.isNullType(child.type) ? T.DOUBLE : child.type;
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

function toLong(name: "ceil" | "floor", f: (x: number) => number): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      requireNumeric(name, child);
      if (child.type.kind.case === "decimal") throw notSupportedLocally(`${name} on decimals`);
      const input = T.isIntegral(child.type) ? implicitCast(child, T.LONG) : implicitCast(child, T.DOUBLE);
      return call(name, [input], T.LONG, `${name.toUpperCase()}(${displayOf(child)})`, ctx);
    },
    kernel: ([a]) => {
      const column = a as ColumnVector;
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

function doubleFunction(name: string, f: (x: number) => number | null): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      requireNumeric(name, child);
      return call(
        name,
        [implicitCast(child, T.DOUBLE)],
        T.DOUBLE,
        `${name.toUpperCase()}(${displayOf(child)})`,
        ctx,
        true,
      );
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

export const mathFunctions: Record<string, ScalarFunction> = {
  abs,
  round: rounding("round"),
  bround: rounding("bround"),
  ceil: toLong("ceil", Math.ceil),
  floor: toLong("floor", Math.floor),
  sqrt: doubleFunction("sqrt", Math.sqrt),
  exp: doubleFunction("exp", Math.exp),
  ln: doubleFunction("ln", (x) => (x <= 0 ? null : Math.log(x))),
  power,
};

export const mathAliases: Record<string, string> = { ceiling: "ceil", pow: "power" };
