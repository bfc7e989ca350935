/** Q6 forecasting revenue change. */
import { functions as F } from "../../../runtime/index.js";
import { date, type TpchQuery } from "./query-kit.js";

export const q06: TpchQuery = (t) =>
  t.lineitem
    .filter(
      F.col("l_shipdate")
        .ge(date("1994-01-01"))
        .and(F.col("l_shipdate").lt(date("1995-01-01")))
        .and(F.col("l_discount").between(0.05, 0.07))
        .and(F.col("l_quantity").lt(24)),
    )
    .agg(F.sum(F.col("l_extendedprice").multiply(F.col("l_discount"))).alias("revenue"));
