/**
 * Maps a grouped `SELECT` onto Connect's Aggregate. Connect's Aggregate (like `df.groupBy(..).agg(..)`) puts the
 * grouping columns in front of the aggregate expressions, while SQL outputs exactly its select list. So each
 * grouping expression is aliased to a hidden name, and a Drop of those names on top leaves the select list with
 * Spark's own column names. ORDER BY is placed under that Drop (see `sortBelowHiddenGroupingColumns`) so it can
 * still refer to grouping columns and aggregates, as SQL allows.
 *
 * Also resolves what Spark resolves from the select list: `GROUP BY 1` (ordinals) and `GROUP BY ALL`.
 */
import { create } from "@bufbuild/protobuf";
import type { Expression, Expression_SortOrder } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { AggregateSchema, type Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { containsAggregate } from "./aggregate-functions.js";
import { alias } from "./expression-builders.js";
import type { GroupingSpec } from "./grouping.js";
import { relation, sort } from "./relation-builders.js";

const HIDDEN_PREFIX = "__sparkts_grouping_";

/** Builds the Aggregate with hidden grouping columns; returns it and the names to drop afterwards. */
export function groupedAggregate(
  input: Relation,
  grouping: GroupingSpec | undefined,
  selectList: readonly Expression[],
): { node: Relation; hiddenColumns: string[] } {
  const spec = grouping === undefined ? undefined : resolveFromSelectList(grouping, selectList);
  const groupingExpressions = spec?.groupingExpressions ?? [];
  const hiddenColumns = groupingExpressions.map((_, i) => `${HIDDEN_PREFIX}${i}`);
  const aggregate = create(AggregateSchema, {
    input,
    groupType: spec?.groupType ?? 1,
    groupingExpressions: groupingExpressions.map((expr, i) => alias(expr, [hiddenColumns[i]!])),
    aggregateExpressions: [...selectList],
    groupingSets: (spec?.groupingSets ?? []).map((groupingSet) => ({ groupingSet })),
  });
  return { node: relation({ case: "aggregate", value: aggregate }), hiddenColumns };
}

export function dropHiddenColumns(input: Relation, hiddenColumns: readonly string[]): Relation {
  if (hiddenColumns.length === 0) return input;
  return relation({ case: "drop", value: { input, columnNames: [...hiddenColumns] } });
}

/** For ORDER BY right after a grouped SELECT: sorts beneath the Drop, where grouping columns are visible. */
export function sortBelowHiddenGroupingColumns(
  input: Relation,
  order: readonly Expression_SortOrder[],
): Relation | undefined {
  if (input.relType.case !== "drop" || input.relType.value.input === undefined) return undefined;
  const names = input.relType.value.columnNames;
  if (names.length === 0 || !names.every((name) => name.startsWith(HIDDEN_PREFIX))) return undefined;
  return dropHiddenColumns(sort(input.relType.value.input, order, true), names);
}

/** Replaces ordinals and `ALL` with the select-list expressions they stand for. */
function resolveFromSelectList(grouping: GroupingSpec, selectList: readonly Expression[]): GroupingSpec {
  const plain = selectList.map(stripAlias);
  const isAll =
    grouping.groupingExpressions.length === 1 &&
    grouping.groupingSets.length === 0 &&
    isAttributeNamed(grouping.groupingExpressions[0]!, "ALL");
  if (isAll) {
    return { ...grouping, groupingExpressions: plain.filter((expr) => !containsAggregate(expr)) };
  }
  const substitute = (expr: Expression): Expression => {
    const ordinal = integerLiteral(expr);
    return ordinal !== undefined && ordinal >= 1 && ordinal <= plain.length ? plain[ordinal - 1]! : expr;
  };
  return {
    groupType: grouping.groupType,
    groupingExpressions: grouping.groupingExpressions.map(substitute),
    groupingSets: grouping.groupingSets.map((set) => set.map(substitute)),
  };
}

function stripAlias(expr: Expression): Expression {
  return expr.exprType.case === "alias" && expr.exprType.value.expr !== undefined ? expr.exprType.value.expr : expr;
}

function isAttributeNamed(expr: Expression, name: string): boolean {
  return expr.exprType.case === "unresolvedAttribute" && expr.exprType.value.unparsedIdentifier.toUpperCase() === name;
}

function integerLiteral(expr: Expression): number | undefined {
  if (expr.exprType.case !== "literal") return undefined;
  const value = expr.exprType.value.literalType;
  return value.case === "integer" ? value.value : undefined;
}
