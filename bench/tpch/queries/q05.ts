/** Q5 local supplier volume. */
import { functions as F } from "../../../runtime/index.js";
import { date, discounted, type TpchQuery } from "./query-kit.js";

export const q05: TpchQuery = (t) =>
  t.region
    .filter(F.col("r_name").eq("ASIA"))
    .join(t.nation, F.col("r_regionkey").eq(F.col("n_regionkey")))
    .join(t.customer, F.col("n_nationkey").eq(F.col("c_nationkey")))
    .join(
      t.orders.filter(
        F.col("o_orderdate")
          .ge(date("1994-01-01"))
          .and(F.col("o_orderdate").lt(date("1995-01-01"))),
      ),
      F.col("c_custkey").eq(F.col("o_custkey")),
    )
    .join(t.lineitem, F.col("o_orderkey").eq(F.col("l_orderkey")))
    .join(
      t.supplier,
      F.col("l_suppkey")
        .eq(F.col("s_suppkey"))
        .and(F.col("c_nationkey").eq(F.col("s_nationkey"))),
    )
    .groupBy("n_name")
    .agg(F.sum(discounted()).alias("revenue"))
    .orderBy(F.desc("revenue"));
