/**
 * Subquery expressions (SQL subqueries, `df.scalar()`, `df.exists()`, `col.isin(df)`). The client sends the
 * subquery plans as references of a WithRelations node and points at them by plan id from SubqueryExpressions.
 *
 * The subquery is analysed with the enclosing query's scope as its outer scope, so names it cannot resolve
 * itself become outer references (correlation). An uncorrelated scalar or EXISTS subquery runs once here and
 * becomes a literal. Any other subquery is decorrelated and stands in the expression as a placeholder column
 * that the operator using it (see subquery-joins.ts) produces with a join, as Spark's optimizer rewrites it.
 */

import {
  type SubqueryExpression,
  SubqueryExpression_SubqueryType,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException, SparkRuntimeException } from "../../errors/index.js";
import { emptyBatch, getScalar, type Scalar } from "../columnar/column-vector.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import type { AttributeRef, Expr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import { optimize } from "../optimizer/optimizer.js";
import * as T from "../types/data-types.js";
import { runInline } from "./inline-query.js";
import type { Scope } from "./name-resolution.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { planReadsAny, pullUpCorrelated } from "./subquery-decorrelation.js";

/** A subquery waiting for the operator that uses it to join it in. */
export interface PendingSubquery {
  readonly type: SubqueryExpression_SubqueryType;
  /** The column standing for the subquery's value in the expression that uses it. */
  readonly placeholder: AttributeRef;
  /** The decorrelated subquery plan. */
  readonly plan: LogicalPlan;
  /** The correlation predicates, part of the join condition. */
  readonly condition: readonly Expr[];
  /** IN only: `value = column` for each value compared, the rest of the join condition. */
  readonly equalities: readonly Expr[];
  /** Scalar only: what the subquery gives for an outer row no inner row matches (`count(*)` gives 0). */
  readonly valueWithoutRows?: Scalar;
}

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

/** Analyses `plan` with `scope` as its innermost outer scope. */
function analyzeInside(analyzer: RelationAnalyzer, plan: Relation, scope: Scope): LogicalPlan {
  analyzer.exprs.outerScopes.push(scope);
  try {
    return analyzer.analyze(plan);
  } finally {
    analyzer.exprs.outerScopes.pop();
  }
}

function oneColumn(child: LogicalPlan): AttributeRef {
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
  return column;
}

/** The expression a SubqueryExpression stands for: a literal, or a placeholder registered in `pending`. */
export function resolveSubquery(
  analyzer: RelationAnalyzer,
  plan: Relation | undefined,
  subquery: SubqueryExpression,
  scope: Scope,
  pending: PendingSubquery[],
): Expr {
  if (plan === undefined) throw new AnalysisException("A subquery expression names a plan the query does not carry.");
  const { subqueryType } = subquery;
  const kinds = [
    SubqueryExpression_SubqueryType.SCALAR,
    SubqueryExpression_SubqueryType.EXISTS,
    SubqueryExpression_SubqueryType.IN,
  ];
  if (!kinds.includes(subqueryType)) {
    throw notSupportedLocally(`${SubqueryExpression_SubqueryType[subqueryType]} subqueries`);
  }
  const child = analyzeInside(analyzer, plan, scope);
  const outer = new Set([scope, ...analyzer.exprs.outerScopes].flatMap((s) => s.input.map((a) => a.exprId)));
  const correlated = planReadsAny(child, outer);
  if (!correlated && subqueryType !== SubqueryExpression_SubqueryType.IN) return runOnce(analyzer, child, subqueryType);

  const { ansi } = analyzer.options;
  const existence = subqueryType === SubqueryExpression_SubqueryType.EXISTS;
  const decorrelated = pullUpCorrelated(existence ? withoutTopOrderOrLimit(child) : child, outer, ansi);
  if (subqueryType === SubqueryExpression_SubqueryType.SCALAR) {
    const value = oneColumn(child);
    const valueWithoutRows = valueOverNoRows(analyzer, child);
    if (valueWithoutRows === undefined) throw notSupportedLocally("a correlated scalar subquery without an aggregate");
    const outerNames = [...new Set(decorrelated.predicates.flatMap((p) => namesOf(p, outer)))];
    const placeholder: AttributeRef = {
      kind: "attr",
      exprId: analyzer.ids.fresh(),
      name: `scalarsubquery(${outerNames.join(", ")})`,
      type: value.type,
      nullable: true,
      qualifier: [],
    };
    const entry = {
      type: subqueryType,
      placeholder,
      plan: decorrelated.plan,
      condition: decorrelated.predicates,
      equalities: [],
    };
    pending.push({ ...entry, valueWithoutRows });
    return placeholder;
  }
  const equalities: Expr[] = [];
  if (subqueryType === SubqueryExpression_SubqueryType.IN) {
    const values = subquery.inSubqueryValues.map((v) => analyzer.exprs.resolve(v, scope));
    const columns = outputOf(child);
    if (values.length !== columns.length) {
      throw sparkError(
        AnalysisException,
        "DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH",
        "42K09",
        `IN compares ${values.length} values with a subquery of ${columns.length} columns.`,
      );
    }
    values.forEach((v, i) => {
      equalities.push(analyzer.exprs.call("==", [v, columns[i] as AttributeRef]));
    });
  }
  const name = subqueryType === SubqueryExpression_SubqueryType.IN ? "in(listquery())" : "exists()";
  const placeholder: AttributeRef = {
    kind: "attr",
    exprId: analyzer.ids.fresh(),
    name,
    type: T.BOOLEAN,
    // As in Spark, `x IN (subquery)` is nullable and EXISTS is not.
    nullable: subqueryType === SubqueryExpression_SubqueryType.IN,
    qualifier: [],
  };
  pending.push({
    type: subqueryType,
    placeholder,
    plan: decorrelated.plan,
    condition: decorrelated.predicates,
    equalities,
  });
  return placeholder;
}

