/**
 * One case per builtin the embedded engine claims: the columns to compute over the parity fixture. Keyed by the
 * pyspark name, so a failing `it` names the function and the registry check can find every supported entry.
 */

import * as F from "../../../generated/functions/index.js";
import type { Column } from "../../../runtime/api/column.js";
import { col, lit } from "../../../runtime/api/functions.js";
import { Window } from "../../../runtime/api/window.js";

/** Builds the columns a case selects; `i` int, `d` double, `s` string, `dt` date, `dec` decimal(10,2). */
export type FunctionCase = () => Column[];

const i = () => col("i");
const d = () => col("d");
const s = () => col("s");
const dt = () => col("dt");
/** Nested inputs built inline from the fixture's flat columns: `[i, 2, i]` (NULLs where i is NULL), a map. */
const arr = () => F.array(i(), lit(2), i());
const words = () => F.array(s(), lit("b"), lit(null).cast("string"));
const kv = () => F.create_map(lit("k"), i(), lit("d"), lit(1));

export const FUNCTION_CASES: Record<string, FunctionCase> = {
  abs: () => [F.abs(i()), F.abs(d()), F.abs(col("dec"))],
  bround: () => [F.bround(d(), 1), F.bround(col("dec"), 0)],
  ceil: () => [F.ceil(d()), F.ceil(col("dec"))],
  ceiling: () => [F.ceiling(d())],
  exp: () => [F.exp(i())],
  floor: () => [F.floor(d()), F.floor(col("dec"))],
  greatest: () => [F.greatest(i(), lit(0)), F.greatest(d(), i())],
  least: () => [F.least(i(), lit(0)), F.least(d(), i())],
  ln: () => [F.ln(d())],
  log: () => [F.log(d()), F.log(2, d())],
  log10: () => [F.log10(d())],
  log2: () => [F.log2(d())],
  negate: () => [F.negate(i()), F.negate(col("dec"))],
  negative: () => [F.negative(d())],
  pow: () => [F.pow(i(), lit(2))],
  power: () => [F.power(d(), lit(0.5))],
  round: () => [F.round(d(), 1), F.round(col("dec"), 1), F.round(i(), -1)],
  sign: () => [F.sign(d())],
  signum: () => [F.signum(i())],
  sqrt: () => [F.sqrt(d())],
  coalesce: () => [F.coalesce(i(), lit(7))],
  ifnull: () => [F.ifnull(s(), lit("none"))],
  nullif: () => [F.nullif(i(), lit(3))],
  nvl: () => [F.nvl(d(), lit(0.0))],
  when: () => [F.when(i().gt(lit(0)), "pos").otherwise("other")],
  date_add: () => [F.date_add(dt(), 40)],
  date_sub: () => [F.date_sub(dt(), 400)],
  datediff: () => [F.datediff(dt(), lit("1970-01-01").cast("date"))],
  day: () => [F.day(dt())],
  dayofmonth: () => [F.dayofmonth(dt())],
  dayofweek: () => [F.dayofweek(dt())],
  dayofyear: () => [F.dayofyear(dt())],
  hour: () => [F.hour(col("ts"))],
  last_day: () => [F.last_day(dt())],
  minute: () => [F.minute(col("ts"))],
  month: () => [F.month(dt())],
  quarter: () => [F.quarter(dt())],
  second: () => [F.second(col("ts"))],
  to_date: () => [F.to_date(col("ds")), F.to_date(col("ts"))],
  year: () => [F.year(dt())],
  hash: () => [F.hash(i(), s()), F.hash(d()), F.hash(dt())],
  ilike: () => [F.ilike(s(), lit("%É%"))],
  isnan: () => [F.isnan(d())],
  isnotnull: () => [F.isnotnull(s())],
  isnull: () => [F.isnull(i())],
  like: () => [F.like(s(), lit("a%"))],
  char_length: () => [F.char_length(s())],
  character_length: () => [F.character_length(s())],
  concat: () => [F.concat(s(), lit("-"), s()), F.concat(arr(), F.array(lit(9)))],
  concat_ws: () => [F.concat_ws("|", s(), col("ds"))],
  contains: () => [F.contains(s(), lit("b"))],
  endswith: () => [F.endswith(s(), lit("c"))],
  initcap: () => [F.initcap(s())],
  instr: () => [F.instr(s(), "b")],
  lcase: () => [F.lcase(s())],
  length: () => [F.length(s())],
  lower: () => [F.lower(s())],
  lpad: () => [F.lpad(s(), 6, "*")],
  ltrim: () => [F.ltrim(col("padded"))],
  regexp_replace: () => [F.regexp_replace(s(), "[bc]", "_")],
  repeat: () => [F.repeat(s(), 2)],
  replace: () => [F.replace(s(), lit("b"), lit("B"))],
  reverse: () => [F.reverse(s())],
  rpad: () => [F.rpad(s(), 6, "*")],
  rtrim: () => [F.rtrim(col("padded"))],
  startswith: () => [F.startswith(s(), lit("a"))],
  substr: () => [F.substr(s(), lit(2), lit(2))],
  substring: () => [F.substring(s(), -2, 2)],
  trim: () => [F.trim(col("padded"))],
  ucase: () => [F.ucase(s())],
  upper: () => [F.upper(s())],
  array: () => [F.array(i(), d()), F.array(s(), lit("x")), F.array()],
  create_map: () => [kv(), F.create_map(col("id").cast("string"), i())],
  map_from_arrays: () => [F.map_from_arrays(F.array(lit("a"), lit("b")), F.array(i(), d()))],
  named_struct: () => [F.named_struct(lit("n"), i(), lit("t"), s())],
  struct: () => [F.struct(i(), s()), F.struct(i().alias("x"), lit(1))],
  element_at: () => [F.element_at(arr(), 1), F.element_at(arr(), -1), F.element_at(kv(), lit("k"))],
  size: () => [F.size(arr()), F.size(kv()), F.size(F.when(i().gt(lit(0)), arr()))],
  cardinality: () => [F.cardinality(words())],
  array_contains: () => [F.array_contains(arr(), 2), F.array_contains(arr(), i()), F.array_contains(words(), "z")],
  sort_array: () => [F.sort_array(arr()), F.sort_array(words(), false)],
  array_distinct: () => [F.array_distinct(arr()), F.array_distinct(F.array(d(), d(), lit(null)))],
  array_union: () => [F.array_union(arr(), F.array(lit(7), i()))],
  array_intersect: () => [F.array_intersect(arr(), F.array(lit(2), i()))],
  array_except: () => [F.array_except(arr(), F.array(lit(2)))],
  arrays_zip: () => [F.arrays_zip(arr(), words())],
  flatten: () => [F.flatten(F.array(arr(), F.array(lit(1))))],
  slice: () => [F.slice(arr(), 2, 5), F.slice(arr(), -2, 1)],
  array_position: () => [F.array_position(arr(), 2), F.array_position(words(), s())],
  array_remove: () => [F.array_remove(arr(), 2)],
  array_join: () => [F.array_join(words(), ","), F.array_join(words(), "-", "?"), F.array_join(arr(), "+")],
  array_size: () => [F.array_size(arr()), F.array_size(F.when(i().gt(lit(0)), words()))],
  array_compact: () => [F.array_compact(words())],
  array_append: () => [F.array_append(arr(), 9), F.array_append(words(), "z")],
  array_prepend: () => [F.array_prepend(arr(), 9)],
  array_max: () => [F.array_max(arr()), F.array_max(words())],
  array_min: () => [F.array_min(F.array(d(), lit(1.5))), F.array_min(words())],
  map_keys: () => [F.map_keys(kv())],
  map_values: () => [F.map_values(kv())],
  map_entries: () => [F.map_entries(kv())],
  map_contains_key: () => [F.map_contains_key(kv(), "k"), F.map_contains_key(kv(), "z")],
};

