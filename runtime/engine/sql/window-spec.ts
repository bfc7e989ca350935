/**
 * `OVER (PARTITION BY .. ORDER BY .. ROWS|RANGE BETWEEN .. AND ..)`, `OVER name`, sort items and the
 * query-level `WINDOW name AS (...)` definitions. Frame offsets are signed as PySpark's Window builders sign
 * them: `2 PRECEDING` is -2, `CURRENT ROW` and `UNBOUNDED` are flags.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  type Expression,
  type Expression_SortOrder,
  Expression_SortOrder_NullOrdering,
  Expression_SortOrder_SortDirection,
  Expression_SortOrderSchema,
  type Expression_Window,
  type Expression_Window_WindowFrame,
  type Expression_Window_WindowFrame_FrameBoundarySchema,
  Expression_Window_WindowFrame_FrameType,
  Expression_Window_WindowFrameSchema,
  Expression_WindowSchema,
  ExpressionSchema,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import { fn } from "./expression-builders.js";
import { parseExpression } from "./expression-parser.js";
import type { ParserState } from "./parser-state.js";

type BoundaryInit = MessageInitShape<typeof Expression_Window_WindowFrame_FrameBoundarySchema>;

/** The parts of a window specification, before it is attached to a function. */
export interface WindowSpec {
  readonly partitionSpec: Expression[];
  readonly orderSpec: Expression_SortOrder[];
  readonly frameSpec: Expression_Window_WindowFrame | undefined;
}

/** `expr [ASC|DESC] [NULLS FIRST|LAST]`, with Spark's default null ordering filled in as PySpark does. */
export function parseSortItem(state: ParserState): Expression_SortOrder {
  const { stream } = state;
  const child = parseExpression(state);
  const descending = stream.matchAnyKeyword("ASC", "DESC") === "DESC";
  let nullsFirst = !descending;
  if (stream.matchKeywords("NULLS")) {
    const which = stream.matchAnyKeyword("FIRST", "LAST");
    if (which === undefined) throw stream.error();
    nullsFirst = which === "FIRST";
  }
  return create(Expression_SortOrderSchema, {
    child,
    direction: descending
      ? Expression_SortOrder_SortDirection.DESCENDING
      : Expression_SortOrder_SortDirection.ASCENDING,
    nullOrdering: nullsFirst
      ? Expression_SortOrder_NullOrdering.SORT_NULLS_FIRST
      : Expression_SortOrder_NullOrdering.SORT_NULLS_LAST,
  });
}

/** `child ASC NULLS FIRST`, the default sort order. */
export function ascending(child: Expression): Expression_SortOrder {
  return create(Expression_SortOrderSchema, {
    child,
    direction: Expression_SortOrder_SortDirection.ASCENDING,
    nullOrdering: Expression_SortOrder_NullOrdering.SORT_NULLS_FIRST,
  });
}

/** Wraps `windowFunction` for `OVER (...)` or `OVER name` (the cursor is just past OVER). */
export function parseOver(state: ParserState, windowFunction: Expression): Expression {
  const { stream } = state;
  if (stream.isOp("(")) {
    const spec = parseWindowSpec(state);
    return windowExpression(windowFunction, spec);
  }
  const token = stream.peek();
  const name = stream.identifier();
  const expr = windowExpression(windowFunction, { partitionSpec: [], orderSpec: [], frameSpec: undefined });
  if (expr.exprType.case !== "window") throw stream.error(token);
  state.addWindowReference({ name, window: expr.exprType.value, token });
  return expr;
}

function windowExpression(windowFunction: Expression, spec: WindowSpec): Expression {
  return create(ExpressionSchema, {
    exprType: {
      case: "window",
      value: create(Expression_WindowSchema, {
        windowFunction,
        partitionSpec: spec.partitionSpec,
        orderSpec: spec.orderSpec,
        ...(spec.frameSpec === undefined ? {} : { frameSpec: spec.frameSpec }),
      }),
    },
  });
}

/** Copies a named window's specification into a window expression that referred to it by name. */
export function applyWindowSpec(window: Expression_Window, spec: WindowSpec): void {
  window.partitionSpec = [...spec.partitionSpec];
  window.orderSpec = [...spec.orderSpec];
  if (spec.frameSpec !== undefined) window.frameSpec = spec.frameSpec;
}

/** `( [PARTITION BY ..] [ORDER BY ..] [frame] )`. */
export function parseWindowSpec(state: ParserState): WindowSpec {
  const { stream } = state;
  stream.expectOp("(");
  let partitionSpec: Expression[] = [];
  let orderSpec: Expression_SortOrder[] = [];
  if (stream.matchKeywords("PARTITION", "BY") || stream.matchKeywords("DISTRIBUTE", "BY")) {
    partitionSpec = stream.commaList(() => parseExpression(state));
  }
  if (stream.matchKeywords("ORDER", "BY") || stream.matchKeywords("SORT", "BY")) {
    orderSpec = stream.commaList(() => parseSortItem(state));
  }
  const frameSpec = stream.isKeyword("ROWS") || stream.isKeyword("RANGE") ? parseFrame(state) : undefined;
  stream.expectOp(")");
  return { partitionSpec, orderSpec, frameSpec };
}

function parseFrame(state: ParserState): Expression_Window_WindowFrame {
  const { stream } = state;
  const frameType =
    stream.matchAnyKeyword("ROWS", "RANGE") === "ROWS"
      ? Expression_Window_WindowFrame_FrameType.ROW
      : Expression_Window_WindowFrame_FrameType.RANGE;
  let lower: BoundaryInit;
  let upper: BoundaryInit;
  if (stream.matchKeywords("BETWEEN")) {
    lower = parseBoundary(state);
    stream.expectKeyword("AND");
    upper = parseBoundary(state);
  } else {
    lower = parseBoundary(state);
    upper = { boundary: { case: "currentRow", value: true } };
  }
  return create(Expression_Window_WindowFrameSchema, { frameType, lower, upper });
}

function parseBoundary(state: ParserState): BoundaryInit {
  const { stream } = state;
  if (stream.matchKeywords("UNBOUNDED")) {
    if (stream.matchAnyKeyword("PRECEDING", "FOLLOWING") === undefined) throw stream.error();
    return { boundary: { case: "unbounded", value: true } };
  }
  if (stream.matchKeywords("CURRENT", "ROW")) return { boundary: { case: "currentRow", value: true } };
  const offset = parseExpression(state);
  const direction = stream.matchAnyKeyword("PRECEDING", "FOLLOWING");
  if (direction === undefined) throw stream.error();
  // Kept as negative(offset), not folded: Spark names the bound `<n> PRECEDING` only for that form.
  return { boundary: { case: "value", value: direction === "PRECEDING" ? fn("negative", [offset]) : offset } };
}
