/** Cases for the `normal` builtins (column references, literals, SQL text, calls by name), spread into FUNCTION_CASES. */
import * as F from "../../../generated/functions/index.js";
import type { FunctionCase } from "./function-cases.js";

export const NORMAL_FUNCTION_CASES: Record<string, FunctionCase> = {
  col: () => [F.col("s"), F.col("dec"), F.col("i").plus(1)],
  column: () => [F.column("dt")],
  lit: () => [F.lit(1), F.lit("x"), F.lit(2.5), F.lit(null), F.lit(true)],
  expr: () => [F.expr("i + 1"), F.expr("upper(s) AS u"), F.expr("transform(array(i, 2), x -> x * 2)")],
  call_function: () => [F.call_function("upper", "s"), F.call_function("date_add", F.col("dt"), F.lit(1))],
};
