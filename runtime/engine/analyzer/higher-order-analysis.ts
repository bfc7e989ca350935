/**
 * Typing the higher-order functions: the non-lambda arguments are checked first (as Spark binds lambdas only
 * once its arguments type-check), then each lambda is bound with the parameter types the function gives it
 * (element, index, accumulator, key, value) and its body's type decides the result type.
 */
import { AnalysisException } from "../../errors/index.js";
import { dataTypeMismatch, sparkError } from "../errors.js";
import { unexpectedInput } from "../functions/collection-errors.js";
import { call, type ResolveContext } from "../functions/function-types.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, LambdaFunction } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayParts, arrayType, mapParts, mapType } from "../types/nested-types.js";
import { commonType, implicitCast } from "./type-coercion.js";

export const HIGHER_ORDER_FUNCTIONS = new Set([
  "transform",
  "filter",
  "exists",
  "forall",
  "aggregate",
  "reduce",
  "zip_with",
  "map_filter",
  "transform_keys",
  "transform_values",
  "map_zip_with",
  "array_sort",
]);

export interface LambdaParameter {
  readonly type: T.DataType;
  readonly nullable: boolean;
}

/** One argument as written: an expression already resolved, or a lambda waiting for its parameter types. */
export type HigherOrderArgument =
  | { readonly kind: "value"; readonly expr: Expr }
  | { readonly kind: "lambda"; readonly arity: number; readonly bind: (params: LambdaParameter[]) => LambdaFunction };

export function lambdaArityMismatch(lambdaArity: number, provided: number) {
  return sparkError(
    AnalysisException,
    "INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH",
    "42K0D",
    `Invalid lambda function call. A higher order function expects ${lambdaArity} arguments, but got ${provided}.`,
    { expectedNumArgs: String(lambdaArity), actualNumArgs: String(provided) },
  );
}

const INDEX: LambdaParameter = { type: T.INT, nullable: false };

