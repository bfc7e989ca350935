/** Q4 order priority checking. */
import { functions as F } from "../../../runtime/index.js";
import { date, type TpchQuery } from "./query-kit.js";

export const q04: TpchQuery = (t) => {
  const late = t.lineitem.filter(F.col("l_commitdate").lt(F.col("l_receiptdate"))).select("l_orderkey");
  return t.orders
    .filter(
      F.col("o_orderdate")
        .ge(date("1993-07-01"))
        .and(F.col("o_orderdate").lt(date("1993-10-01"))),
    )
    .join(late, F.col("o_orderkey").eq(F.col("l_orderkey")), "left_semi")
    .groupBy("o_orderpriority")
    .agg(F.count("*").alias("order_count"))
    .orderBy("o_orderpriority");
};
