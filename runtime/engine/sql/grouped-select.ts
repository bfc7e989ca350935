/**
 * Maps a grouped `SELECT` onto Connect's Aggregate. Connect's Aggregate (like `df.groupBy(..).agg(..)`) puts the
 * grouping columns in front of the aggregate expressions, while SQL outputs exactly its select list. So each
 * grouping expression is aliased to a hidden name, and a Drop of those names on top leaves the select list with
 * Spark's own column names. ORDER BY is placed under that Drop (see `sortBelowHiddenGroupingColumns`) so it can
 * still refer to grouping columns and aggregates, as SQL allows.
 *
 * Also resolves what Spark resolves from the select list: `GROUP BY 1` (ordinals) and `GROUP BY ALL`.
 */
import { create, equals, toJson } from "@bufbuild/protobuf";
import {
  type Expression,
  type Expression_SortOrder,
  ExpressionSchema,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import {
  Aggregate_GroupType,
  AggregateSchema,
  type Relation,
} from "../../../generated/proto/spark/connect/relations_pb.js";
import { containsAggregate } from "./aggregate-functions.js";
import { alias, nameParts } from "./expression-builders.js";
import type { GroupingSpec } from "./grouping.js";
import { relation, sort } from "./relation-builders.js";

const HIDDEN_PREFIX = "__sparkts_grouping_";

/** The Aggregate for a grouped SELECT, and what to put on top of it (after HAVING) to match SQL's output. */
export interface GroupedAggregate {
  readonly node: Relation;
  readonly finish: (node: Relation) => Relation;
}

/**
 * Builds the Aggregate for a grouped SELECT; returns it and the hidden column names to drop afterwards.
 * `unsupported` makes the error for shapes Connect's Aggregate cannot express.
 */
export function groupedAggregate(
  input: Relation,
  grouping: GroupingSpec | undefined,
  selectList: readonly Expression[],
  unsupported: (feature: string) => Error,
): GroupedAggregate {
  const spec = grouping === undefined ? undefined : resolveFromSelectList(grouping, selectList);
  const groupingExpressions = spec?.groupingExpressions ?? [];
  const leading = selectList.slice(0, groupingExpressions.length);
  const startsWithGrouping =
    groupingExpressions.length > 0 &&
    groupingExpressions.every(
      (expr, i) => leading[i] !== undefined && equals(ExpressionSchema, stripAlias(leading[i]), expr),
    );
  if (spec !== undefined && startsWithGrouping) {
    // Grouping sets compare their members with the grouping expressions as written, aliases included, so an
    // alias there would make Spark see extra grouping columns.
    if (
      spec.groupType === Aggregate_GroupType.GROUPING_SETS &&
      leading.some((item) => item.exprType.case === "alias")
    ) {
      return aliasedGroupingSets(input, spec, leading, selectList.slice(leading.length), unsupported);
    }
    // The select list starts with the grouping expressions, in order: exactly what Connect's Aggregate outputs,
    // so the plan is the one `df.groupBy(...).agg(...)` builds, with no hidden columns.
    const aggregate = create(AggregateSchema, {
      input,
      groupType: spec.groupType,
      groupingExpressions: leading,
      aggregateExpressions: selectList.slice(leading.length),
      groupingSets: spec.groupingSets.map((groupingSet) => ({ groupingSet })),
    });
    return { node: relation({ case: "aggregate", value: aggregate }), finish: (node) => node };
  }
  if (spec !== undefined && spec.groupType !== Aggregate_GroupType.GROUPBY) {
    throw unsupported("ROLLUP, CUBE or GROUPING SETS unless the select list starts with the grouping expressions");
  }
  const hiddenColumns = groupingExpressions.map((_, i) => `${HIDDEN_PREFIX}${i}`);
  const aggregate = create(AggregateSchema, {
    input,
    groupType: Aggregate_GroupType.GROUPBY,
    groupingExpressions: groupingExpressions.map((expr, i) => alias(expr, [hiddenColumns[i]!])),
    aggregateExpressions: [...selectList],
  });
  return {
    node: relation({ case: "aggregate", value: aggregate }),
    finish: (node) => dropHiddenColumns(node, hiddenColumns),
  };
}

/**
 * GROUPING SETS compare set members with the grouping expressions as written, so aliases cannot go on the
 * grouping expressions. Plain columns are grouped unaliased and renamed afterwards (a column's output name is
 * its last name part); aliased computed expressions would need Spark's generated name and are refused.
 */
function aliasedGroupingSets(
  input: Relation,
  spec: GroupingSpec,
  leading: readonly Expression[],
  aggregates: readonly Expression[],
  unsupported: (feature: string) => Error,
): GroupedAggregate {
  const renames: { colName: string; newColName: string }[] = [];
  for (const item of leading) {
    if (item.exprType.case !== "alias") continue;
    const inner = item.exprType.value.expr;
    if (inner?.exprType.case !== "unresolvedAttribute") {
      throw unsupported("aliased computed grouping expressions with GROUPING SETS (alias them in an outer query)");
    }
    const parts = nameParts(inner.exprType.value.unparsedIdentifier);
    renames.push({ colName: parts.at(-1)!, newColName: item.exprType.value.name[0]! });
  }
  const aggregate = create(AggregateSchema, {
    input,
    groupType: spec.groupType,
    groupingExpressions: leading.map(stripAlias),
    aggregateExpressions: [...aggregates],
    groupingSets: spec.groupingSets.map((groupingSet) => ({ groupingSet })),
  });
  return {
    node: relation({ case: "aggregate", value: aggregate }),
    finish: (node) => relation({ case: "withColumnsRenamed", value: { input: node, renames } }),
  };
}

function dropHiddenColumns(input: Relation, hiddenColumns: readonly string[]): Relation {
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
    if (ordinal !== undefined) return ordinal >= 1 && ordinal <= plain.length ? plain[ordinal - 1]! : expr;
    return aliasedExpression(expr, selectList) ?? expr;
  };
  return {
    groupType: grouping.groupType,
    groupingExpressions: grouping.groupingExpressions.map(substitute),
    groupingSets: grouping.groupingSets.map((set) => set.map(substitute)),
  };
}

/**
 * `GROUP BY g` where `g` names a select-list alias groups by the aliased expression (Spark's group-by-alias).
 * A table column of that name would win in Spark; the parser cannot see columns, so it only substitutes when
 * the aliased expression does not itself use the name (`a % 2 AS a ... GROUP BY a` keeps the column).
 */
function aliasedExpression(expr: Expression, selectList: readonly Expression[]): Expression | undefined {
  if (expr.exprType.case !== "unresolvedAttribute") return undefined;
  const name = expr.exprType.value.unparsedIdentifier.toLowerCase();
  for (const item of selectList) {
    if (item.exprType.case !== "alias" || item.exprType.value.expr === undefined) continue;
    if (item.exprType.value.name.length !== 1 || item.exprType.value.name[0]!.toLowerCase() !== name) continue;
    const json = JSON.stringify(toJson(ExpressionSchema, item.exprType.value.expr)).toLowerCase();
    return json.includes(`"unparsedidentifier":"${name}"`) ? undefined : item.exprType.value.expr;
  }
  return undefined;
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