/**
 * Window functions over a window ordered by `id` and not partitioned: one window partition, so the rows come out
 * in `id` order on both backends and compare in order. Partitioned windows, frames and skewed data are covered by
 * test/integration/engine/window-and-grouping.test.ts.
 */
const byId = () => Window.orderBy("id");
const byI = () => Window.orderBy(i());

export const WINDOW_CASES: Record<string, FunctionCase> = {
  cume_dist: () => [col("id"), F.cume_dist().over(byI())],
  dense_rank: () => [col("id"), F.dense_rank().over(Window.orderBy(i().isNull()))],
  lag: () => [col("id"), F.lag(s()).over(byId()), F.lag(d(), 2, 0.5).over(byId())],
  lead: () => [col("id"), F.lead(i()).over(byId()), F.lead(dt(), 1).over(byId())],
  nth_value: () => [col("id"), F.nth_value(s(), 2).over(byId()), F.nth_value(i(), 3, true).over(byId())],
  ntile: () => [col("id"), F.ntile(3).over(byId())],
  percent_rank: () => [col("id"), F.percent_rank().over(byI())],
  rank: () => [col("id"), F.rank().over(Window.orderBy(d().isNull()))],
  row_number: () => [col("id"), F.row_number().over(byId().rowsBetween(Window.unboundedPreceding, Window.currentRow))],
};

/** grouping() and grouping_id(), evaluated in a rollup (see functions-on-both.test.ts). */
export const GROUPING_CASES: Record<string, FunctionCase> = {
  grouping: () => [F.grouping(s()), F.grouping("i"), F.sum(d())],
  grouping_id: () => [F.grouping_id(), F.grouping_id(s(), i()), F.count(lit(1))],
};

/** Aggregates run by the engine's accumulators, evaluated as one global aggregation each. */
export const AGGREGATE_CASES: Record<string, FunctionCase> = {
  avg: () => [F.avg(d()), F.avg(col("dec")), F.avg(i())],
  mean: () => [F.mean(i())],
  count: () => [F.count(i()), F.count(lit(1))],
  count_if: () => [F.count_if(i().gt(lit(0)))],
  count_distinct: () => [F.count_distinct(s())],
  countDistinct: () => [F.countDistinct(i(), s())],
  first: () => [F.first(s()), F.first(s(), true)],
  last: () => [F.last(i(), true)],
  max: () => [F.max(i()), F.max(s()), F.max(dt()), F.max(col("dec"))],
  min: () => [F.min(d()), F.min(s()), F.min(dt())],
  sum: () => [F.sum(i()), F.sum(d()), F.sum(col("dec"))],
  sum_distinct: () => [F.sum_distinct(i())],
  stddev: () => [F.stddev(d())],
  stddev_samp: () => [F.stddev_samp(d())],
  stddev_pop: () => [F.stddev_pop(d())],
  variance: () => [F.variance(d())],
  var_samp: () => [F.var_samp(d())],
  var_pop: () => [F.var_pop(d())],
  // Collection order depends on partitioning on both backends, so the arrays are compared sorted.
  collect_list: () => [F.sort_array(F.collect_list(i())), F.sort_array(F.collect_list(s()))],
  collect_set: () => [F.sort_array(F.collect_set(F.abs(i()))), F.size(F.collect_set(col("id")))],
  array_agg: () => [F.sort_array(F.array_agg(dt()))],
};
