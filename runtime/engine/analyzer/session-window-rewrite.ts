/**
 * session_window(ts, gap) planned as Spark plans it. In a select list each row gets its own session
 * [ts, ts + gap]; rows whose time is NULL or whose gap is not positive are dropped. In a grouping, the sessions
 * of rows with the same other grouping keys merge while they overlap (a row starting at or before the running
 * end joins the session), and each row carries its merged session: Spark's MergingSessions step, here written
 * as window functions over the rows ordered by session start.
 */
import { create } from "@bufbuild/protobuf";
import {
  type Expression,
  Expression_Window_WindowFrame_FrameType,
  ExpressionSchema,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import {
  alias,
  attribute,
  booleanLiteral,
  extractValue,
  fn,
  intLiteral,
  star,
  stringLiteral,
} from "../sql/expression-builders.js";
import { filter, project } from "../sql/relation-builders.js";
import { ascending } from "../sql/window-spec.js";
import { containsExpression, replaceExpressions } from "./proto-rewrite.js";
import { windowColumn } from "./time-window-rewrite.js";
import { callsNamed, soleWindowCall } from "./window-call.js";

/** The per-row session kernel (a colon: no front end can call it by name). */
export const SESSION_FUNCTION = "window:session";
export const FILTERED_SESSION_FUNCTION = "window:filtered_session";
const ROW_SESSION = "__sparkts_session";
const NEW_SESSION = "__sparkts_session_starts";
const SESSION_ID = "__sparkts_session_id";

const isSessionCall = callsNamed("session_window");

type Bound = "unbounded" | "current" | "previous";

function over(
  windowFunction: Expression,
  partitionSpec: readonly Expression[],
  order: readonly Expression[],
  upper?: Bound,
): Expression {
  const boundary = (b: Bound) =>
    b === "unbounded"
      ? { boundary: { case: "unbounded" as const, value: true } }
      : b === "current"
        ? { boundary: { case: "currentRow" as const, value: true } }
        : { boundary: { case: "value" as const, value: intLiteral(-1) } };
  return create(ExpressionSchema, {
    exprType: {
      case: "window",
      value: {
        windowFunction,
        partitionSpec: [...partitionSpec],
        orderSpec: order.map(ascending),
        ...(upper === undefined
          ? {}
          : {
              frameSpec: {
                frameType: Expression_Window_WindowFrame_FrameType.ROW,
                lower: boundary("unbounded"),
                upper: boundary(upper),
              },
            }),
      },
    },
  });
}

/** The relation with its session_window() call planned below it, or undefined when it has none. */
export function rewriteSessionWindows(rel: Relation): Relation | undefined {
  const found = soleWindowCall(rel, isSessionCall);
  if (found === undefined) return undefined;
  const r = found.node;
  if (r.value.input === undefined) return undefined;
  const perRow = project(r.value.input, [star(), alias(fn(SESSION_FUNCTION, found.args), [ROW_SESSION])]);
  const kept = filter(perRow, fn("isnotnull", [attribute([ROW_SESSION])]));
  const toColumn = (e: Expression) => (isSessionCall(e) ? attribute(["session_window"]) : undefined);
  if (r.case === "project") {
    const session = fn(FILTERED_SESSION_FUNCTION, [attribute([ROW_SESSION])]);
    const named = project(kept, [star(), windowColumn(session, "spark.sessionWindow", "session_window")]);
    const value = { ...r.value, input: named, expressions: replaceExpressions(r.value.expressions, toColumn) };
    return create(RelationSchema, { common: rel.common, relType: { case: "project", value } });
  }
  const keys = r.value.groupingExpressions.filter((e) => !containsExpression(e, isSessionCall));
  const start = extractValue(attribute([ROW_SESSION]), stringLiteral("start"));
  const end = extractValue(attribute([ROW_SESSION]), stringLiteral("end"));
  const order = [start, end];
  // A row opens a new session when it starts after every earlier session of its keys has ended.
  const runningEnd = over(fn("max", [end]), keys, order, "previous");
  const opens = fn("coalesce", [fn(">", [start, runningEnd]), booleanLiteral(true)]);
  const flagged = project(kept, [star(), alias(fn("if", [opens, intLiteral(1), intLiteral(0)]), [NEW_SESSION])]);
  const numbered = project(flagged, [
    star(),
    alias(over(fn("sum", [attribute([NEW_SESSION])]), keys, order, "current"), [SESSION_ID]),
  ]);
  const sessionKeys = [...keys, attribute([SESSION_ID])];
  const merged = fn("named_struct", [
    stringLiteral("start"),
    over(fn("min", [start]), sessionKeys, []),
    stringLiteral("end"),
    over(fn("max", [end]), sessionKeys, []),
  ]);
  const input = project(numbered, [star(), windowColumn(merged, "spark.sessionWindow", "session_window")]);
  const value = {
    ...r.value,
    input,
    groupingExpressions: replaceExpressions(r.value.groupingExpressions, toColumn),
    aggregateExpressions: replaceExpressions(r.value.aggregateExpressions, toColumn),
  };
  return create(RelationSchema, { common: rel.common, relType: { case: "aggregate", value } });
}
