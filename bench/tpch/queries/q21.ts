/** Q21 suppliers who kept orders waiting. */
import { functions as F } from "../../../runtime/index.js";
import type { TpchQuery } from "./query-kit.js";

export const q21: TpchQuery = (t) => {
  const late = F.col("l_receiptdate").gt(F.col("l_commitdate"));
  const l1 = t.lineitem.filter(late);
  const others = t.lineitem.select(F.col("l_orderkey").alias("o2_key"), F.col("l_suppkey").alias("o2_supp"));
  const lateOthers = t.lineitem
    .filter(late)
    .select(F.col("l_orderkey").alias("o3_key"), F.col("l_suppkey").alias("o3_supp"));
  return t.supplier
    .join(t.nation.filter(F.col("n_name").eq("SAUDI ARABIA")), F.col("s_nationkey").eq(F.col("n_nationkey")))
    .join(l1, F.col("s_suppkey").eq(F.col("l_suppkey")))
    .join(t.orders.filter(F.col("o_orderstatus").eq("F")), F.col("o_orderkey").eq(F.col("l_orderkey")))
    .join(
      others,
      F.col("o2_key")
        .eq(F.col("l_orderkey"))
        .and(F.col("o2_supp").ne(F.col("l_suppkey"))),
      "left_semi",
    )
    .join(
      lateOthers,
      F.col("o3_key")
        .eq(F.col("l_orderkey"))
        .and(F.col("o3_supp").ne(F.col("l_suppkey"))),
      "left_anti",
    )
    .groupBy("s_name")
    .agg(F.count("*").alias("numwait"))
    .orderBy(F.desc("numwait"), "s_name")
    .limit(100);
};
