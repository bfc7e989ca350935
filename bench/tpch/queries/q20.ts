/** Q20 potential part promotion. */
import { functions as F } from "../../../runtime/index.js";
import { date, type TpchQuery } from "./query-kit.js";

export const q20: TpchQuery = (t) => {
  const shipped = t.lineitem
    .filter(
      F.col("l_shipdate")
        .ge(date("1994-01-01"))
        .and(F.col("l_shipdate").lt(date("1995-01-01"))),
    )
    .groupBy("l_partkey", "l_suppkey")
    .agg(F.sum("l_quantity").multiply(0.5).alias("half_qty"));
  const forest = t.part.filter(F.col("p_name").like("forest%")).select("p_partkey");
  const excess = t.partsupp
    .join(forest, F.col("ps_partkey").eq(F.col("p_partkey")), "left_semi")
    .join(
      shipped,
      F.col("ps_partkey")
        .eq(F.col("l_partkey"))
        .and(F.col("ps_suppkey").eq(F.col("l_suppkey"))),
    )
    .filter(F.col("ps_availqty").gt(F.col("half_qty")))
    .select("ps_suppkey");
  return t.supplier
    .join(t.nation.filter(F.col("n_name").eq("CANADA")), F.col("s_nationkey").eq(F.col("n_nationkey")))
    .join(excess, F.col("s_suppkey").eq(F.col("ps_suppkey")), "left_semi")
    .select("s_name", "s_address")
    .orderBy("s_name");
};
