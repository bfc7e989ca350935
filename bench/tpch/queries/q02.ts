/** Q2 minimum cost supplier. */
import { functions as F } from "../../../runtime/index.js";
import type { TpchQuery } from "./query-kit.js";

export const q02: TpchQuery = (t) => {
  const europe = t.region
    .filter(F.col("r_name").eq("EUROPE"))
    .join(t.nation, F.col("r_regionkey").eq(F.col("n_regionkey")))
    .join(t.supplier, F.col("n_nationkey").eq(F.col("s_nationkey")))
    .join(t.partsupp, F.col("s_suppkey").eq(F.col("ps_suppkey")));
  const minCost = europe.groupBy("ps_partkey").agg(F.min("ps_supplycost").alias("min_cost"));
  return t.part
    .filter(F.col("p_size").eq(15).and(F.col("p_type").like("%BRASS")))
    .join(europe, F.col("p_partkey").eq(F.col("ps_partkey")))
    .join(minCost.withColumnRenamed("ps_partkey", "min_partkey"), F.col("p_partkey").eq(F.col("min_partkey")))
    .filter(F.col("ps_supplycost").eq(F.col("min_cost")))
    .select("s_acctbal", "s_name", "n_name", "p_partkey", "p_mfgr", "s_address", "s_phone", "s_comment")
    .orderBy(F.desc("s_acctbal"), "n_name", "s_name", "p_partkey")
    .limit(100);
};
