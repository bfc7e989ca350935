/**
 * Errors a query raises on purpose: raise_error(message) and assert_true(condition[, message]). Both are VOID
 * (always NULL) and fail with Spark's USER_RAISED_EXCEPTION when a row reaches them; a raise_error in a CASE
 * branch no row takes is never evaluated, since branches only see the rows they select.
 */
import { SparkRuntimeException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, getScalar } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { constantColumn } from "./kernel-helpers.js";

function userRaised(message: string): Error {
  return sparkError(SparkRuntimeException, "USER_RAISED_EXCEPTION", "P0001", message, { errorMessage: message });
}

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));

const raiseError: ScalarFunction = {
  resolve: (args, ctx) => {
    const [message] = args as [Expr];
    const display = `raise_error(USER_RAISED_EXCEPTION, map(errorMessage, ${displayOf(message)}))`;
    return call("raise_error", [asString(message)], T.NULL, display, ctx, true);
  },
  kernel: ([message]) => {
    const column = message as ColumnVector;
    if (column.length > 0) throw userRaised(String(getScalar(column, 0)));
    return constantColumn(T.NULL, null, 0);
  },
};

const assertTrue: ScalarFunction = {
  resolve: (args, ctx) => {
    const [condition, given] = args as [Expr, Expr | undefined];
    const message: Expr = given ?? {
      kind: "literal",
      value: `'${displayOf(condition)}' is not true!`,
      type: T.STRING,
      nullable: false,
    };
    const display = `assert_true(${displayOf(condition)}, ${displayOf(message)})`;
    return call("assert_true", [implicitCast(condition, T.BOOLEAN), asString(message)], T.NULL, display, ctx, true);
  },
  kernel: ([condition, message]) => {
    const flags = condition as ColumnVector;
    for (let i = 0; i < flags.length; i++) {
      if (getScalar(flags, i) !== true) throw userRaised(String(getScalar(message as ColumnVector, i)));
    }
    return constantColumn(T.NULL, null, flags.length);
  },
};

export const userErrorFunctions: Record<string, ScalarFunction> = {
  raise_error: raiseError,
  assert_true: assertTrue,
};
