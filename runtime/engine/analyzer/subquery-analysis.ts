/**
 * Uncorrelated subqueries of the DataFrame API (`df.scalar()`, `df.exists()`). The client sends the subquery
 * plans as references of a WithRelations node and points at them by plan id from SubqueryExpressions. The
 * engine runs each subquery once while analysing (its value does not depend on the outer row) and puts the
 * answer in the plan as a literal: the single value of a scalar subquery (NULL without rows), or whether an
 * EXISTS subquery has a row. Correlated subqueries (outer references) are not supported locally.
 */

import { SubqueryExpression_SubqueryType } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException, SparkRuntimeException } from "../../errors/index.js";
import { getScalar } from "../columnar/column-vector.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import type { Expr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { runInline } from "./inline-query.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";

/** `root` with the subquery plans of `references` known by their plan ids. */
export function analyzeWithSubqueries(
  analyzer: RelationAnalyzer,
  root: Relation,
  references: readonly Relation[],
  known: Map<bigint, Relation>,
): LogicalPlan {
  for (const reference of references) {
    const id = reference.common?.planId;
    if (id !== undefined) known.set(id, reference);
  }
  return analyzer.analyze(root);
}

/** The literal a SubqueryExpression stands for, found by running its plan. */
export function resolveSubquery(
  analyzer: RelationAnalyzer,
  plan: Relation | undefined,
  subqueryType: SubqueryExpression_SubqueryType,
): Expr {
  if (plan === undefined) throw new AnalysisException("A subquery expression names a plan the query does not carry.");
  const { timeZone, defaultParallelism } = analyzer.options;
  const child = analyzer.analyze(plan);
  if (subqueryType === SubqueryExpression_SubqueryType.EXISTS) {
    const batch = runInline({ kind: "limit", child, limit: 1 }, timeZone, defaultParallelism);
    return { kind: "literal", value: batch.numRows > 0, type: T.BOOLEAN, nullable: false };
  }
  if (subqueryType !== SubqueryExpression_SubqueryType.SCALAR) {
    throw notSupportedLocally(`${SubqueryExpression_SubqueryType[subqueryType]} subqueries of the DataFrame API`);
  }
  const [column, ...more] = outputOf(child);
  if (column === undefined || more.length > 0) {
    const number = String(outputOf(child).length);
    throw sparkError(
      AnalysisException,
      "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
      "42823",
      `A scalar subquery must return one column, not ${number}.`,
      { number },
    );
  }
  const batch = runInline({ kind: "limit", child, limit: 2 }, timeZone, defaultParallelism);
  if (batch.numRows > 1) {
    throw sparkError(
      SparkRuntimeException,
      "SCALAR_SUBQUERY_TOO_MANY_ROWS",
      "21000",
      "More than one row returned by a subquery used as an expression.",
    );
  }
  const values = batch.columns[0];
  const value = batch.numRows === 0 || values === undefined ? null : getScalar(values, 0);
  return { kind: "literal", value, type: column.type, nullable: value === null || column.nullable };
}
