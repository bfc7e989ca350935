/**
 * groupBy(...).pivot(col, values).agg(...): aggregate by the grouping columns and the pivot column first, then
 * group by the grouping columns alone and spread each (value, aggregate) pair into its own column, NULL where the
 * group has no row for that value (what Spark's PivotFirst gives). Without a value list, the distinct values of
 * the pivot column are found first by running a query, sorted as Spark sorts them.
 */
import type { Aggregate } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { getScalar, type Scalar } from "../columnar/column-vector.js";
import { comparatorFor } from "../columnar/value-order.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import { formatDate, formatTimestamp } from "../functions/datetime-format.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import { displayOf, javaDoubleString } from "../logical/expression-display.js";
import {
  type AggregateCall,
  type AttributeRef,
  collectAttributes,
  type Expr,
  type Literal,
  type NamedExpr,
} from "../logical/expressions.js";
import { type LogicalPlan, outputOf, toAttribute } from "../logical/logical-plan.js";
import type * as T from "../types/data-types.js";
import { runInline } from "./inline-query.js";
import { literalFromProto } from "./literals.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";

/** Spark's limit on the values a pivot without a value list may find (spark.sql.pivotMaxValues). */
const MAX_PIVOT_VALUES = 10000;

/** How a pivot value appears in a column name: its string form in the pivot column's type. */
function valueName(value: Scalar, type: T.DataType): string {
  if (value === null) return "null";
  switch (type.kind.case) {
    case "double":
    case "float":
      return javaDoubleString(Number(value));
    case "date":
      return typeof value === "number" ? formatDate(value) : String(value);
    case "timestamp":
      return typeof value === "bigint" ? formatTimestamp(value, "UTC") : String(value);
    default:
      return String(value);
  }
}

function distinctValues(analyzer: RelationAnalyzer, child: LogicalPlan, pivot: NamedExpr): Literal[] {
  const key = toAttribute(pivot);
  const distinct = analyzer.aggregate(child, [pivot], [key]);
  const batch = runInline(distinct, analyzer.options.timeZone, analyzer.options.defaultParallelism);
  const column = batch.columns[0];
  if (column === undefined) return [];
  const values = Array.from({ length: batch.numRows }, (_, i) => getScalar(column, i));
  if (values.length > MAX_PIVOT_VALUES) {
    throw sparkError(
      AnalysisException,
      "PIVOT_VALUE_DATA_TYPE_MISMATCH",
      "42K09",
      `The pivot column ${pivot.name} has more than ${MAX_PIVOT_VALUES} distinct values.`,
    );
  }
  const compare = comparatorFor(pivot.type);
  values.sort((a, b) => (a === null ? (b === null ? 0 : -1) : b === null ? 1 : compare(a, b)));
  return values.map((value) => ({ kind: "literal", value, type: pivot.type, nullable: value === null }));
}

/**
 * `implicitGrouping` (SQL's PIVOT clause): the groups are every input column neither pivoted nor read by an
 * aggregate, in input order.
 */
function implicitGroups(child: LogicalPlan, used: readonly Expr[]): AttributeRef[] {
  const read = new Set<number>();
  for (const e of used) collectAttributes(e, read);
  return outputOf(child).filter((a) => !read.has(a.exprId));
}

export function analyzePivot(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  agg: Aggregate,
  options: { readonly implicitGrouping?: boolean } = {},
): LogicalPlan {
  const scope = analyzer.scopeOf(child);
  const pivotSpec = agg.pivot;
  if (pivotSpec?.col === undefined) throw new AnalysisException("A pivot without a pivot column.");
  const pivot = analyzer.exprs.named(analyzer.exprs.resolve(pivotSpec.col, scope));
  const aggregates = analyzer.exprs.resolveNamed(agg.aggregateExpressions, scope, true);
  const groupings: NamedExpr[] = options.implicitGrouping
    ? implicitGroups(child, [pivot, ...aggregates])
    : agg.groupingExpressions.map((g) => analyzer.exprs.named(analyzer.exprs.resolve(g, scope)));
  const values =
    pivotSpec.values.length > 0 ? pivotSpec.values.map(literalFromProto) : distinctValues(analyzer, child, pivot);
  const groupAttrs = groupings.map(toAttribute);
  const pivotAttr = toAttribute(pivot);
  const perValue = analyzer.aggregate(child, [...groupings, pivot], [...groupAttrs, pivotAttr, ...aggregates]);
  const results = aggregates.map(toAttribute);
  const equalNullSafe = lookupScalarFunction("<=>");
  if (equalNullSafe === undefined) throw notSupportedLocally("pivot (no <=> kernel)");
  const columns: NamedExpr[] = [];
  for (const value of values) {
    const matches = equalNullSafe.fn.resolve([pivotAttr, value], { ansi: analyzer.options.ansi }, "<=>");
    const shown = valueName(value.value, pivot.type);
    for (const result of results) {
      const picked: Expr = {
        kind: "caseWhen",
        branches: [{ when: matches, result }],
        otherwise: null,
        type: result.type,
        nullable: true,
      };
      // At most one row per group matches, so max is that row's value (or NULL when none does).
      const call: AggregateCall = {
        kind: "aggregate",
        name: "max",
        args: [picked],
        distinct: false,
        // Distinct per value and aggregate: the planner shares aggregate calls that display the same.
        display: `max(${displayOf(picked)})`,
        ansi: analyzer.options.ansi,
        type: result.type,
        nullable: true,
      };
      columns.push(analyzer.exprs.alias(call, results.length === 1 ? shown : `${shown}_${result.name}`));
    }
  }
  const outputGroups: AttributeRef[] = groupAttrs;
  return analyzer.aggregate(perValue, outputGroups, [...outputGroups, ...columns]);
}
