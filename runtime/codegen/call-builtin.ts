/** The Column of one builtin call: an `UnresolvedFunction` over already-encoded arguments. */
import type { Expression } from "../../generated/proto/spark/connect/expressions_pb.js";
import { Column } from "../api/column.js";
import { functionCall } from "../plan/expressions.js";

export interface CallOptions {
  /** Sent as `is_distinct`, e.g. for `count_distinct`. */
  readonly distinct?: boolean;
}

/**
 * Calls Spark's `sparkName` with the encoded arguments in order. `undefined` marks an omitted optional argument
 * and is dropped; a nested array is a variadic argument, spliced in place.
 */
export function callBuiltin(
  sparkName: string,
  args: ReadonlyArray<Expression | undefined | readonly Expression[]>,
  options: CallOptions = {},
): Column {
  const expressions: Expression[] = [];
  for (const arg of args) {
    if (arg === undefined) continue;
    if (Array.isArray(arg)) expressions.push(...arg);
    else expressions.push(arg as Expression);
  }
  return new Column(functionCall(sparkName, expressions, options.distinct ?? false));
}
