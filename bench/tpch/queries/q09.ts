/** Q9 product type profit measure. */
import { functions as F } from "../../../runtime/index.js";
import { discounted, type TpchQuery, year } from "./query-kit.js";

export const q09: TpchQuery = (t) =>
  t.part
    .filter(F.col("p_name").like("%green%"))
    .join(t.lineitem, F.col("p_partkey").eq(F.col("l_partkey")))
    .join(t.supplier, F.col("l_suppkey").eq(F.col("s_suppkey")))
    .join(
      t.partsupp,
      F.col("ps_suppkey")
        .eq(F.col("l_suppkey"))
        .and(F.col("ps_partkey").eq(F.col("l_partkey"))),
    )
    .join(t.orders, F.col("o_orderkey").eq(F.col("l_orderkey")))
    .join(t.nation, F.col("s_nationkey").eq(F.col("n_nationkey")))
    .select(
      F.col("n_name").alias("nation"),
      year("o_orderdate").alias("o_year"),
      discounted()
        .minus(F.col("ps_supplycost").multiply(F.col("l_quantity")))
        .alias("amount"),
    )
    .groupBy("nation", "o_year")
    .agg(F.sum("amount").alias("sum_profit"))
    .orderBy("nation", F.desc("o_year"));
