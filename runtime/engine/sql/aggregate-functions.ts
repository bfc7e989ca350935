/**
 * What the parser needs to know about aggregate functions without a function registry: which names are
 * aggregates (for `GROUP BY ALL`), and which skip NULL inputs (so `FILTER (WHERE c)` can be rewritten).
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";

/**
 * Aggregates that skip NULL inputs, so `agg(x) FILTER (WHERE c)` equals `agg(CASE WHEN c THEN x END)`: the
 * Connect proto has no filter slot on a function call, and this rewrite is exact for them.
 */
export const NULL_SKIPPING_AGGREGATES: ReadonlySet<string> = new Set([
  "count",
  "sum",
  "avg",
  "mean",
  "min",
  "max",
  "collect_list",
  "collect_set",
  "array_agg",
  "stddev",
  "stddev_samp",
  "stddev_pop",
  "std",
  "variance",
  "var_samp",
  "var_pop",
  "bool_and",
  "bool_or",
  "every",
  "some",
  "any",
  "bit_and",
  "bit_or",
  "bit_xor",
  "count_if",
  "approx_count_distinct",
  "corr",
  "covar_pop",
  "covar_samp",
  "skewness",
  "kurtosis",
  "median",
]);

const OTHER_AGGREGATES = [
  "first",
  "last",
  "first_value",
  "last_value",
  "any_value",
  "max_by",
  "min_by",
  "percentile",
  "percentile_approx",
  "approx_percentile",
  "percentile_cont",
  "percentile_disc",
  "mode",
  "listagg",
  "string_agg",
  "count_min_sketch",
  "histogram_numeric",
  "hll_sketch_agg",
  "hll_union_agg",
  "regr_avgx",
  "regr_avgy",
  "regr_count",
  "regr_intercept",
  "regr_r2",
  "regr_slope",
  "regr_sxx",
  "regr_sxy",
  "regr_syy",
  "try_sum",
  "try_avg",
  "grouping",
  "grouping_id",
  "bitmap_construct_agg",
  "bitmap_or_agg",
  "bitmap_and_agg",
];

const AGGREGATE_FUNCTIONS: ReadonlySet<string> = new Set([...NULL_SKIPPING_AGGREGATES, ...OTHER_AGGREGATES]);

/** Whether `expr` calls an aggregate outside any window (a windowed aggregate is not a grouping aggregate). */
export function containsAggregate(expr: Expression): boolean {
  const value = expr.exprType;
  switch (value.case) {
    case "unresolvedFunction":
      return AGGREGATE_FUNCTIONS.has(value.value.functionName) || value.value.arguments.some(containsAggregate);
    case "alias":
      return value.value.expr !== undefined && containsAggregate(value.value.expr);
    case "cast":
      return value.value.expr !== undefined && containsAggregate(value.value.expr);
    case "unresolvedExtractValue":
      return [value.value.child, value.value.extraction].some((e) => e !== undefined && containsAggregate(e));
    default:
      return false;
  }
}
