/**
 * A small rule-based optimizer over resolved logical plans: constant folding, merging adjacent filters and
 * projections, and pushing filters below projections and into both sides of inner joins. Rules run bottom-up
 * to a fixed point (bounded).
 */
import { evaluateConstant } from "../execution/expression-evaluator.js";
import type { EvalContext } from "../functions/function-types.js";
import {
  type AttributeRef,
  anyNode,
  collectAttributes,
  type Expr,
  isFoldable,
  isPartitionDependent,
  type NamedExpr,
  transformUp,
} from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { pruneColumns } from "./column-pruning.js";
import { foldIntoLocalRelation } from "./local-relation-folding.js";

const MAX_PASSES = 10;

export function optimize(plan: LogicalPlan, ctx: EvalContext): LogicalPlan {
  let current = plan;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = rewrite(current, ctx);
    if (next === current) break;
    current = next;
  }
  return pruneColumns(current);
}

function rewrite(plan: LogicalPlan, ctx: EvalContext): LogicalPlan {
  const withChildren = mapPlanChildren(plan, (child) => rewrite(child, ctx));
  return applyRules(withChildren, ctx);
}

function mapPlanChildren(plan: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  switch (plan.kind) {
    case "range":
    case "localRelation":
    case "fileScan":
      return plan;
    case "join":
    case "setOp": {
      const left = f(plan.left);
      const right = f(plan.right);
      return left === plan.left && right === plan.right ? plan : { ...plan, left, right };
    }
    case "union": {
      const inputs = plan.inputs.map(f);
      return inputs.every((x, i) => x === plan.inputs[i]) ? plan : { ...plan, inputs };
    }
    default: {
      const child = f(plan.child);
      return child === plan.child ? plan : ({ ...plan, child } as LogicalPlan);
    }
  }
}

/** Replaces constant sub-expressions by literals; an expression that fails (say 1/0 under ANSI) stays put. */
export function foldConstants(expr: Expr, ctx: EvalContext): Expr {
  return transformUp(expr, (e) => {
    if (e.kind === "literal" || e.kind === "alias" || !isFoldable(e)) return e;
    try {
      const value = evaluateConstant(e, ctx);
      return { kind: "literal", value, type: e.type, nullable: value === null } as Expr;
    } catch {
      return e;
    }
  });
}

function foldNamed(e: NamedExpr, ctx: EvalContext): NamedExpr {
  if (e.kind !== "alias") return e;
  const child = foldConstants(e.child, ctx);
  return child === e.child ? e : { ...e, child };
}

const isTrue = (e: Expr) => e.kind === "literal" && e.value === true;

function and(a: Expr, b: Expr): Expr {
  return {
    kind: "call",
    name: "and",
    args: [a, b],
    type: T.BOOLEAN,
    nullable: a.nullable || b.nullable,
    display: "",
    ansi: true,
  };
}

function applyRules(plan: LogicalPlan, ctx: EvalContext): LogicalPlan {
  const folded = foldIntoLocalRelation(plan, ctx);
  if (folded !== null) return folded;
  switch (plan.kind) {
    case "filter": {
      const condition = foldConstants(plan.condition, ctx);
      if (isTrue(condition)) return plan.child;
      const child = plan.child;
      if (child.kind === "filter") return { ...plan, child: child.child, condition: and(child.condition, condition) };
      if (child.kind === "project" && child.exprs.every((e) => e.kind === "attr")) {
        return { ...child, child: { kind: "filter", child: child.child, condition } };
      }
      if (child.kind === "join" && (child.joinType === "inner" || child.joinType === "cross")) {
        const pushed = pushIntoJoin(child, condition);
        if (pushed !== null) return pushed;
      }
      return condition === plan.condition ? plan : { ...plan, condition };
    }
    case "project": {
      const exprs = plan.exprs.map((e) => foldNamed(e, ctx));
      const child = plan.child;
      const input = outputOf(child);
      const identity =
        exprs.length === input.length && exprs.every((e, i) => e.kind === "attr" && e.exprId === input[i]?.exprId);
      if (identity && plan.planId === undefined) return child;
      if (
        child.kind === "project" &&
        child.exprs.every((e) => e.kind === "attr") &&
        exprs.every((e) => e.kind === "attr")
      ) {
        return { ...plan, child: child.child, exprs };
      }
      return exprs.every((e, i) => e === plan.exprs[i]) ? plan : { ...plan, exprs };
    }
    default:
      return plan;
  }
}

/**
 * Splits a filter over an inner join into the parts each side can evaluate alone and the parts reading both
 * sides, which join the join's condition (so `FROM a, b WHERE a.k = b.k` becomes an equi-join, as in Spark).
 */
function pushIntoJoin(join: Extract<LogicalPlan, { kind: "join" }>, condition: Expr): LogicalPlan | null {
  const conjuncts = splitAnd(condition);
  const leftIds = new Set(outputOf(join.left).map((a: AttributeRef) => a.exprId));
  const rightIds = new Set(outputOf(join.right).map((a: AttributeRef) => a.exprId));
  const toLeft: Expr[] = [];
  const toRight: Expr[] = [];
  const toJoin: Expr[] = [];
  const stay: Expr[] = [];
  for (const c of conjuncts) {
    const ids = [...collectAttributes(c)];
    // A partition-dependent predicate (rand, spark_partition_id…) stays where it was written, as in Spark.
    if (isPartitionDependent(c)) stay.push(c);
    else if (ids.length > 0 && ids.every((id) => leftIds.has(id))) toLeft.push(c);
    else if (ids.length > 0 && ids.every((id) => rightIds.has(id))) toRight.push(c);
    else if (ids.length > 0 && ids.every((id) => leftIds.has(id) || rightIds.has(id)) && isDeterministic(c))
      toJoin.push(c);
    else stay.push(c);
  }
  if (toLeft.length === 0 && toRight.length === 0 && toJoin.length === 0) return null;
  const left: LogicalPlan = toLeft.length
    ? { kind: "filter", child: join.left, condition: toLeft.reduce(and) }
    : join.left;
  const right: LogicalPlan = toRight.length
    ? { kind: "filter", child: join.right, condition: toRight.reduce(and) }
    : join.right;
  const joined =
    toJoin.length === 0 ? join.condition : [join.condition, ...toJoin].filter((c) => c !== null).reduce(and);
  const joinType = toJoin.length === 0 ? join.joinType : "inner";
  const rebuilt: LogicalPlan = { ...join, left, right, condition: joined, joinType };
  return stay.length ? { kind: "filter", child: rebuilt, condition: stay.reduce(and) } : rebuilt;
}

/** Calls whose value depends on the row's position or a random draw: they stay where the query put them. */
const NONDETERMINISTIC: ReadonlySet<string> = new Set([
  "uuid",
  "rand",
  "randn",
  "shuffle",
  "monotonically_increasing_id",
  "spark_partition_id",
]);
const isDeterministic = (e: Expr): boolean => !anyNode(e, (x) => x.kind === "call" && NONDETERMINISTIC.has(x.name));

function splitAnd(e: Expr): Expr[] {
  return e.kind === "call" && e.name === "and" ? e.args.flatMap(splitAnd) : [e];
}
