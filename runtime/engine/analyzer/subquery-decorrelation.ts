/**
 * Decorrelating a subquery as Spark's optimizer does before turning it into a join: the predicates that read
 * columns of the outer query (outer references) are pulled up out of the subquery's plan, so what is left
 * runs once on its own and the pulled predicates become the join condition. Through a projection the inner
 * columns those predicates read are kept in the output; through an aggregate they become grouping keys (so a
 * correlated `count(*)` or `min(x)` is computed per correlation key).
 */
import { notSupportedLocally } from "../errors.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import { type AttributeRef, collectAttributes, type Expr, type NamedExpr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import { joinOutput } from "./join-analysis.js";

export interface Decorrelated {
  /** The subquery's plan without outer references. */
  readonly plan: LogicalPlan;
  /** The pulled-up predicates: over `plan`'s output and the outer query's columns. */
  readonly predicates: readonly Expr[];
}

export function splitConjuncts(condition: Expr): Expr[] {
  if (condition.kind === "call" && condition.name === "and") return condition.args.flatMap(splitConjuncts);
  return [condition];
}

export function conjunction(conjuncts: readonly Expr[], ansi: boolean): Expr | null {
  const and = lookupScalarFunction("and");
  if (and === undefined) throw new Error("internal: builtin and is missing");
  const [first, ...rest] = conjuncts;
  if (first === undefined) return null;
  return rest.reduce((acc, next) => and.fn.resolve([acc, next], { ansi }, "and"), first);
}

const readsAny = (expr: Expr, ids: ReadonlySet<number>): boolean =>
  [...collectAttributes(expr)].some((id) => ids.has(id));

/** Keys whose values are data rather than plan structure (batches, file sources): never searched. */
const DATA_KEYS = new Set(["batch", "splits", "source"]);

/** Whether any expression anywhere in `plan` reads one of `ids` (found by walking the plain-data tree). */
export function planReadsAny(plan: LogicalPlan, ids: ReadonlySet<number>): boolean {
  const visit = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(visit);
    if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return false;
    const record = value as Record<string, unknown>;
    if (record.kind === "attr" && typeof record.exprId === "number" && ids.has(record.exprId)) {
      return true;
    }
    return Object.entries(record).some(([key, child]) => !DATA_KEYS.has(key) && visit(child));
  };
  return visit(plan);
}

/** Adds to `exprs` the attributes of `available` that `predicates` read and `exprs` lacks. */
function widen<T extends NamedExpr>(
  exprs: readonly T[],
  predicates: readonly Expr[],
  available: readonly AttributeRef[],
): (T | AttributeRef)[] {
  const present = new Set(exprs.map((e) => e.exprId));
  const read = new Set<number>();
  for (const p of predicates) collectAttributes(p, read);
  const missing = available.filter((a) => read.has(a.exprId) && !present.has(a.exprId));
  return [...exprs, ...missing];
}

function noOuterIn(exprs: readonly Expr[], outer: ReadonlySet<number>, where: string): void {
  if (exprs.some((e) => readsAny(e, outer))) throw notSupportedLocally(`outer references in ${where} of a subquery`);
}

/**
 * Pulls every predicate reading an `outer` column out of `plan`. Predicates may sit in filters anywhere below
 * projections, aliases, inner joins and (as equalities) aggregates; any other shape holding an outer reference
 * is not supported locally.
 */
export function pullUpCorrelated(plan: LogicalPlan, outer: ReadonlySet<number>, ansi: boolean): Decorrelated {
  switch (plan.kind) {
    case "range":
    case "localRelation":
    case "fileScan":
      return { plan, predicates: [] };
    case "filter": {
      const inner = pullUpCorrelated(plan.child, outer, ansi);
      const kept: Expr[] = [];
      const pulled = [...inner.predicates];
      for (const conjunct of splitConjuncts(plan.condition)) (readsAny(conjunct, outer) ? pulled : kept).push(conjunct);
      const condition = conjunction(kept, ansi);
      const child: LogicalPlan = condition === null ? inner.plan : { ...plan, child: inner.plan, condition };
      return { plan: child, predicates: pulled };
    }
    case "project": {
      noOuterIn(plan.exprs, outer, "the select list");
      const inner = pullUpCorrelated(plan.child, outer, ansi);
      if (inner.predicates.length === 0) return { plan, predicates: [] };
      const exprs = widen(plan.exprs, inner.predicates, outputOf(inner.plan));
      return { plan: { ...plan, child: inner.plan, exprs }, predicates: inner.predicates };
    }
    case "subqueryAlias": {
      const inner = pullUpCorrelated(plan.child, outer, ansi);
      if (inner.predicates.length === 0) return { plan, predicates: [] };
      const output = widen(plan.output, inner.predicates, outputOf(inner.plan)) as AttributeRef[];
      return { plan: { ...plan, child: inner.plan, output }, predicates: inner.predicates };
    }
    case "aggregate": {
      noOuterIn([...plan.groupings, ...plan.aggregates], outer, "an aggregate");
      const inner = pullUpCorrelated(plan.child, outer, ansi);
      if (inner.predicates.length === 0) return { plan, predicates: [] };
      // Each pulled predicate must be an equality of inner columns with outer ones: the inner columns become
      // grouping keys, one group per correlation key. (Spark also decorrelates other predicates here.)
      const innerIds = new Set(outputOf(inner.plan).map((a) => a.exprId));
      for (const p of inner.predicates) {
        const sides = p.kind === "call" && p.name === "equal" ? p.args : [];
        const [a, b] = sides;
        // A plain inner column: grouping by an expression's columns instead of its value could match an outer
        // row with several groups (`u.a % 2 = t.a`).
        const innerOnly = (e: Expr) => e.kind === "attr" && innerIds.has(e.exprId);
        const outerOnly = (e: Expr) => [...collectAttributes(e)].every((id) => outer.has(id));
        const ok =
          a !== undefined && b !== undefined && ((innerOnly(a) && outerOnly(b)) || (outerOnly(a) && innerOnly(b)));
        if (!ok)
          throw notSupportedLocally(
            "a correlated predicate other than an equality of an inner column below an aggregate in a subquery",
          );
      }
      const groupings = widen(plan.groupings, inner.predicates, outputOf(inner.plan));
      const aggregates = widen(plan.aggregates, inner.predicates, outputOf(inner.plan));
      return { plan: { ...plan, child: inner.plan, groupings, aggregates }, predicates: inner.predicates };
    }
    case "join": {
      if (plan.condition !== null) noOuterIn([plan.condition], outer, "a join condition");
      const left = pullUpCorrelated(plan.left, outer, ansi);
      const right = pullUpCorrelated(plan.right, outer, ansi);
      const predicates = [...left.predicates, ...right.predicates];
      if (predicates.length === 0) return { plan, predicates: [] };
      // Filtering above the join is the same only where the join keeps that side's rows as they are.
      const fromLeftOnly = ["left_outer", "left_semi", "left_anti"].includes(plan.joinType);
      const allowed =
        plan.joinType === "inner" || plan.joinType === "cross" || (fromLeftOnly && right.predicates.length === 0);
      if (!allowed) throw notSupportedLocally(`outer references below a ${plan.joinType} join in a subquery`);
      const output = joinOutput(plan.joinType, left.plan, right.plan);
      return { plan: { ...plan, left: left.plan, right: right.plan, output }, predicates };
    }
    default:
      if (planReadsAny(plan, outer)) throw notSupportedLocally(`outer references below a ${plan.kind} in a subquery`);
      return { plan, predicates: [] };
  }
}
