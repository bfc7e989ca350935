/** Q11 important stock identification (GERMANY; the threshold fraction scales as 0.0001 / SF). */
import { functions as F } from "../../../runtime/index.js";
import type { TpchQuery } from "./query-kit.js";

export const q11: TpchQuery = (t) => {
  const german = t.nation
    .filter(F.col("n_name").eq("GERMANY"))
    .join(t.supplier, F.col("n_nationkey").eq(F.col("s_nationkey")))
    .join(t.partsupp, F.col("s_suppkey").eq(F.col("ps_suppkey")))
    .select("ps_partkey", F.col("ps_supplycost").multiply(F.col("ps_availqty")).alias("value"));
  const threshold = german.agg(F.sum("value").multiply(0.0001).alias("threshold"));
  return german
    .groupBy("ps_partkey")
    .agg(F.sum("value").alias("value"))
    .crossJoin(threshold)
    .filter(F.col("value").gt(F.col("threshold")))
    .select("ps_partkey", "value")
    .orderBy(F.desc("value"), "ps_partkey");
};
