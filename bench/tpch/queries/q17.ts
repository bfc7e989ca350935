/** Q17 small-quantity-order revenue. */
import { functions as F } from "../../../runtime/index.js";
import type { TpchQuery } from "./query-kit.js";

export const q17: TpchQuery = (t) => {
  const parts = t.part.filter(F.col("p_brand").eq("Brand#23").and(F.col("p_container").eq("MED BOX")));
  const lines = t.lineitem.join(parts, F.col("l_partkey").eq(F.col("p_partkey")));
  const averages = lines
    .groupBy(F.col("l_partkey").alias("avg_partkey"))
    .agg(F.avg("l_quantity").multiply(0.2).alias("small_qty"));
  return lines
    .join(averages, F.col("l_partkey").eq(F.col("avg_partkey")))
    .filter(F.col("l_quantity").lt(F.col("small_qty")))
    .agg(F.sum("l_extendedprice").divide(7.0).alias("avg_yearly"));
};
