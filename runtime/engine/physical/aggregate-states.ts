/** The intermediate (partial) state columns each aggregate function ships across the shuffle. */
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import type { AggregateSpec } from "./physical-plan.js";

/** percentile_approx's partial state: the compressed samples' values, rank gaps and uncertainties, the count. */
export const APPROX_PERCENTILE_STATE_TYPES: readonly [T.DataType, T.DataType, T.DataType, T.DataType] = [
  arrayType(T.DOUBLE, false),
  arrayType(T.LONG, false),
  arrayType(T.LONG, false),
  T.LONG,
];

/** histogram_numeric's partial state: the bin limit, then the bins' centres and heights in centre order. */
export const HISTOGRAM_STATE_TYPES: readonly [T.DataType, T.DataType, T.DataType] = [
  T.INT,
  arrayType(T.DOUBLE, false),
  arrayType(T.DOUBLE, false),
];

export function stateTypes(spec: Pick<AggregateSpec, "name" | "inputType" | "resultType" | "args">): T.DataType[] {
  switch (spec.name) {
    case "count":
    case "count_if":
      return [T.LONG];
    case "var_samp":
    case "var_pop":
    case "stddev_samp":
    case "stddev_pop":
      return [T.DOUBLE, T.DOUBLE, T.DOUBLE];
    case "sum":
      return [spec.resultType];
    case "try_sum":
      return [spec.resultType, T.BOOLEAN];
    case "bool_and":
    case "bool_or":
    case "bit_and":
    case "bit_or":
    case "bit_xor":
    case "product":
      return [spec.resultType];
    case "max_by":
    case "min_by":
      return [spec.resultType, spec.args[1]?.type ?? T.NULL];
    case "skewness":
    case "kurtosis":
      return Array.from({ length: 5 }, () => T.DOUBLE);
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
      return Array.from({ length: 10 }, () => T.DOUBLE);
    case "percentile":
      return [arrayType(T.DOUBLE, false), arrayType(T.LONG, false)];
    case "mode":
      return [arrayType(spec.inputType, false), arrayType(T.LONG, false)];
    case "avg":
      if (spec.inputType.kind.case === "decimal") {
        const { precision, scale } = T.decimalParts(spec.inputType);
        return [T.decimalType(Math.min(38, precision + 10), scale), T.LONG];
      }
      return [T.DOUBLE, T.LONG];
    case "min":
    case "max":
      return [spec.inputType];
    case "first":
    case "last":
      return [spec.inputType, T.BOOLEAN];
    case "collect_list":
    case "collect_set":
      return [spec.resultType];
    case "approx_count_distinct":
      return [T.BINARY];
    case "percentile_approx":
      return [...APPROX_PERCENTILE_STATE_TYPES];
    case "listagg":
      return [arrayType(spec.resultType, false)];
    // A bitmap, or count_min_sketch's serialised image.
    case "bitmap_construct_agg":
    case "bitmap_or_agg":
    case "bitmap_and_agg":
    case "count_min_sketch":
    case "hll_sketch_agg":
    case "hll_union_agg":
      return [T.BINARY];
    case "histogram_numeric":
      return [...HISTOGRAM_STATE_TYPES];
  }
}