export function resolveHigherOrder(name: string, written: readonly HigherOrderArgument[], ctx: ResolveContext): Expr {
  const shownSoFar = `${name}(${written.map((a) => (a.kind === "value" ? displayOf(a.expr) : "lambdafunction(...)")).join(", ")})`;
  const value = (index: number): Expr => {
    const arg = written[index];
    if (arg?.kind !== "value") throw wrongArguments(name, written.length);
    return arg.expr;
  };
  const lambda = (index: number, params: LambdaParameter[]): LambdaFunction => {
    const arg = written[index];
    if (arg?.kind !== "lambda") throw wrongArguments(name, written.length);
    return arg.bind(params);
  };
  const arityOf = (index: number): number => {
    const arg = written[index];
    return arg?.kind === "lambda" ? arg.arity : 1;
  };
  const arrayArg = (index: number): Expr => {
    const arg = value(index);
    if (arg.type.kind.case !== "array") throw unexpectedInput(shownSoFar, index, arg, '"ARRAY"');
    return arg;
  };
  const mapArg = (index: number): Expr => {
    const arg = value(index);
    if (arg.type.kind.case !== "map") throw unexpectedInput(shownSoFar, index, arg, '"MAP"');
    return arg;
  };
  const elementOf = (arr: Expr): LambdaParameter => {
    const parts = arrayParts(arr.type);
    return { type: parts.element, nullable: parts.containsNull };
  };
  const finish = (args: Expr[], type: T.DataType, nullable: boolean): Expr => {
    const display = `${name}(${args.map(displayOf).join(", ")})`;
    return call(name, args, type, display, ctx, nullable);
  };
  const expectBoolean = (args: Expr[], f: LambdaFunction): void => {
    if (f.type.kind.case !== "boolean") {
      throw unexpectedInput(`${name}(${args.map(displayOf).join(", ")})`, 1, f, '"BOOLEAN"');
    }
  };

  switch (name) {
    case "transform": {
      const arr = arrayArg(0);
      const f = lambda(1, arityOf(1) === 2 ? [elementOf(arr), INDEX] : [elementOf(arr)]);
      return finish([arr, f], arrayType(f.type, f.nullable), arr.nullable);
    }
    case "filter": {
      const arr = arrayArg(0);
      const f = lambda(1, arityOf(1) === 2 ? [elementOf(arr), INDEX] : [elementOf(arr)]);
      expectBoolean([arr, f], f);
      return finish([arr, f], arr.type, arr.nullable);
    }
    case "exists":
    case "forall": {
      const arr = arrayArg(0);
      const f = lambda(1, [elementOf(arr)]);
      expectBoolean([arr, f], f);
      return finish([arr, f], T.BOOLEAN, arr.nullable || f.nullable);
    }
    case "aggregate":
    case "reduce": {
      if (written.length !== 3 && written.length !== 4) throw wrongArguments(name, written.length);
      const arr = arrayArg(0);
      const zero = value(1);
      const acc: LambdaParameter = { type: zero.type, nullable: true };
      const merge = lambda(2, [acc, elementOf(arr)]);
      const done = written.length === 4 ? lambda(3, [acc]) : identity(acc);
      const args = [arr, zero, merge, done];
      if (T.simpleString(merge.type) !== T.simpleString(zero.type)) {
        throw dataTypeMismatch(
          "UNEXPECTED_INPUT_TYPE",
          `"${name}(${args.map(displayOf).join(", ")})"`,
          "the merge lambda must return the zero value's type.",
          {
            paramIndex: "third",
            requiredType: `"${T.sqlTypeName(zero.type)}"`,
            inputSql: `"${displayOf(merge)}"`,
            inputType: T.sqlTypeName(merge.type),
          },
        );
      }
      return finish(args, done.type, arr.nullable || done.nullable);
    }
    case "zip_with": {
      const [left, right] = [arrayArg(0), arrayArg(1)];
      const f = lambda(2, [
        { ...elementOf(left), nullable: true },
        { ...elementOf(right), nullable: true },
      ]);
      return finish([left, right, f], arrayType(f.type, f.nullable), left.nullable || right.nullable);
    }
    case "map_filter":
    case "transform_keys":
    case "transform_values": {
      const m = mapArg(0);
      const parts = mapParts(m.type);
      const f = lambda(1, [
        { type: parts.key, nullable: false },
        { type: parts.value, nullable: parts.valueContainsNull },
      ]);
      if (name === "map_filter") {
        expectBoolean([m, f], f);
        return finish([m, f], m.type, m.nullable);
      }
      const type =
        name === "transform_keys"
          ? mapType(f.type, parts.value, parts.valueContainsNull)
          : mapType(parts.key, f.type, f.nullable);
      return finish([m, f], type, m.nullable);
    }
    case "map_zip_with": {
      let [left, right] = [mapArg(0), mapArg(1)];
      const [lk, rk] = [mapParts(left.type).key, mapParts(right.type).key];
      if (!T.sameType(lk, rk)) {
        // Numeric keys meet at their wider type, as Spark's coercion does; other key types must already agree.
        const key = T.isNumeric(lk) && T.isNumeric(rk) ? commonType([lk, rk]) : null;
        if (key === null) {
          throw dataTypeMismatch("MAP_ZIP_WITH_DIFF_TYPES", `"${shownSoFar}"`, "the maps' key types must agree.", {
            functionName: "`map_zip_with`",
            leftType: T.sqlTypeName(lk),
            rightType: T.sqlTypeName(rk),
          });
        }
        const widen = (m: Expr) => {
          const parts = mapParts(m.type);
          return implicitCast(m, mapType(key, parts.value, parts.valueContainsNull));
        };
        [left, right] = [widen(left), widen(right)];
      }
      const key = mapParts(left.type).key;
      const f = lambda(2, [
        { type: key, nullable: false },
        { type: mapParts(left.type).value, nullable: true },
        { type: mapParts(right.type).value, nullable: true },
      ]);
      return finish([left, right, f], mapType(key, f.type, f.nullable), left.nullable || right.nullable);
    }
    case "array_sort": {
      const arr = arrayArg(0);
      const f = lambda(1, [elementOf(arr), elementOf(arr)]);
      if (f.type.kind.case !== "integer") {
        throw dataTypeMismatch(
          "UNEXPECTED_RETURN_TYPE",
          `"array_sort(${[arr, f].map(displayOf).join(", ")})"`,
          "the comparator must return an INT.",
          {
            functionName: "`array_sort`",
            expectedType: '"INT"',
            actualType: T.sqlTypeName(f.type),
          },
        );
      }
      return finish([arr, f], arr.type, arr.nullable);
    }
    default:
      throw wrongArguments(name, written.length);
  }
}

/** The finish lambda Spark adds when aggregate/reduce is given none: `acc -> acc`. */
function identity(acc: LambdaParameter): LambdaFunction {
  const param = { kind: "lambdaVar" as const, id: -1, name: "id", type: acc.type, nullable: acc.nullable };
  return { kind: "lambda", params: [param], body: param, type: acc.type, nullable: acc.nullable };
}

function wrongArguments(name: string, count: number) {
  return sparkError(
    AnalysisException,
    "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
    "42605",
    `The \`${name}\` requires other arguments, but the actual number is ${count}.`,
    { functionName: `\`${name}\``, expectedNum: "other", actualNum: String(count), docroot: "" },
  );
}
