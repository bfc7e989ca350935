/** Q8 national market share of BRAZIL in AMERICA. */
import { functions as F } from "../../../runtime/index.js";
import { date, discounted, type TpchQuery, year } from "./query-kit.js";

export const q08: TpchQuery = (t) => {
  const america = t.region
    .filter(F.col("r_name").eq("AMERICA"))
    .join(t.nation, F.col("r_regionkey").eq(F.col("n_regionkey")))
    .select(F.col("n_nationkey").alias("cust_nationkey"));
  const supplierNation = t.nation.select(F.col("n_nationkey").alias("supp_nationkey"), F.col("n_name").alias("nation"));
  return t.part
    .filter(F.col("p_type").eq("ECONOMY ANODIZED STEEL"))
    .join(t.lineitem, F.col("p_partkey").eq(F.col("l_partkey")))
    .join(t.supplier, F.col("l_suppkey").eq(F.col("s_suppkey")))
    .join(
      t.orders.filter(F.col("o_orderdate").between(date("1995-01-01"), date("1996-12-31"))),
      F.col("l_orderkey").eq(F.col("o_orderkey")),
    )
    .join(t.customer, F.col("o_custkey").eq(F.col("c_custkey")))
    .join(america, F.col("c_nationkey").eq(F.col("cust_nationkey")))
    .join(supplierNation, F.col("s_nationkey").eq(F.col("supp_nationkey")))
    .select(year("o_orderdate").alias("o_year"), discounted().alias("volume"), "nation")
    .groupBy("o_year")
    .agg(
      F.sum(F.when(F.col("nation").eq("BRAZIL"), F.col("volume")).otherwise(0))
        .divide(F.sum("volume"))
        .alias("mkt_share"),
    )
    .orderBy("o_year");
};
