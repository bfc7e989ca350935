/** Q22 global sales opportunity. */
import { functions as F } from "../../../runtime/index.js";
import { substring, type TpchQuery } from "./query-kit.js";

const CODES = ["13", "31", "23", "29", "30", "18", "17"];

export const q22: TpchQuery = (t) => {
  const candidates = t.customer
    .select("c_custkey", "c_acctbal", substring("c_phone", 1, 2).alias("cntrycode"))
    .filter(F.col("cntrycode").isin(...CODES));
  const average = candidates.filter(F.col("c_acctbal").gt(0)).agg(F.avg("c_acctbal").alias("avg_acctbal"));
  return candidates
    .crossJoin(average)
    .filter(F.col("c_acctbal").gt(F.col("avg_acctbal")))
    .join(t.orders, F.col("c_custkey").eq(F.col("o_custkey")), "left_anti")
    .groupBy("cntrycode")
    .agg(F.count("*").alias("numcust"), F.sum("c_acctbal").alias("totacctbal"))
    .orderBy("cntrycode");
};
