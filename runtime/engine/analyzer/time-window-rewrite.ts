/**
 * window(ts, duration[, slide[, start]]) in a select list or a grouping, planned as Spark's TimeWindowing rule
 * plans it: the input gains a `window` struct column (one row per window the time falls in, so a sliding window
 * repeats a row, and a NULL time drops it), and the call itself becomes a reference to that column. Here the
 * extra rows come from exploding the list of windows each time belongs to.
 */
import { create } from "@bufbuild/protobuf";
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { alias, attribute, fn, star } from "../sql/expression-builders.js";
import { containsExpression, replaceExpressions } from "./proto-rewrite.js";

/** The kernel behind the rewrite (a colon: no front end can call it by name). */
export const TIME_WINDOWS_FUNCTION = "window:windows";

const isWindowCall = (e: Expression): boolean =>
  e.exprType.case === "unresolvedFunction" && e.exprType.value.functionName.toLowerCase() === "window";

const keyOf = (e: Expression): string =>
  JSON.stringify(e, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? [...v] : v));

/** `expr AS <name>` marked as Spark marks a window column (the metadata window_time looks for). */
export function windowColumn(expr: Expression, marker: string, name = "window"): Expression {
  const named = alias(expr, [name]);
  if (named.exprType.case === "alias") named.exprType.value.metadata = JSON.stringify({ [marker]: true });
  return named;
}

/** The relation with its window() call planned below it, or undefined when it has none. */
export function rewriteTimeWindows(relation: Relation): Relation | undefined {
  const r = relation.relType;
  if (r.case !== "project" && r.case !== "aggregate") return undefined;
  const expressions =
    r.case === "project" ? r.value.expressions : [...r.value.groupingExpressions, ...r.value.aggregateExpressions];
  if (!containsExpression(expressions, isWindowCall)) return undefined;
  const calls = new Map<string, Expression>();
  replaceExpressions(expressions, (e) => {
    if (isWindowCall(e)) calls.set(keyOf(e), e);
    return undefined;
  });
  if (calls.size > 1) {
    // A legacy error class: Spark sends no SQLSTATE with it.
    throw new AnalysisException(
      "Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported.",
      { errorClass: "_LEGACY_ERROR_TEMP_1039" },
    );
  }
  const [call] = calls.values() as unknown as [Expression];
  if (call.exprType.case !== "unresolvedFunction") return undefined;
  const windows = fn("explode", [fn(TIME_WINDOWS_FUNCTION, call.exprType.value.arguments)]);
  const input = create(RelationSchema, {
    relType: {
      case: "project",
      value: { input: r.value.input, expressions: [star(), windowColumn(windows, "spark.timeWindow")] },
    },
  });
  const toColumn = (e: Expression) => (isWindowCall(e) ? attribute(["window"]) : undefined);
  if (r.case === "project") {
    const value = { ...r.value, input, expressions: replaceExpressions(r.value.expressions, toColumn) };
    return create(RelationSchema, { common: relation.common, relType: { case: "project", value } });
  }
  const value = {
    ...r.value,
    input,
    groupingExpressions: replaceExpressions(r.value.groupingExpressions, toColumn),
    aggregateExpressions: replaceExpressions(r.value.aggregateExpressions, toColumn),
  };
  return create(RelationSchema, { common: relation.common, relType: { case: "aggregate", value } });
}
