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
const dt = () => col("dt");
const ts = () => col("ts");

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

/** Row-wise functions, each selected over the fixture ordered by id. */
export const MISC_FUNCTION_CASES: Record<string, FunctionCase> = {
  // The clock differs between the two servers, so its type and its relation to the other clock calls compare.
  current_date: () => [F.typeof(F.current_date()), F.current_date().gt(lit("2020-01-01").cast("date"))],
  curdate: () => [F.typeof(F.curdate()), F.datediff(F.curdate(), F.current_date())],
  current_timestamp: () => [F.typeof(F.current_timestamp()), F.current_timestamp().eq(F.now())],
  now: () => [F.typeof(F.now()), F.to_date(F.now()).eq(F.current_date())],
  localtimestamp: () => [
    F.typeof(F.localtimestamp()),
    F.localtimestamp().gt(lit("2020-01-01 00:00:00").cast("timestamp_ntz")),
  ],
  // The engine names the default zone as the JavaScript runtime does ("UTC" where the JVM says "Etc/UTC"), so
  // what compares is that the zone is the session's: converting with it is the identity under a UTC session.
  current_timezone: () => [
    F.from_utc_timestamp(ts(), F.current_timezone()).eq(ts()),
    F.length(F.current_timezone()).gt(lit(0)),
  ],
  version: () => [F.version()],
  current_user: () => [F.current_user()],
  user: () => [F.user()],
  session_user: () => [F.session_user()],
  assert_true: () => [F.assert_true(col("id").gt(lit(0))), F.assert_true(col("id").isNotNull(), "id missing")],
  raise_error: () => [F.when(col("id").lt(lit(0)), F.raise_error("negative id")), F.typeof(F.raise_error(lit("x")))],
  make_timestamp: () => [
    F.make_timestamp(F.year(dt()), F.month(dt()), F.dayofmonth(dt()), F.hour(ts()), F.minute(ts()), lit(59.5)),
    F.make_timestamp(lit(2024), col("id"), lit(28), col("id").plus(lit(19)), lit(0), lit(60), lit("Asia/Kolkata")),
  ],
  make_timestamp_ltz: () => [
    F.make_timestamp_ltz(F.year(dt()), lit(3), lit(31), lit(1), lit(2), F.second(ts()), lit("America/New_York")),
  ],
  make_timestamp_ntz: () => [
    F.make_timestamp_ntz(F.year(dt()), F.month(dt()), lit(1), lit(23), lit(59), lit(1.000001)),
  ],
  try_make_timestamp: () => [
    F.try_make_timestamp(lit(2024), i(), lit(1), lit(0), lit(0), col("id").multiply(lit(20))),
    F.try_make_timestamp(lit(2023), lit(2), col("id").plus(lit(27)), lit(0), lit(0), lit(0), lit("UTC")),
  ],
  try_make_timestamp_ltz: () => [F.try_make_timestamp_ltz(lit(2024), lit(1), lit(1), i(), lit(0), lit(60.5))],
  to_timestamp_ltz: () => [F.to_timestamp_ltz(col("ds")), F.to_timestamp_ltz(col("ds"), lit("yyyy-MM-dd"))],
  to_timestamp_ntz: () => [
    F.to_timestamp_ntz(F.concat(col("ds"), lit(" 10:11:12"))),
    F.to_timestamp_ntz(col("ds"), lit("yyyy-MM-dd")),
    F.to_timestamp_ntz(dt()),
    F.to_timestamp_ntz(ts()),
  ],
  timestamp_add: () => [
    F.timestamp_add("month", i(), ts()),
    F.timestamp_add("YEAR", lit(1), dt()),
    F.timestamp_add("WEEK", lit(-2), ts()),
    F.timestamp_add("hour", col("id"), F.to_timestamp_ntz(ts())),
    F.timestamp_add("MicroSecond", i(), ts()),
    F.timestamp_add("QUARTER", col("id"), lit("2024-01-31 10:00:00").cast("timestamp")),
  ],
  timestamp_diff: () => [
    F.timestamp_diff("DAY", ts(), lit("2024-02-29 23:00:00").cast("timestamp")),
    F.timestamp_diff("month", lit("2024-02-29 23:59:59.5").cast("timestamp"), ts()),
    F.timestamp_diff("YEAR", dt(), ts()),
    F.timestamp_diff("week", ts(), lit("1970-01-01 00:00:00").cast("timestamp")),
    F.timestamp_diff("SECOND", F.to_timestamp_ntz(ts()), lit("2000-01-01 00:00:00").cast("timestamp_ntz")),
    F.timestamp_diff("quarter", dt(), lit("2024-12-31").cast("date")),
  ],
  convert_timezone: () => [
    F.convert_timezone(lit("America/New_York"), lit("Asia/Tokyo"), F.to_timestamp_ntz(ts())),
    F.expr("convert_timezone('Europe/Paris', ts)"),
    F.convert_timezone(lit("Asia/Kolkata"), lit("UTC"), col("ds")),
  ],
  // Random per row on both sides: the form and that rows differ compare.
  uuid: () => [F.length(F.uuid()), F.typeof(F.uuid()), F.uuid().eq(F.uuid())],
  try_make_timestamp_ntz: () => [F.try_make_timestamp_ntz(lit(2024), lit(1), lit(1), lit(0), i(), lit(0))],
};
