/** Shared shape of the math builtins that take numbers, compute in double and return a double. */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { dataTypeMismatch } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, zipValues } from "./kernel-helpers.js";

export function requireNumericInput(name: string, display: string, child: Expr, paramIndex = "first"): void {
  if (T.isNumeric(child.type) || T.isNullType(child.type)) return;
  if (T.isString(child.type)) return; // strings are implicitly cast to DOUBLE, as Spark's ImplicitCastInputTypes does
  throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, `${name} needs a numeric input.`, {
    paramIndex,
    requiredType: '"DOUBLE"',
    inputSql: `"${displayOf(child)}"`,
    inputType: T.sqlTypeName(child.type),
  });
}

/** `f(x)` over doubles; `shown` is the name Spark prints in the column name (often upper case). */
export function unaryDouble(shown: string, f: (x: number) => number | null): ScalarFunction {
  return {
    resolve: (args, ctx, name) => {
      const [child] = args as [Expr];
      const display = `${shown}(${displayOf(child)})`;
      requireNumericInput(name, display, child);
      return call(name, [implicitCast(child, T.DOUBLE)], T.DOUBLE, display, ctx);
    },
    kernel: ([a]) => mapValues<number, number>(a as ColumnVector, T.DOUBLE, f),
  };
}

export function binaryDouble(shown: string, f: (x: number, y: number) => number | null): ScalarFunction {
  return {
    resolve: (args, ctx, name) => {
      const [left, right] = args as [Expr, Expr];
      const display = `${shown}(${displayOf(left)}, ${displayOf(right)})`;
      requireNumericInput(name, display, left);
      requireNumericInput(name, display, right, "second");
      return call(name, [implicitCast(left, T.DOUBLE), implicitCast(right, T.DOUBLE)], T.DOUBLE, display, ctx);
    },
    kernel: ([a, b]) => zipValues<number, number, number>(a as ColumnVector, b as ColumnVector, T.DOUBLE, f),
  };
}

/** A nullary constant such as `E()` or `PI()`: never NULL. Its value rides along as a literal argument so the
 * kernel knows the batch length. */
export function doubleConstant(shown: string, value: number): ScalarFunction {
  return {
    resolve: (_args, ctx, name) =>
      call(name, [{ kind: "literal", value, type: T.DOUBLE, nullable: false }], T.DOUBLE, `${shown}()`, ctx, false),
    kernel: ([constant]) => constant as ColumnVector,
  };
}
