/** What every TPC-H query file shares: the table set, date literals and the discounted-revenue expression. */
import { type Column, type DataFrame, functions as F } from "../../../runtime/index.js";

export const TABLE_NAMES = [
  "region",
  "nation",
  "supplier",
  "part",
  "partsupp",
  "customer",
  "orders",
  "lineitem",
] as const;
export type TableName = (typeof TABLE_NAMES)[number];
export type Tables = Readonly<Record<TableName, DataFrame>>;

/** A TPC-H query as a function of the tables; the returned DataFrame is the answer, already ordered. */
export type TpchQuery = (t: Tables) => DataFrame;

export const date = (iso: string): Column => F.lit(iso).cast("date");

/** l_extendedprice * (1 - l_discount) */
export const discounted = (): Column => F.col("l_extendedprice").multiply(F.lit(1).minus(F.col("l_discount")));

/** Builtins runtime/index.ts does not re-export yet, called by their Spark names. */
export const year = (c: string): Column => F.callFunction("year", c);
export const substring = (c: string, pos: number, len: number): Column =>
  F.callFunction("substring", F.col(c), F.lit(pos), F.lit(len));
