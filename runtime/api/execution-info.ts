/**
 * `df.executionInfo`: what the server reported about the last action a DataFrame ran — the executed plan's
 * metrics per node, and the observed metrics (`df.observe`) by name.
 */
import type { ResultStream } from "../arrow/index.js";
import { ObservedMetrics } from "./observed-metrics.js";

/** One metric of a plan node, e.g. `number of output rows`. */
export interface MetricValue {
  readonly name: string;
  readonly value: bigint;
  readonly metricType: string;
}

/** The metrics of one node of the executed plan. */
export interface PlanMetrics {
  readonly name: string;
  readonly planId: bigint;
  readonly parentPlanId: bigint;
  readonly metrics: readonly MetricValue[];
}

export class ExecutionInfo {
  readonly metrics: readonly PlanMetrics[];
  readonly observations: readonly ObservedMetrics[];

  constructor(stream: ResultStream) {
    this.metrics = (stream.metrics?.metrics ?? []).map((node) => ({
      name: node.name,
      planId: node.planId,
      parentPlanId: node.parent,
      metrics: Object.values(node.executionMetrics).map(({ name, value, metricType }) => ({ name, value, metricType })),
    }));
    this.observations = stream.observedMetrics.map((reported) => new ObservedMetrics(reported));
  }

  /** The observed metrics as PySpark's `flows`: `[name, { metric: value }]` per observation. */
  get flows(): Array<[string, Record<string, unknown>]> {
    return this.observations.map((observed) => [observed.name, observed.pairs]);
  }
}
