/**
 * Finding the window() or session_window() call of a projection or aggregate, which the time- and
 * session-window rewrites plan below it. At most one distinct call may appear: two would multiply the rows, which
 * Spark refuses.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Aggregate, Project, Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { containsExpression, replaceExpressions } from "./proto-rewrite.js";

export type WindowedNode = { case: "project"; value: Project } | { case: "aggregate"; value: Aggregate };

/** A call to the function `name` (case-insensitively). */
export const callsNamed =
  (name: string) =>
  (e: Expression): boolean =>
    e.exprType.case === "unresolvedFunction" && e.exprType.value.functionName.toLowerCase() === name;

const keyOf = (e: Expression): string =>
  JSON.stringify(e, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? [...v] : v));

/** The node and the arguments of its one call `isCall` picks out, or undefined when it makes none. */
export function soleWindowCall(
  relation: Relation,
  isCall: (e: Expression) => boolean,
): { node: WindowedNode; args: Expression[] } | undefined {
  const node = relation.relType;
  if (node.case !== "project" && node.case !== "aggregate") return undefined;
  const expressions =
    node.case === "project"
      ? node.value.expressions
      : [...node.value.groupingExpressions, ...node.value.aggregateExpressions];
  if (!containsExpression(expressions, isCall)) return undefined;
  const calls = new Map<string, Expression>();
  replaceExpressions(expressions, (e) => {
    if (isCall(e)) calls.set(keyOf(e), e);
    return undefined;
  });
  if (calls.size > 1) {
    // A legacy error class: Spark sends no SQLSTATE with it.
    throw new AnalysisException(
      "Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported.",
      { errorClass: "_LEGACY_ERROR_TEMP_1039" },
    );
  }
  const [call] = calls.values();
  if (call?.exprType.case !== "unresolvedFunction") return undefined;
  return { node, args: call.exprType.value.arguments };
}
