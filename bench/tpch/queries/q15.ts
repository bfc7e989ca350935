/** Q15 top supplier (the revenue view inlined). */
import { functions as F } from "../../../runtime/index.js";
import { date, discounted, type TpchQuery } from "./query-kit.js";

export const q15: TpchQuery = (t) => {
  const revenue = t.lineitem
    .filter(
      F.col("l_shipdate")
        .ge(date("1996-01-01"))
        .and(F.col("l_shipdate").lt(date("1996-04-01"))),
    )
    .groupBy(F.col("l_suppkey").alias("supplier_no"))
    .agg(F.sum(discounted()).alias("total_revenue"));
  const top = revenue.agg(F.max("total_revenue").alias("max_revenue"));
  return t.supplier
    .join(revenue, F.col("s_suppkey").eq(F.col("supplier_no")))
    .join(top, F.col("total_revenue").eq(F.col("max_revenue")))
    .select("s_suppkey", "s_name", "s_address", "s_phone", "total_revenue")
    .orderBy("s_suppkey");
};
