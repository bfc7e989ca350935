/**
 * `Observation`: a handle on metrics a DataFrame collects as a side effect of running (`df.observe(obs, ...)`).
 * `await obs.get` resolves once an action has run the observed plan and the server reported the metrics.
 */
import { randomUUID } from "node:crypto";
import type { ObservationApi } from "../../generated/api/observation.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import type { ObservedMetrics, ObservedMetricsSink } from "./observed-metrics.js";

export class Observation implements ObservationApi, ObservedMetricsSink {
  private chosenName: string | undefined;
  private result: Record<string, unknown> | undefined;
  private settle: ((result: Record<string, unknown>) => void) | undefined;
  private pending: Promise<Record<string, unknown>> | undefined;

  /** `name` names the metrics on the server; without one, a random name is chosen when it is attached. */
  constructor(name?: string) {
    if (name !== undefined) {
      if (typeof name !== "string") {
        throw new ClientArgumentError(`name must be a string, got ${describeType(name)}.`, {
          errorClass: "NOT_STR",
          messageParameters: { arg_name: "name", arg_type: describeType(name) },
        });
      }
      if (name === "") {
        throw new ClientArgumentError("name must be a non-empty string.", {
          errorClass: "VALUE_NOT_NON_EMPTY_STR",
          messageParameters: { arg_name: "name", arg_value: name },
        });
      }
    }
    this.chosenName = name;
  }

  /** The metrics' name on the server (set once the observation is attached, if not given). */
  get name(): string | undefined {
    return this.chosenName;
  }

  /**
   * Binds this observation to one DataFrame (an Observation observes a single plan) and returns the name the
   * CollectMetrics node is to carry.
   */
  attach(): string {
    if (this.pending !== undefined) {
      throw new ClientArgumentError("An Observation can be used with a DataFrame only once.", {
        errorClass: "REUSE_OBSERVATION",
      });
    }
    this.chosenName ??= randomUUID();
    this.pending = new Promise((resolve) => {
      this.settle = resolve;
    });
    return this.chosenName;
  }

  /** The metrics by name, once an action has run the observed DataFrame. */
  get get(): Promise<Record<string, unknown>> {
    if (this.pending === undefined) {
      return Promise.reject(
        new ClientArgumentError("Call DataFrame.observe with this Observation before reading its metrics.", {
          errorClass: "NO_OBSERVE_BEFORE_GET",
        }),
      );
    }
    return this.pending;
  }

  receive(metrics: ObservedMetrics): void {
    // Later runs of the same plan refresh the values in place, as PySpark updates its dict.
    this.result ??= {};
    Object.assign(this.result, metrics.pairs);
    this.settle?.(this.result);
    this.settle = undefined;
  }
}
