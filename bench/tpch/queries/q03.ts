/** Q3 shipping priority. */
import { functions as F } from "../../../runtime/index.js";
import { date, discounted, type TpchQuery } from "./query-kit.js";

export const q03: TpchQuery = (t) =>
  t.customer
    .filter(F.col("c_mktsegment").eq("BUILDING"))
    .join(t.orders.filter(F.col("o_orderdate").lt(date("1995-03-15"))), F.col("c_custkey").eq(F.col("o_custkey")))
    .join(t.lineitem.filter(F.col("l_shipdate").gt(date("1995-03-15"))), F.col("l_orderkey").eq(F.col("o_orderkey")))
    .groupBy("l_orderkey", "o_orderdate", "o_shippriority")
    .agg(F.sum(discounted()).alias("revenue"))
    .select("l_orderkey", "revenue", "o_orderdate", "o_shippriority")
    .orderBy(F.desc("revenue"), "o_orderdate")
    .limit(10);
