/**
 * Parity cases for the sketch, string-aggregate, datetime-builder and miscellaneous builtins (kept in their own
 * file and spread into function-cases.ts, so parallel additions merge cleanly).
 */

import * as F from "../../../generated/functions/index.js";
import { col, lit } from "../../../runtime/api/functions.js";
import type { FunctionCase } from "./function-cases.js";

const i = () => col("i");
const d = () => col("d");
const s = () => col("s");

/** Aggregates, each evaluated as one global aggregation over the fixture. */
export const MISC_AGGREGATE_CASES: Record<string, FunctionCase> = {
  // Every value type hashes through Spark's XXH64 encoding; the fixture's few values stay in linear counting.
  approx_count_distinct: () => [
    F.approx_count_distinct(s()),
    F.approx_count_distinct(i(), 0.1),
    F.approx_count_distinct(d()),
    F.approx_count_distinct(col("dt")),
    F.approx_count_distinct(col("ts")),
    F.approx_count_distinct(col("dec")),
    F.approx_count_distinct(F.abs(i()).gt(lit(1))),
    F.approx_count_distinct(lit(null)),
  ],
  approxCountDistinct: () => [F.approxCountDistinct(col("id"), 0.01)],
  percentile_approx: () => [
    F.percentile_approx(i(), 0.5),
    F.percentile_approx(d(), [0.1, 0.5, 0.9], 100),
    F.percentile_approx(col("dec"), 0.5),
    F.percentile_approx(col("dt"), 0.25),
    F.percentile_approx(col("ts"), [0.75, 0]),
    F.percentile_approx(col("id").cast("bigint"), 1.0, 1),
  ],
  approx_percentile: () => [F.approx_percentile(i(), [0.0, 0.3, 1.0], 10)],
  listagg: () => [F.listagg(s()), F.listagg(s(), ", "), F.listagg(i(), lit("|"))],
  string_agg: () => [F.string_agg(col("ds"), "/"), F.string_agg(s().cast("binary"), new Uint8Array([0]))],
  // Spark's order among distinct values follows its distinct-aggregation shuffle, so only order-free facts compare.
  listagg_distinct: () => [
    F.length(F.listagg_distinct(F.abs(i()).cast("string"), "-")),
    F.listagg_distinct(F.when(i().isNotNull(), lit("x")), "-"),
  ],
  string_agg_distinct: () => [F.string_agg_distinct(F.substring(s(), 2, 2))],
};
