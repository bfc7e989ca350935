/** Q12 shipping modes and order priority. */
import { functions as F } from "../../../runtime/index.js";
import { date, type TpchQuery } from "./query-kit.js";

export const q12: TpchQuery = (t) => {
  const urgent = F.col("o_orderpriority").isin("1-URGENT", "2-HIGH");
  return t.lineitem
    .filter(
      F.col("l_shipmode")
        .isin("MAIL", "SHIP")
        .and(F.col("l_commitdate").lt(F.col("l_receiptdate")))
        .and(F.col("l_shipdate").lt(F.col("l_commitdate")))
        .and(F.col("l_receiptdate").ge(date("1994-01-01")))
        .and(F.col("l_receiptdate").lt(date("1995-01-01"))),
    )
    .join(t.orders, F.col("o_orderkey").eq(F.col("l_orderkey")))
    .groupBy("l_shipmode")
    .agg(
      F.sum(F.when(urgent, 1).otherwise(0)).alias("high_line_count"),
      F.sum(F.when(urgent, 0).otherwise(1)).alias("low_line_count"),
    )
    .orderBy("l_shipmode");
};
