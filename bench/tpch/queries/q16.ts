/** Q16 parts/supplier relationship. */
import { functions as F } from "../../../runtime/index.js";
import type { TpchQuery } from "./query-kit.js";

export const q16: TpchQuery = (t) => {
  const complaints = t.supplier.filter(F.col("s_comment").like("%Customer%Complaints%")).select("s_suppkey");
  return t.part
    .filter(
      F.col("p_brand")
        .ne("Brand#45")
        .and(F.col("p_type").like("MEDIUM POLISHED%").eqNullSafe(false))
        .and(F.col("p_size").isin(49, 14, 23, 45, 19, 3, 36, 9)),
    )
    .join(t.partsupp, F.col("p_partkey").eq(F.col("ps_partkey")))
    .join(complaints, F.col("ps_suppkey").eq(F.col("s_suppkey")), "left_anti")
    .groupBy("p_brand", "p_type", "p_size")
    .agg(F.countDistinct("ps_suppkey").alias("supplier_cnt"))
    .orderBy(F.desc("supplier_cnt"), "p_brand", "p_type", "p_size");
};
