/** Q13 customer distribution. */
import { functions as F } from "../../../runtime/index.js";
import type { TpchQuery } from "./query-kit.js";

export const q13: TpchQuery = (t) =>
  t.customer
    .join(
      t.orders.filter(F.col("o_comment").like("%special%requests%").eqNullSafe(false)),
      F.col("c_custkey").eq(F.col("o_custkey")),
      "left_outer",
    )
    .groupBy("c_custkey")
    .agg(F.count("o_orderkey").alias("c_count"))
    .groupBy("c_count")
    .agg(F.count("*").alias("custdist"))
    .orderBy(F.desc("custdist"), F.desc("c_count"));
