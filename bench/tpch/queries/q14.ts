/** Q14 promotion effect. */
import { functions as F } from "../../../runtime/index.js";
import { date, discounted, type TpchQuery } from "./query-kit.js";

export const q14: TpchQuery = (t) =>
  t.lineitem
    .filter(
      F.col("l_shipdate")
        .ge(date("1995-09-01"))
        .and(F.col("l_shipdate").lt(date("1995-10-01"))),
    )
    .join(t.part, F.col("l_partkey").eq(F.col("p_partkey")))
    .agg(
      F.lit(100.0)
        .multiply(F.sum(F.when(F.col("p_type").like("PROMO%"), discounted()).otherwise(0)))
        .divide(F.sum(discounted()))
        .alias("promo_revenue"),
    );
