/**
 * Functions answered at analysis time: typeof(x) (the type's catalog string, x itself is never evaluated) and
 * the current catalog and schema. The embedded engine has one catalog, `spark_catalog`, whose only schema is
 * `default`, so those are constants here.
 */
import type { ColumnVector } from "../columnar/column-vector.js";
import { unresolvedRoutine } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ResolveContext, type ScalarFunction } from "./function-types.js";

const text = (value: string): Literal => ({ kind: "literal", value, type: T.STRING, nullable: false });

/** A call whose value is fixed at analysis; the literal argument gives the kernel the batch length. */
function constantCall(value: string, display: string, ctx: ResolveContext): Expr {
  return call("constant_string", [text(value)], T.STRING, display, ctx, false);
}

const constantString: ScalarFunction = {
  // Not a Spark function: users calling it by name get Spark's unknown-function error.
  resolve: () => {
    throw unresolvedRoutine("constant_string");
  },
  kernel: ([value]) => value as ColumnVector,
};

const typeofFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    const name = T.isNullType(child.type) ? "void" : T.simpleString(child.type);
    return constantCall(name, `typeof(${displayOf(child)})`, ctx);
  },
};

function named(value: string, shown: string): ScalarFunction {
  return { resolve: (_args, ctx) => constantCall(value, `${shown}()`, ctx) };
}

export const sessionInfoFunctions: Record<string, ScalarFunction> = {
  constant_string: constantString,
  typeof: typeofFunction,
  // Spark prints current_database() as current_schema().
  current_database: named("default", "current_schema"),
  current_schema: named("default", "current_schema"),
  current_catalog: named("spark_catalog", "current_catalog"),
};
