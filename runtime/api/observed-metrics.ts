/**
 * Observed metrics: the named aggregates a `CollectMetrics` node (`df.observe(...)`) gathers while a plan runs,
 * which the server reports alongside the result. Responses are tapped as they stream past, so an Observation
 * waiting on a name is settled by whichever action runs its plan, however the rows are consumed.
 */
import type {
  ExecutePlanResponse,
  ExecutePlanResponse_ObservedMetrics,
} from "../../generated/proto/spark/connect/base_pb.js";
import type { Backend } from "../backend.js";
import { valueFromLiteral } from "./literal-values.js";

/** One named set of metrics as reported for a run: `pairs` maps each metric's name to its value. */
export class ObservedMetrics {
  readonly name: string;
  readonly keys: readonly string[];
  readonly values: readonly unknown[];

  constructor(reported: ExecutePlanResponse_ObservedMetrics) {
    this.name = reported.name;
    this.values = reported.values.map(valueFromLiteral);
    // Servers that send no keys get positional names, as PySpark gives them.
    this.keys = reported.keys.length > 0 ? [...reported.keys] : this.values.map((_, i) => `observed_metric_${i}`);
  }

  get pairs(): Record<string, unknown> {
    return Object.fromEntries(this.keys.map((key, i) => [key, this.values[i]]));
  }
}

/** Something waiting for the metrics of one name (an Observation). */
export interface ObservedMetricsSink {
  receive(metrics: ObservedMetrics): void;
}

const sinksByBackend = new WeakMap<Backend, Map<string, ObservedMetricsSink>>();

/** Delivers the metrics reported under `name` on `backend` to `sink` from now on. */
export function listenForObservedMetrics(backend: Backend, name: string, sink: ObservedMetricsSink): void {
  let sinks = sinksByBackend.get(backend);
  if (sinks === undefined) {
    sinks = new Map();
    sinksByBackend.set(backend, sinks);
  }
  sinks.set(name, sink);
}

/** Passes `responses` through unchanged, handing each observed metric to the sink listening for its name. */
export async function* deliverObservedMetrics(
  backend: Backend,
  responses: AsyncIterable<ExecutePlanResponse>,
): AsyncGenerator<ExecutePlanResponse> {
  for await (const response of responses) {
    if (response.observedMetrics.length > 0) {
      const sinks = sinksByBackend.get(backend);
      for (const reported of response.observedMetrics) {
        sinks?.get(reported.name)?.receive(new ObservedMetrics(reported));
      }
    }
    yield response;
  }
}
