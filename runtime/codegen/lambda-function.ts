/**
 * TS arrow functions over Columns as Spark lambda expressions. Variables are named as PySpark names them: `x`, `y`,
 * `z` by position, each with a process-wide counter suffix (`x_0`, `y_1`, ...) so nested lambdas never clash.
 */
import { create } from "@bufbuild/protobuf";
import {
  type Expression,
  Expression_UnresolvedNamedLambdaVariableSchema,
  ExpressionSchema,
} from "../../generated/proto/spark/connect/expressions_pb.js";
import { Column } from "../api/column.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";

/** A lambda over one to three Columns, as the higher-order builtins take. */
export type ColumnLambda =
  | ((x: Column) => Column)
  | ((x: Column, y: Column) => Column)
  | ((x: Column, y: Column, z: Column) => Column);

const VARIABLE_NAMES = ["x", "y", "z"] as const;
let nextVariableId = 0;

/** A fresh variable name such as `x_12`; the counter is shared by every lambda built in this process. */
function freshVariableName(base: string): string {
  const name = `${base}_${nextVariableId}`;
  nextVariableId += 1;
  return name;
}

/** Restarts variable numbering; golden-plan tests use it to get the names PySpark gets in a fresh process. */
export function resetLambdaVariableIds(): void {
  nextVariableId = 0;
}

/** The `LambdaFunction` expression for `fn`, named `functionName` in errors. */
export function lambdaExpression(fn: unknown, functionName: string): Expression {
  if (typeof fn !== "function") {
    throw new ClientArgumentError(`${functionName} expects a function over Columns, got ${describeType(fn)}.`, {
      errorClass: "NOT_CALLABLE",
      messageParameters: { arg_name: "f", arg_type: describeType(fn) },
    });
  }
  const arity = fn.length;
  if (arity < 1 || arity > VARIABLE_NAMES.length) {
    throw new ClientArgumentError(`${functionName}: the lambda must take 1 to 3 Columns, it takes ${arity}.`, {
      errorClass: "WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION",
      messageParameters: { func_name: functionName, num_args: String(arity) },
    });
  }
  const variables = VARIABLE_NAMES.slice(0, arity).map((base) =>
    create(Expression_UnresolvedNamedLambdaVariableSchema, { nameParts: [freshVariableName(base)] }),
  );
  const columns = variables.map(
    (variable) =>
      new Column(create(ExpressionSchema, { exprType: { case: "unresolvedNamedLambdaVariable", value: variable } })),
  );
  const result: unknown = fn(...columns);
  if (!(result instanceof Column)) {
    throw new ClientArgumentError(`${functionName}: the lambda must return a Column, got ${describeType(result)}.`, {
      errorClass: "HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN",
      messageParameters: { func_name: functionName, return_type: describeType(result) },
    });
  }
  return create(ExpressionSchema, {
    exprType: { case: "lambdaFunction", value: { function: result.expr, arguments: variables } },
  });
}
