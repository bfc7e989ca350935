/** Q10 returned item reporting. */
import { functions as F } from "../../../runtime/index.js";
import { date, discounted, type TpchQuery } from "./query-kit.js";

export const q10: TpchQuery = (t) =>
  t.customer
    .join(
      t.orders.filter(
        F.col("o_orderdate")
          .ge(date("1993-10-01"))
          .and(F.col("o_orderdate").lt(date("1994-01-01"))),
      ),
      F.col("c_custkey").eq(F.col("o_custkey")),
    )
    .join(t.lineitem.filter(F.col("l_returnflag").eq("R")), F.col("l_orderkey").eq(F.col("o_orderkey")))
    .join(t.nation, F.col("c_nationkey").eq(F.col("n_nationkey")))
    .groupBy("c_custkey", "c_name", "c_acctbal", "c_phone", "n_name", "c_address", "c_comment")
    .agg(F.sum(discounted()).alias("revenue"))
    .select("c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment")
    .orderBy(F.desc("revenue"), "c_custkey")
    .limit(20);
