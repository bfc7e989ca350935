/**
 * What the df.observe nodes of one job measured. Each task folds the rows passing a node into partial aggregate
 * states; they are kept per stage and partition, so a task run again replaces its earlier report instead of
 * adding to it, and merged on the driver into one row of metrics once the job has run.
 */
import type { ObservedMetricsResult } from "../backend/observed-metrics-encoder.js";
import { getScalar } from "../columnar/column-vector.js";
import type { EvalContext } from "../functions/function-types.js";
import { type PhysicalPlan, physicalChildren } from "../physical/physical-plan.js";
import type { ObservedState } from "../scheduler/task.js";
import { evaluate } from "./expression-evaluator.js";
import { hashAggregate } from "./hash-aggregate.js";

type CollectMetrics = Extract<PhysicalPlan, { kind: "collectMetrics" }>;

function collectMetricsNodes(plan: PhysicalPlan, found: CollectMetrics[] = []): CollectMetrics[] {
  if (plan.kind === "collectMetrics" && !found.some((node) => node.name === plan.name)) found.push(plan);
  for (const child of physicalChildren(plan)) collectMetricsNodes(child, found);
  return found;
}

export class ObservedMetricsCollector {
  private readonly nodes: readonly CollectMetrics[];
  private readonly reports = new Map<string, readonly ObservedState[]>();

  constructor(root: PhysicalPlan) {
    this.nodes = collectMetricsNodes(root);
  }

  get observing(): boolean {
    return this.nodes.length > 0;
  }

  readonly record = (stageId: number, partition: number, states: readonly ObservedState[]): void => {
    this.reports.set(`${stageId}:${partition}`, states);
  };

  /** Each node's metrics over every row that passed it (an empty input gives count 0, sums null…). */
  results(ctx: EvalContext): ObservedMetricsResult[] {
    const reported = [...this.reports.values()].flat();
    return this.nodes.map((node) => {
      const states = reported.filter((s) => s.metricsId === node.metricsId).map((s) => s.state);
      const merged = hashAggregate("final", states, [], node.partial, ctx);
      return {
        name: node.name,
        planId: node.observedPlanId,
        keys: node.metricNames,
        types: node.metrics.map((m) => m.type),
        values: node.metrics.map((m) => getScalar(evaluate(m, merged, ctx), 0)),
      };
    });
  }
}
