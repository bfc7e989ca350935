/**
 * Joining decorrelated subqueries into the operator that uses them, as Spark's RewritePredicateSubquery and
 * RewriteCorrelatedScalarSubquery do:
 *  - a filter conjunct `EXISTS (…)` / `x IN (…)` becomes a left semi join on the correlation predicates (and
 *    `x = column`); `NOT EXISTS` a left anti join; `NOT IN` a left anti join on `(x = column) OR
 *    isnull(x = column)`, so a NULL on either side removes the row, as SQL's NOT IN does;
 *  - a scalar subquery becomes a left outer join with its aggregate grouped by the correlation keys; an outer
 *    row without a group gets the aggregate's value over no rows (0 for a count, NULL for most others);
 *  - EXISTS / IN anywhere else give a boolean column: the rows a semi join keeps (true) next to those an anti
 *    join keeps (false).
 */
import { SubqueryExpression_SubqueryType } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { type Alias, type AttributeRef, collectAttributes, type Expr } from "../logical/expressions.js";
import { type JoinType, type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { joinOutput } from "./join-analysis.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import type { PendingSubquery } from "./subquery-analysis.js";
import { conjunction, splitConjuncts } from "./subquery-decorrelation.js";

function join(
  analyzer: RelationAnalyzer,
  left: LogicalPlan,
  right: LogicalPlan,
  joinType: JoinType,
  conjuncts: readonly Expr[],
): LogicalPlan {
  const condition = conjunction(conjuncts, analyzer.options.ansi);
  return { kind: "join", left, right, joinType, condition, output: joinOutput(joinType, left, right) };
}

function semiOrAnti(analyzer: RelationAnalyzer, plan: LogicalPlan, sub: PendingSubquery, anti: boolean): LogicalPlan {
  // NOT IN is null-aware: a comparison that is NULL counts as a match, so such rows are dropped.
  const equalities = anti
    ? sub.equalities.map((eq) => analyzer.exprs.call("or", [eq, analyzer.exprs.call("isnull", [eq])]))
    : sub.equalities;
  return join(analyzer, plan, sub.plan, anti ? "left_anti" : "left_semi", [...sub.condition, ...equalities]);
}

/** `plan`'s columns plus `value` named as (with the id of) `placeholder`. */
function withColumn(plan: LogicalPlan, placeholder: AttributeRef, value: Expr): LogicalPlan {
  const column: Alias = {
    kind: "alias",
    child: value,
    name: placeholder.name,
    exprId: placeholder.exprId,
    ...typed(placeholder),
  };
  return { kind: "project", child: plan, exprs: [...outputOf(plan), column] };
}

const typed = (a: AttributeRef) => ({ type: a.type, nullable: a.nullable });

function literal(value: boolean): Expr {
  return { kind: "literal", value, type: T.BOOLEAN, nullable: false };
}

/** `plan` with one more column holding the value of the scalar subquery `sub` for each row. */
function scalarColumn(analyzer: RelationAnalyzer, plan: LogicalPlan, sub: PendingSubquery): LogicalPlan {
  const [value] = outputOf(sub.plan);
  if (value === undefined) throw new Error("internal: a scalar subquery without a column");
  if (sub.valueWithoutRows === null || sub.valueWithoutRows === undefined) {
    return withColumn(join(analyzer, plan, sub.plan, "left_outer", sub.condition), sub.placeholder, value);
  }
  // The count bug: an outer row no group matches must get the aggregate's value over no rows, not NULL.
  const matched = analyzer.exprs.alias(literal(true), "matched");
  const marked: LogicalPlan = { kind: "project", child: sub.plan, exprs: [...outputOf(sub.plan), matched] };
  const joined = join(analyzer, plan, marked, "left_outer", sub.condition);
  const matchedRef: AttributeRef = {
    kind: "attr",
    exprId: matched.exprId,
    name: "matched",
    type: T.BOOLEAN,
    nullable: true,
    qualifier: [],
  };
  const fallback: Expr = { kind: "literal", value: sub.valueWithoutRows, type: value.type, nullable: false };
  const chosen = analyzer.exprs.call("if", [analyzer.exprs.call("isnull", [matchedRef]), fallback, value]);
  return withColumn(joined, sub.placeholder, chosen);
}

/** `plan` with one more boolean column: whether the EXISTS / IN subquery `sub` holds for the row. */
function existenceColumn(analyzer: RelationAnalyzer, plan: LogicalPlan, sub: PendingSubquery): LogicalPlan {
  const flagged = (joined: LogicalPlan, flag: boolean): LogicalPlan =>
    withColumn(joined, { ...sub.placeholder, exprId: analyzer.ids.fresh() }, literal(flag));
  const inputs = [
    flagged(semiOrAnti(analyzer, plan, sub, false), true),
    flagged(notMatching(analyzer, plan, sub), false),
  ];
  return { kind: "union", inputs, output: [...outputOf(plan), sub.placeholder] };
}

/** The rows of `plan` no row of `sub` matches (the plain, not null-aware, complement of the semi join). */
function notMatching(analyzer: RelationAnalyzer, plan: LogicalPlan, sub: PendingSubquery): LogicalPlan {
  return join(analyzer, plan, sub.plan, "left_anti", [...sub.condition, ...sub.equalities]);
}

/** `plan` with a column for each of `subqueries` (named by its placeholder). */
export function withSubqueryColumns(
  analyzer: RelationAnalyzer,
  plan: LogicalPlan,
  subqueries: readonly PendingSubquery[],
): LogicalPlan {
  let current = plan;
  for (const sub of subqueries) {
    current =
      sub.type === SubqueryExpression_SubqueryType.SCALAR
        ? scalarColumn(analyzer, current, sub)
        : existenceColumn(analyzer, current, sub);
  }
  return current;
}

/** The subquery a filter conjunct tests directly (`EXISTS (…)`, `x IN (…)`, or their negation), if any. */
function directTest(
  conjunct: Expr,
  byId: ReadonlyMap<number, PendingSubquery>,
): { sub: PendingSubquery; negated: boolean } | undefined {
  const negated = conjunct.kind === "call" && conjunct.name === "not";
  const tested = negated ? conjunct.args[0] : conjunct;
  const sub = tested?.kind === "attr" ? byId.get(tested.exprId) : undefined;
  if (sub === undefined || sub.type === SubqueryExpression_SubqueryType.SCALAR) return undefined;
  return { sub, negated };
}

/** A filter whose condition uses subqueries: semi / anti joins for the direct tests, columns for the rest. */
export function filterWithSubqueries(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  condition: Expr,
  subqueries: readonly PendingSubquery[],
): LogicalPlan {
  const byId = new Map(subqueries.map((s) => [s.placeholder.exprId, s]));
  const plain: Expr[] = [];
  const usingColumns: Expr[] = [];
  const tests: { sub: PendingSubquery; negated: boolean }[] = [];
  for (const conjunct of splitConjuncts(condition)) {
    const test = directTest(conjunct, byId);
    if (test !== undefined) tests.push(test);
    else if ([...collectAttributes(conjunct)].some((id) => byId.has(id))) usingColumns.push(conjunct);
    else plain.push(conjunct);
  }
  const filter = (plan: LogicalPlan, conjuncts: readonly Expr[]): LogicalPlan => {
    const c = conjunction(conjuncts, analyzer.options.ansi);
    return c === null ? plan : { kind: "filter", child: plan, condition: c };
  };
  // Conjuncts without subqueries first, so the joins see fewer rows.
  let plan = filter(child, plain);
  for (const { sub, negated } of tests) plan = semiOrAnti(analyzer, plan, sub, negated);
  const tested = new Set(tests.map((t) => t.sub));
  const columns = subqueries.filter((s) => !tested.has(s));
  if (columns.length === 0) return plan;
  plan = filter(withSubqueryColumns(analyzer, plan, columns), usingColumns);
  return { kind: "project", child: plan, exprs: [...outputOf(child)] };
}
