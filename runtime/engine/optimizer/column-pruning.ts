/**
 * Column pruning: walks the plan top-down with the attribute ids each node's parent needs, drops projection
 * entries nobody reads and narrows file scans to the columns still needed, so a scan decodes only those.
 * A node's output stays a superset of what its parent reads; nodes whose meaning depends on every input column
 * (union, set operations, deduplication, anything unknown) keep their inputs whole.
 */
import { collectAttributes, type Expr } from "../logical/expressions.js";
import { childrenOf, type LogicalPlan, outputOf } from "../logical/logical-plan.js";

type Ids = ReadonlySet<number>;

export function pruneColumns(plan: LogicalPlan): LogicalPlan {
  return prune(plan, idsOf(plan));
}

function idsOf(plan: LogicalPlan): Set<number> {
  return new Set(outputOf(plan).map((a) => a.exprId));
}

function withRefs(required: Ids, exprs: readonly Expr[]): Set<number> {
  const out = new Set(required);
  for (const e of exprs) collectAttributes(e, out);
  return out;
}

function prune(plan: LogicalPlan, required: Ids): LogicalPlan {
  switch (plan.kind) {
    case "fileScan": {
      const kept = plan.output.flatMap((a, i) => (required.has(a.exprId) ? [i] : []));
      if (kept.length === plan.output.length) return plan;
      return {
        ...plan,
        output: kept.map((i) => plan.output[i] as (typeof plan.output)[number]),
        columns: kept.map((i) => plan.columns[i] as number),
      };
    }
    case "project": {
      const exprs = plan.exprs.filter((e) => required.has(e.exprId));
      const child = prune(plan.child, withRefs(new Set(), exprs));
      return child === plan.child && exprs.length === plan.exprs.length ? plan : { ...plan, exprs, child };
    }
    case "filter":
      return withChild(plan, prune(plan.child, withRefs(required, [plan.condition])));
    case "sort":
      return withChild(
        plan,
        prune(
          plan.child,
          withRefs(
            required,
            plan.orders.map((o) => o.expr),
          ),
        ),
      );
    case "limit":
    case "offset":
    case "tail":
      return withChild(plan, prune(plan.child, required));
    case "sample":
      return withChild(plan, prune(plan.child, withRefs(required, plan.stratified ? [plan.stratified.fraction] : [])));
    case "repartition":
      return withChild(
        plan,
        prune(plan.child, withRefs(required, [...(plan.keys ?? []), ...(plan.ranges ?? []).map((o) => o.expr)])),
      );
    case "aggregate":
      return withChild(plan, prune(plan.child, withRefs(new Set(), [...plan.groupings, ...plan.aggregates])));
    case "subqueryAlias": {
      const child = prune(plan.child, required);
      if (child === plan.child) return plan;
      const kept = idsOf(child);
      return { ...plan, child, output: plan.output.filter((a) => kept.has(a.exprId)) };
    }
    case "join":
      return pruneJoin(plan, required);
    default:
      return keepInputsWhole(plan);
  }
}

function withChild<P extends LogicalPlan & { readonly child: LogicalPlan }>(plan: P, child: LogicalPlan): P {
  return child === plan.child ? plan : { ...plan, child };
}

function pruneJoin(plan: Extract<LogicalPlan, { kind: "join" }>, required: Ids): LogicalPlan {
  const leftIds = idsOf(plan.left);
  const rightIds = idsOf(plan.right);
  // An output column from neither side (none today) would be computed by the join: leave such a join alone.
  if (!plan.output.every((a) => leftIds.has(a.exprId) || rightIds.has(a.exprId))) return keepInputsWhole(plan);
  const needed = withRefs(required, plan.condition === null ? [] : [plan.condition]);
  const left = prune(plan.left, new Set([...needed].filter((id) => leftIds.has(id))));
  const right = prune(plan.right, new Set([...needed].filter((id) => rightIds.has(id))));
  if (left === plan.left && right === plan.right) return plan;
  const kept = new Set([...idsOf(left), ...idsOf(right)]);
  return { ...plan, left, right, output: plan.output.filter((a) => kept.has(a.exprId)) };
}

/** Prunes below each child with all of that child's output required. */
function keepInputsWhole(plan: LogicalPlan): LogicalPlan {
  const children = childrenOf(plan);
  const pruned = children.map((c) => prune(c, idsOf(c)));
  if (pruned.every((c, i) => c === children[i])) return plan;
  switch (plan.kind) {
    case "join":
    case "setOp":
      return { ...plan, left: pruned[0] as LogicalPlan, right: pruned[1] as LogicalPlan };
    case "union":
      return { ...plan, inputs: pruned };
    default:
      return "child" in plan ? ({ ...plan, child: pruned[0] as LogicalPlan } as LogicalPlan) : plan;
  }
}