/**
 * An EXISTS subquery's plan without the sorts and positive LIMITs on top (under projections only): they cannot
 * make a non-empty result empty, and dropping them lets a correlated filter below be pulled up.
 */
function withoutTopOrderOrLimit(plan: LogicalPlan): LogicalPlan {
  switch (plan.kind) {
    case "sort":
      return withoutTopOrderOrLimit(plan.child);
    case "limit":
      return plan.limit > 0 ? withoutTopOrderOrLimit(plan.child) : plan;
    case "project":
    case "subqueryAlias":
      return { ...plan, child: withoutTopOrderOrLimit(plan.child) } as LogicalPlan;
    default:
      return plan;
  }
}

/** The names of the outer columns `expr` reads (for the placeholder's display name, as Spark shows it). */
function namesOf(expr: Expr, outer: ReadonlySet<number>): string[] {
  if (expr.kind === "attr") return outer.has(expr.exprId) ? [expr.name] : [];
  const out: string[] = [];
  const visit = (e: Expr) => {
    if (e.kind === "attr" && outer.has(e.exprId)) out.push(e.name);
    if (e.kind === "call" || e.kind === "cast" || e.kind === "alias") {
      for (const c of e.kind === "call" ? e.args : [e.child]) visit(c);
    }
  };
  visit(expr);
  return out;
}

/**
 * What a correlated scalar subquery gives when no inner row matches: its plan run with the input of its
 * aggregate emptied (so `count(*)` gives 0 and `max(x)` NULL). Undefined when the plan has no aggregate on top.
 */
function valueOverNoRows(analyzer: RelationAnalyzer, plan: LogicalPlan): Scalar | undefined {
  const empty = (p: LogicalPlan): LogicalPlan | undefined => {
    switch (p.kind) {
      case "aggregate": {
        if (p.groupings.length > 0) return undefined;
        const output = outputOf(p.child);
        const child: LogicalPlan = { kind: "localRelation", batch: emptyBatch(output.map((a) => a.type)), output };
        return { ...p, child };
      }
      case "project":
      case "subqueryAlias": {
        const child = empty(p.child);
        return child === undefined ? undefined : ({ ...p, child } as LogicalPlan);
      }
      default:
        return undefined;
    }
  };
  const replaced = empty(plan);
  if (replaced === undefined) return undefined;
  const { timeZone, defaultParallelism } = analyzer.options;
  const batch = runInline({ kind: "limit", child: replaced, limit: 1 }, timeZone, defaultParallelism);
  const values = batch.columns[0];
  return batch.numRows === 0 || values === undefined ? null : getScalar(values, 0);
}

/** An uncorrelated scalar or EXISTS subquery, run now: its single value (NULL without rows), or whether it has rows. */
function runOnce(
  analyzer: RelationAnalyzer,
  analyzed: LogicalPlan,
  subqueryType: SubqueryExpression_SubqueryType,
): Expr {
  const { timeZone, defaultParallelism } = analyzer.options;
  // Optimized first: a subquery's comma joins would otherwise run as cross products.
  const child = optimize(analyzed, { timeZone });
  if (subqueryType === SubqueryExpression_SubqueryType.EXISTS) {
    const batch = runInline({ kind: "limit", child, limit: 1 }, timeZone, defaultParallelism);
    return { kind: "literal", value: batch.numRows > 0, type: T.BOOLEAN, nullable: false };
  }
  const column = oneColumn(child);
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
