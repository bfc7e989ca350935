/** Picks the accumulator for an aggregate function. */
import type { AggregateSpec } from "../physical/physical-plan.js";
import type { Accumulator } from "./accumulator.js";
import { CollectAccumulator } from "./collect-accumulator.js";
import { CountAccumulator, CountIfAccumulator } from "./counting-accumulators.js";
import { DecimalAvgAccumulator, DecimalSumAccumulator } from "./decimal-accumulators.js";
import { AvgAccumulator, MomentsAccumulator, SumAccumulator } from "./numeric-accumulators.js";
import { DistinctAccumulator, FirstLastAccumulator, MinMaxAccumulator } from "./value-accumulators.js";

export type { Accumulator };

export function createAccumulator(spec: AggregateSpec): Accumulator {
  const make = (): Accumulator => {
    switch (spec.name) {
      case "count":
        return new CountAccumulator();
      case "count_if":
        return new CountIfAccumulator();
      case "var_samp":
      case "var_pop":
      case "stddev_samp":
      case "stddev_pop":
        return new MomentsAccumulator(spec);
      case "sum":
        return spec.resultType.kind.case === "decimal" ? new DecimalSumAccumulator(spec) : new SumAccumulator(spec);
      case "avg":
        return spec.inputType.kind.case === "decimal" ? new DecimalAvgAccumulator(spec) : new AvgAccumulator();
      case "min":
        return new MinMaxAccumulator(spec, false);
      case "max":
        return new MinMaxAccumulator(spec, true);
      case "first":
        return new FirstLastAccumulator(spec, false);
      case "last":
        return new FirstLastAccumulator(spec, true);
      case "collect_list":
      case "collect_set":
        return new CollectAccumulator(spec, spec.name === "collect_set");
    }
  };
  return spec.distinct ? new DistinctAccumulator(make, spec) : make();
}
