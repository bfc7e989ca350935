/**
 * Parity cases for the interval builders and the time-window functions (kept in their own file and spread into
 * function-cases.ts, so parallel additions merge cleanly). A select holds at most one window() or
 * session_window(): Spark refuses two, as they would multiply the rows.
 */

import * as F from "../../../generated/functions/index.js";
import { col, lit } from "../../../runtime/api/functions.js";
import type { FunctionCase } from "./function-cases.js";

const i = () => col("i");
const id = () => col("id");

/** Row-wise functions, each selected over the fixture ordered by id. */
export const INTERVAL_FUNCTION_CASES: Record<string, FunctionCase> = {
  make_interval: () => [
    F.make_interval(),
    F.make_interval("i", "id"),
    F.make_interval(i(), id(), i(), id(), i(), i(), col("dec")),
    F.make_interval(i(), id(), i(), id(), i(), i(), col("dec")).cast("string"),
  ],
  try_make_interval: () => [F.try_make_interval(lit(2147483647), id()), F.try_make_interval("i", "id", "i")],
  make_dt_interval: () => [F.make_dt_interval(), F.make_dt_interval("id", "i", "i", "dec"), F.make_dt_interval(i())],
  make_ym_interval: () => [F.make_ym_interval(), F.make_ym_interval("i", "id"), F.make_ym_interval(id())],
  // A sliding window repeats each row once per window its time falls in; a NULL time drops the row.
  window: () => [id(), F.window("ts", "1 day", "12 hours", "1 hour")],
  window_time: () => [id(), F.window_time(F.window("ts", "1 hour"))],
  session_window: () => [id(), F.session_window("ts", "10 minutes")],
};
