/** factorial (BIGINT, NULL outside 0..20) and pmod (the non-negative remainder, REMAINDER_BY_ZERO under ANSI). */

import { ArithmeticException } from "../../errors/index.js";
import { commonType, implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { requireNumericInput } from "./double-functions.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, zipValues } from "./kernel-helpers.js";

const FACTORIALS: bigint[] = [1n];
for (let n = 1; n <= 20; n++) FACTORIALS.push((FACTORIALS[n - 1] as bigint) * BigInt(n));

const factorial: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    const display = `factorial(${displayOf(child)})`;
    requireNumericInput("factorial", display, child);
    return call("factorial", [implicitCast(child, T.INT)], T.LONG, display, ctx, true);
  },
  kernel: ([a]) =>
    mapValues<number, bigint>(a as ColumnVector, T.LONG, (n) => (n < 0 || n > 20 ? null : (FACTORIALS[n] as bigint))),
};

export function remainderByZero() {
  return sparkError(
    ArithmeticException,
    "REMAINDER_BY_ZERO",
    "22012",
    'Remainder by zero; try_mod returns NULL instead, or set "spark.sql.ansi.enabled" to "false".',
    { config: '"spark.sql.ansi.enabled"' },
  );
}

const pmod: ScalarFunction = {
  resolve: (args, ctx) => {
    const [left, right] = args as [Expr, Expr];
    const display = `pmod(${displayOf(left)}, ${displayOf(right)})`;
    requireNumericInput("pmod", display, left);
    requireNumericInput("pmod", display, right, "second");
    const type = commonType([left.type, right.type]) ?? T.DOUBLE;
    const resolved = T.isNullType(type) || T.isString(type) ? T.DOUBLE : type;
    if (resolved.kind.case === "decimal") throw notSupportedLocally("pmod on decimals");
    return call("pmod", [implicitCast(left, resolved), implicitCast(right, resolved)], resolved, display, ctx, true);
  },
  kernel: ([a, b], c) => {
    if (c.type.kind.case === "long") {
      return zipValues<bigint, bigint, bigint>(a as ColumnVector, b as ColumnVector, c.type, (x, n) => {
        if (n === 0n) {
          if (c.ansi) throw remainderByZero();
          return null;
        }
        const r = x % n;
        return r < 0n ? (r + n) % n : r;
      });
    }
    const integral = T.isIntegral(c.type);
    return zipValues<number, number, number>(a as ColumnVector, b as ColumnVector, c.type, (x, n) => {
      if (n === 0) {
        if (c.ansi) throw remainderByZero();
        return null;
      }
      const r = x % n;
      // Java's int `%` truncates like JS's; the sum can leave int range only transiently, so wrap as Java does.
      if (r >= 0) return r;
      return integral ? ((r + n) | 0) % n : (r + n) % n;
    });
  },
};

export const integerMathFunctions: Record<string, ScalarFunction> = { factorial, pmod };
