/** Q1 pricing summary report (ship date up to 1998-12-01 minus 90 days). */
import { functions as F } from "../../../runtime/index.js";
import { date, discounted, type TpchQuery } from "./query-kit.js";

export const q01: TpchQuery = (t) =>
  t.lineitem
    .filter(F.col("l_shipdate").le(date("1998-09-02")))
    .groupBy("l_returnflag", "l_linestatus")
    .agg(
      F.sum("l_quantity").alias("sum_qty"),
      F.sum("l_extendedprice").alias("sum_base_price"),
      F.sum(discounted()).alias("sum_disc_price"),
      F.sum(discounted().multiply(F.lit(1).plus(F.col("l_tax")))).alias("sum_charge"),
      F.avg("l_quantity").alias("avg_qty"),
      F.avg("l_extendedprice").alias("avg_price"),
      F.avg("l_discount").alias("avg_disc"),
      F.count("*").alias("count_order"),
    )
    .orderBy("l_returnflag", "l_linestatus");
