/** Picks the accumulator for an aggregate function. */
import type { AggregateSpec } from "../physical/physical-plan.js";
import type { Accumulator } from "./accumulator.js";
import { ApproxPercentileAccumulator } from "./approx-percentile-accumulator.js";
import { BitmapAccumulator } from "./bitmap-accumulators.js";
import { CollectAccumulator } from "./collect-accumulator.js";
import { CountMinSketchAccumulator } from "./count-min-sketch-accumulator.js";
import { CountAccumulator, CountIfAccumulator } from "./counting-accumulators.js";
import { DecimalAvgAccumulator, DecimalSumAccumulator } from "./decimal-accumulators.js";
import { ModeAccumulator, PercentileAccumulator } from "./frequency-accumulators.js";
import { HistogramAccumulator } from "./histogram-accumulator.js";
import { HllSketchAccumulator, HllUnionAccumulator } from "./hll-accumulators.js";
import { hyperLogLogFor } from "./hyperloglog-accumulator.js";
import { ListAggAccumulator } from "./listagg-accumulator.js";
import { HigherMomentsAccumulator, PairMomentsAccumulator } from "./moment-accumulators.js";
import { AvgAccumulator, MomentsAccumulator, SumAccumulator } from "./numeric-accumulators.js";
import { ReducingAccumulator } from "./reducing-accumulators.js";
import {
  DistinctAccumulator,
  FirstLastAccumulator,
  MinMaxAccumulator,
  ValueByKeyAccumulator,
} from "./value-accumulators.js";

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
      // try_sum keeps an overflow flag per group across the shuffle, which the exact decimal sums do not.
      case "try_sum":
        return new SumAccumulator(spec);
      case "avg":
        return spec.inputType.kind.case === "decimal" ? new DecimalAvgAccumulator(spec) : new AvgAccumulator();
      case "min":
      case "bool_and":
        return new MinMaxAccumulator(spec, false);
      case "max":
      case "bool_or":
        return new MinMaxAccumulator(spec, true);
      case "max_by":
        return new ValueByKeyAccumulator(spec, true);
      case "min_by":
        return new ValueByKeyAccumulator(spec, false);
      case "bit_and":
      case "bit_or":
      case "bit_xor":
      case "product":
        return new ReducingAccumulator(spec);
      case "skewness":
      case "kurtosis":
        return new HigherMomentsAccumulator(spec);
      case "covar_pop":
      case "covar_samp":
      case "corr":
      case "regr_count":
      case "regr_avgx":
      case "regr_avgy":
      case "regr_sxx":
      case "regr_syy":
      case "regr_sxy":
      case "regr_slope":
      case "regr_intercept":
      case "regr_r2":
        return new PairMomentsAccumulator(spec);
      case "percentile":
        return new PercentileAccumulator(spec);
      case "mode":
        return new ModeAccumulator(spec);
      case "first":
        return new FirstLastAccumulator(spec, false);
      case "last":
        return new FirstLastAccumulator(spec, true);
      case "collect_list":
      case "collect_set":
        return new CollectAccumulator(spec, spec.name === "collect_set");
      case "approx_count_distinct":
        return hyperLogLogFor(spec);
      case "percentile_approx":
        return new ApproxPercentileAccumulator(spec);
      case "listagg":
        return new ListAggAccumulator(spec);
      case "bitmap_construct_agg":
        return new BitmapAccumulator("construct");
      case "bitmap_or_agg":
        return new BitmapAccumulator("or");
      case "bitmap_and_agg":
        return new BitmapAccumulator("and");
      case "histogram_numeric":
        return new HistogramAccumulator(spec);
      case "count_min_sketch":
        return new CountMinSketchAccumulator(spec);
      case "hll_sketch_agg":
        return new HllSketchAccumulator(spec);
      case "hll_union_agg":
        return new HllUnionAccumulator(spec);
    }
  };
  return spec.distinct ? new DistinctAccumulator(make, spec) : make();
}
