/**
 * window(ts, duration[, slide[, start]]) in a select list or a grouping, planned as Spark's TimeWindowing rule
 * plans it: the input gains a `window` struct column (one row per window the time falls in, so a sliding window
 * repeats a row, and a NULL time drops it), and the call itself becomes a reference to that column. Here the
 * extra rows come from exploding the list of windows each time belongs to.
 */
import { create } from "@bufbuild/protobuf";
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { alias, attribute, fn, star } from "../sql/expression-builders.js";
import { replaceExpressions } from "./proto-rewrite.js";
import { callsNamed, soleWindowCall } from "./window-call.js";

/** The kernel behind the rewrite (a colon: no front end can call it by name). */
export const TIME_WINDOWS_FUNCTION = "window:windows";

const isWindowCall = callsNamed("window");

/** `expr AS <name>` marked as Spark marks a window column (the metadata window_time looks for). */
export function windowColumn(expr: Expression, marker: string, name = "window"): Expression {
  const named = alias(expr, [name]);
  if (named.exprType.case === "alias") named.exprType.value.metadata = JSON.stringify({ [marker]: true });
  return named;
}

/** The relation with its window() call planned below it, or undefined when it has none. */
export function rewriteTimeWindows(relation: Relation): Relation | undefined {
  const found = soleWindowCall(relation, isWindowCall);
  if (found === undefined) return undefined;
  const r = found.node;
  const windows = fn("explode", [fn(TIME_WINDOWS_FUNCTION, found.args)]);
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
