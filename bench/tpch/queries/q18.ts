/** Q18 large volume customer. */
import { functions as F } from "../../../runtime/index.js";
import type { TpchQuery } from "./query-kit.js";

export const q18: TpchQuery = (t) => {
  const big = t.lineitem
    .groupBy(F.col("l_orderkey").alias("big_orderkey"))
    .agg(F.sum("l_quantity").alias("total_qty"))
    .filter(F.col("total_qty").gt(300));
  return t.orders
    .join(big, F.col("o_orderkey").eq(F.col("big_orderkey")), "left_semi")
    .join(t.customer, F.col("o_custkey").eq(F.col("c_custkey")))
    .join(t.lineitem, F.col("o_orderkey").eq(F.col("l_orderkey")))
    .groupBy("c_name", "c_custkey", "o_orderkey", "o_orderdate", "o_totalprice")
    .agg(F.sum("l_quantity").alias("sum_qty"))
    .orderBy(F.desc("o_totalprice"), "o_orderdate", "o_orderkey")
    .limit(100);
};
