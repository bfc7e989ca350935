/**
 * Builders for the unresolved expressions a DataFrame program sends: column references, function calls, aliases,
 * casts, sort orders, SQL snippets and window specifications. Each returns a fresh proto `Expression`; inputs are
 * never modified, so expressions can be shared freely between plans.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  type Expression,
  Expression_Cast_EvalMode,
  type Expression_SortOrder,
  Expression_SortOrder_NullOrdering,
  Expression_SortOrder_SortDirection,
  type Expression_Window_WindowFrameSchema,
  ExpressionSchema,
} from "../../generated/proto/spark/connect/expressions_pb.js";
import type { DataType } from "../../generated/proto/spark/connect/types_pb.js";

type ExprType = NonNullable<MessageInitShape<typeof ExpressionSchema>["exprType"]>;

function expression(exprType: ExprType): Expression {
  return create(ExpressionSchema, { exprType });
}

/** A column by (possibly dotted or back-quoted) name; `planId` pins it to one DataFrame's plan. */
export function columnReference(unparsedIdentifier: string, planId?: bigint, isMetadataColumn = false): Expression {
  return expression({
    case: "unresolvedAttribute",
    value:
      planId === undefined
        ? { unparsedIdentifier, isMetadataColumn }
        : { unparsedIdentifier, planId, isMetadataColumn },
  });
}

/** `*`, `t.*`, or every column of one DataFrame's plan. */
export function star(unparsedTarget?: string, planId?: bigint): Expression {
  const value: { unparsedTarget?: string; planId?: bigint } = {};
  if (unparsedTarget !== undefined) value.unparsedTarget = unparsedTarget;
  if (planId !== undefined) value.planId = planId;
  return expression({ case: "unresolvedStar", value });
}

/** A call of a builtin (or registered) function by name, e.g. `sum`, `==`, `when`. */
export function functionCall(functionName: string, args: readonly Expression[], isDistinct = false): Expression {
  return expression({
    case: "unresolvedFunction",
    value: { functionName, arguments: [...args], isDistinct },
  });
}

/** A SQL expression string that the server parses, e.g. `"a + 1 AS b"`. */
export function sqlExpression(text: string): Expression {
  return expression({ case: "expressionString", value: { expression: text } });
}

/** `expr AS name` (several names for multi-column generators such as `posexplode`). */
export function aliasExpression(child: Expression, names: readonly string[], metadata?: string): Expression {
  return expression({
    case: "alias",
    value: metadata === undefined ? { expr: child, name: [...names] } : { expr: child, name: [...names], metadata },
  });
}

export type CastMode = "legacy" | "ansi" | "try";

const CAST_MODES: Record<CastMode, Expression_Cast_EvalMode> = {
  legacy: Expression_Cast_EvalMode.LEGACY,
  ansi: Expression_Cast_EvalMode.ANSI,
  try: Expression_Cast_EvalMode.TRY,
};

/** A cast to a type given as a DDL string (`"bigint"`, `"array<int>"`) or as a proto DataType. */
export function castExpression(child: Expression, to: string | DataType, mode?: CastMode): Expression {
  const castToType =
    typeof to === "string" ? { case: "typeStr" as const, value: to } : { case: "type" as const, value: to };
  return expression({
    case: "cast",
    value: mode === undefined ? { expr: child, castToType } : { expr: child, castToType, evalMode: CAST_MODES[mode] },
  });
}

export function sortOrderExpression(child: Expression, ascending: boolean, nullsFirst: boolean): Expression {
  return expression({
    case: "sortOrder",
    value: {
      child,
      direction: ascending
        ? Expression_SortOrder_SortDirection.ASCENDING
        : Expression_SortOrder_SortDirection.DESCENDING,
      nullOrdering: nullsFirst
        ? Expression_SortOrder_NullOrdering.SORT_NULLS_FIRST
        : Expression_SortOrder_NullOrdering.SORT_NULLS_LAST,
    },
  });
}

/** The sort order inside an expression, or ascending with nulls first (Spark's default) when it has none. */
export function asSortOrder(expr: Expression): Expression_SortOrder {
  if (expr.exprType.case === "sortOrder") return expr.exprType.value;
  const wrapped = sortOrderExpression(expr, true, true);
  if (wrapped.exprType.case !== "sortOrder") throw new Error("unreachable: sortOrderExpression built no sort order");
  return wrapped.exprType.value;
}

/** `child[extraction]`: an array element, map value or struct field picked by the server at analysis. */
export function extractValue(child: Expression, extraction: Expression): Expression {
  return expression({ case: "unresolvedExtractValue", value: { child, extraction } });
}

/** `struct.withField(name, value)` (a value) or `struct.dropFields(name)` (no value). */
export function updateFields(
  structExpression: Expression,
  fieldName: string,
  valueExpression?: Expression,
): Expression {
  return expression({
    case: "updateFields",
    value:
      valueExpression === undefined
        ? { structExpression, fieldName }
        : { structExpression, fieldName, valueExpression },
  });
}

export type WindowFrameInit = MessageInitShape<typeof Expression_Window_WindowFrameSchema>;

export function windowExpression(
  windowFunction: Expression,
  partitionSpec: readonly Expression[],
  orderSpec: readonly Expression_SortOrder[],
  frameSpec?: WindowFrameInit,
): Expression {
  const value = { windowFunction, partitionSpec: [...partitionSpec], orderSpec: [...orderSpec] };
  return expression({ case: "window", value: frameSpec === undefined ? value : { ...value, frameSpec } });
}
