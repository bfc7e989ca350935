/**
 * Cases for the array and map builders (array_insert, array_repeat, get, arrays_overlap, sequence, map_concat,
 * map_from_entries, str_to_map), spread into FUNCTION_CASES. Inputs come from the fixture's flat columns.
 */
import * as F from "../../../generated/functions/index.js";
import { col, lit } from "../../../runtime/api/functions.js";
import type { FunctionCase } from "./function-cases.js";

const i = () => col("i");
const s = () => col("s");
const dt = () => col("dt");
/** [i, 2, i]: NULL elements where i is NULL. */
const nums = () => F.array(i(), lit(2), i());

export const COLLECTION_FUNCTION_CASES: Record<string, FunctionCase> = {
  array_insert: () => [
    F.array_insert(nums(), 2, 9),
    F.array_insert(nums(), -1, 7),
    F.array_insert(nums(), 6, 9),
    F.array_insert(nums(), -6, 9),
    F.array_insert(nums(), col("id"), 1.5),
  ],
  array_repeat: () => [F.array_repeat(s(), 3), F.array_repeat(i(), i())],
  arrays_overlap: () => [
    F.arrays_overlap(nums(), F.array(lit(5))),
    F.arrays_overlap(nums(), F.array(lit(7))),
    F.arrays_overlap(F.array(col("id")), F.array(i(), lit(1.5))),
  ],
  get: () => [F.get(nums(), 0), F.get(nums(), i()), F.get(nums(), -1)],
  sequence: () => [
    F.sequence(lit(1), i()),
    F.sequence(lit(1), lit(10), lit(3)),
    F.sequence(i().cast("bigint"), lit(0).cast("bigint")),
    F.sequence(dt(), F.date_add(dt(), 3)),
    F.sequence(dt(), F.date_sub(dt(), 2)),
    F.sequence(lit(1).cast("tinyint"), i().cast("smallint")),
  ],
  map_concat: () => [
    F.map_concat(F.create_map(lit("a"), i()), F.create_map(lit("b"), lit(2.5))),
    F.map_concat(F.create_map(F.coalesce(s(), lit("none")), lit(1)), F.create_map(lit("x"), i())),
    F.map_concat(),
  ],
  map_from_entries: () => [
    F.map_from_entries(
      F.array(F.struct(lit("a").alias("k"), i().alias("v")), F.struct(lit("b").alias("k"), lit(2).alias("v"))),
    ),
    F.map_from_entries(F.array(F.struct(F.coalesce(s(), lit("none")), col("d")))),
  ],
  str_to_map: () => [
    F.str_to_map(lit("a:1,b:2")),
    F.str_to_map(s(), lit(";"), lit("=")),
    F.str_to_map(F.concat(s(), lit("=1;x;;y=")), lit(";+"), lit("=")),
  ],
};
