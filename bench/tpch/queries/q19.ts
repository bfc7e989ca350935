/** Q19 discounted revenue. */
import { type Column, functions as F } from "../../../runtime/index.js";
import { discounted, type TpchQuery } from "./query-kit.js";

function bucket(brand: string, containers: string[], minQty: number, maxSize: number): Column {
  return F.col("p_brand")
    .eq(brand)
    .and(F.col("p_container").isin(...containers))
    .and(F.col("l_quantity").between(minQty, minQty + 10))
    .and(F.col("p_size").between(1, maxSize));
}

export const q19: TpchQuery = (t) =>
  t.lineitem
    .filter(F.col("l_shipmode").isin("AIR", "AIR REG").and(F.col("l_shipinstruct").eq("DELIVER IN PERSON")))
    .join(t.part, F.col("l_partkey").eq(F.col("p_partkey")))
    .filter(
      bucket("Brand#12", ["SM CASE", "SM BOX", "SM PACK", "SM PKG"], 1, 5)
        .or(bucket("Brand#23", ["MED BAG", "MED BOX", "MED PKG", "MED PACK"], 10, 10))
        .or(bucket("Brand#34", ["LG CASE", "LG BOX", "LG PACK", "LG PKG"], 20, 15)),
    )
    .agg(F.sum(discounted()).alias("revenue"));
