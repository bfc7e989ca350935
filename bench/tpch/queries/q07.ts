/** Q7 volume shipping between FRANCE and GERMANY. */
import { functions as F } from "../../../runtime/index.js";
import { date, discounted, type TpchQuery, year } from "./query-kit.js";

export const q07: TpchQuery = (t) => {
  const nations = t.nation.filter(F.col("n_name").isin("FRANCE", "GERMANY"));
  const suppliers = nations
    .select(F.col("n_name").alias("supp_nation"), "n_nationkey")
    .join(t.supplier, F.col("n_nationkey").eq(F.col("s_nationkey")));
  const customers = nations
    .select(F.col("n_name").alias("cust_nation"), F.col("n_nationkey").alias("cust_nationkey"))
    .join(t.customer, F.col("cust_nationkey").eq(F.col("c_nationkey")));
  return t.lineitem
    .filter(F.col("l_shipdate").between(date("1995-01-01"), date("1996-12-31")))
    .join(suppliers, F.col("l_suppkey").eq(F.col("s_suppkey")))
    .join(t.orders, F.col("l_orderkey").eq(F.col("o_orderkey")))
    .join(customers, F.col("o_custkey").eq(F.col("c_custkey")))
    .filter(F.col("supp_nation").ne(F.col("cust_nation")))
    .select("supp_nation", "cust_nation", year("l_shipdate").alias("l_year"), discounted().alias("volume"))
    .groupBy("supp_nation", "cust_nation", "l_year")
    .agg(F.sum("volume").alias("revenue"))
    .orderBy("supp_nation", "cust_nation", "l_year");
};
