/**
 * Cases for the higher-order builtins (lambdas over array elements and map entries), spread into FUNCTION_CASES.
 * The nested inputs are built from the fixture's flat columns so they hold NULL elements, empty and NULL values.
 */
import * as F from "../../../generated/functions/index.js";
import { col, lit } from "../../../runtime/api/functions.js";
import type { FunctionCase } from "./function-cases.js";

const i = () => col("i");
const id = () => col("id");
/** [5,2,5,1], [], [NULL,2,NULL,3], NULL by id. */
const arr = () =>
  F.when(id().eq(2), F.array_remove(F.array(lit(2)), lit(2))).when(id().lt(4), F.array(i(), lit(2), i(), id()));
/** [s, "b", NULL]. */
const sarr = () => F.array(col("s"), lit("b"), lit(null).cast("string"));
/** {k: i, z: NULL, b: 1}, NULL for id 4. */
const m = () => F.when(id().lt(4), F.create_map(lit("k"), i(), lit("z"), lit(null).cast("int"), lit("b"), lit(1)));
/** A comparator that never returns NULL: NULL elements order as 0. */
const descending = (x: ReturnType<typeof col>, y: ReturnType<typeof col>) =>
  F.coalesce(y, lit(0)).minus(F.coalesce(x, lit(0)));

export const LAMBDA_FUNCTION_CASES: Record<string, FunctionCase> = {
  transform: () => [
    F.transform(arr(), (x) => x.plus(i())),
    F.transform(sarr(), (x, k) => F.concat(x, k.cast("string"))),
    // An inner lambda reading the outer one's variable and an outer column.
    F.transform(arr(), (x) => F.aggregate(arr(), x, (acc, y) => acc.plus(y).plus(i()))),
  ],
  filter: () => [F.filter(arr(), (x) => x.gt(0)), F.filter(sarr(), (_x, k) => k.ge(1))],
  exists: () => [F.exists(arr(), (x) => x.gt(2)), F.exists(arr(), (x) => x.lt(i()))],
  forall: () => [F.forall(arr(), (x) => x.ge(1)), F.forall(sarr(), (x) => x.isNotNull())],
  aggregate: () => [
    F.aggregate(arr(), lit(0), (acc, x) => acc.plus(F.coalesce(x, lit(10)))),
    F.aggregate(
      arr(),
      lit(0).cast("bigint"),
      (acc, x) => acc.plus(x),
      (acc) => acc.multiply(i()),
    ),
    F.aggregate(sarr(), lit(""), (acc, x) => F.concat(acc, x)),
  ],
  reduce: () => [
    F.reduce(
      arr(),
      lit(1.5),
      (acc, x) => acc.plus(x),
      (acc) => acc.divide(2),
    ),
  ],
  zip_with: () => [
    F.zip_with(arr(), sarr(), (x, y) => F.concat(x.cast("string"), y)),
    F.zip_with(arr(), arr(), (x, y) => x.multiply(y).plus(i())),
  ],
  map_filter: () => [F.map_filter(m(), (k, v) => v.gt(1).or(k.eq(lit("z"))))],
  transform_keys: () => [
    F.transform_keys(m(), (k, _v) => F.upper(k)),
    F.transform_keys(m(), (k, _v) => F.concat(k, F.coalesce(col("s"), lit("-")))),
  ],
  transform_values: () => [
    F.transform_values(m(), (k, v) => F.concat(k, v.cast("string"))),
    F.transform_values(m(), (_k, v) => v.plus(i())),
  ],
  map_zip_with: () => [
    F.map_zip_with(m(), F.create_map(lit("b"), col("d"), lit("c"), lit(1.0)), (_k, a, b) =>
      F.coalesce(a, lit(0)).plus(b),
    ),
  ],
  array_sort: () => [
    F.array_sort(arr()),
    F.array_sort(sarr()),
    F.array_sort(arr(), descending),
    F.array_sort(sarr(), (x, y) => F.coalesce(F.length(x), lit(-1)).minus(F.coalesce(F.length(y), lit(-1)))),
  ],
};
