/**
 * Spark's ConvertToLocalRelation for the case where it changes answers: projections and filters over local
 * data are computed by Spark's optimizer on the driver, as one stream of partition 0, and the result becomes a
 * new local relation (split again into partitions when scanned). rand(seed), monotonically_increasing_id and
 * their kin therefore see one partition there, whatever the parallelism. The engine folds such a chain the same
 * way when it holds a partition-dependent expression; other chains run in tasks, which gives the same rows.
 */
import { type Batch, takeBatch } from "../columnar/column-vector.js";
import { evaluate } from "../execution/expression-evaluator.js";
import { selectRows } from "../execution/row-selection.js";
import type { EvalContext } from "../functions/function-types.js";
import { partitionScope } from "../functions/partition-scope.js";
import { isPartitionDependent } from "../logical/expressions.js";
import { type LogicalPlan, outputOf, toAttribute } from "../logical/logical-plan.js";
import { bind } from "../physical/binding.js";

type LocalRelation = Extract<LogicalPlan, { kind: "localRelation" }>;

/** Whether `plan` is projections and filters over local data that Spark computes on its driver. */
export function overLocalData(plan: LogicalPlan): boolean {
  switch (plan.kind) {
    case "localRelation":
      return plan.splits === undefined;
    case "project":
    case "filter":
    case "subqueryAlias":
      return overLocalData(plan.child);
    default:
      return false;
  }
}

function rowsOf(plan: LogicalPlan, ctx: EvalContext): Batch {
  switch (plan.kind) {
    case "localRelation":
      return plan.batch;
    case "subqueryAlias":
      return rowsOf(plan.child, ctx);
    case "project": {
      const input = rowsOf(plan.child, ctx);
      const scoped = { ...ctx, partition: partitionScope(0) };
      const columns = plan.exprs.map((e) => evaluate(bind(e, outputOf(plan.child)), input, scoped));
      return { columns, numRows: input.numRows };
    }
    case "filter": {
      const input = rowsOf(plan.child, ctx);
      const scoped = { ...ctx, partition: partitionScope(0) };
      return takeBatch(input, selectRows(bind(plan.condition, outputOf(plan.child)), input, scoped));
    }
    default:
      throw new Error(`internal: ${plan.kind} is not local data`);
  }
}

/** The chain computed into a local relation, when it holds a partition-dependent expression over local data. */
export function foldIntoLocalRelation(plan: LogicalPlan, ctx: EvalContext): LocalRelation | null {
  if (plan.kind !== "project" && plan.kind !== "filter") return null;
  const own = plan.kind === "project" ? plan.exprs : [plan.condition];
  if (!own.some(isPartitionDependent) || !overLocalData(plan.child)) return null;
  const output = plan.kind === "project" ? plan.exprs.map(toAttribute) : outputOf(plan.child);
  return { kind: "localRelation", batch: rowsOf(plan, ctx), output, planId: plan.planId };
}
