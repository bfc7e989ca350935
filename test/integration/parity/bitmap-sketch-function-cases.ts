/**
 * Parity cases for the bitmap builtins, histogram_numeric, count_min_sketch and the DataSketches HLL functions (spread into function-cases.ts, so
 * parallel additions merge cleanly). Bitmaps and sketches are compared byte for byte; multi-partition and skewed
 * inputs are in sketch-aggregates-on-both.test.ts.
 */

import * as F from "../../../generated/functions/index.js";
import { col, lit } from "../../../runtime/api/functions.js";
import type { FunctionCase } from "./function-cases.js";

const i = () => col("i");
const d = () => col("d");
const s = () => col("s");
const bytes = () => s().cast("binary");

/** DataSketches HLL images Spark 4.1.1 produced: 12 values at lgConfigK 12 (SET mode), 5 at lgConfigK 10 (LIST). */
const SET_SKETCH =
  "0301070C050000090C0000000000000081BC5D0600000000000000000000000000000000862FF90D00000000000000000000000000000000" +
  "CBD7C20400000000B05B46120000000000000000C1E9170500000000D21673070000000034A2610E75816607F671F2060000000000000000" +
  "00000000FC2D420A7B65E6082BF2FB06000000000000000000000000";
const LIST_SKETCH_LG_K_10 = "0201070A03000508CBD7C204C1E917057C74B907C4B59F0735A93104000000000000000000000000";
const sketch = (hex: string) => F.unhex(lit(hex));

/** Row-wise functions, each selected over the fixture ordered by id. */
export const BITMAP_FUNCTION_CASES: Record<string, FunctionCase> = {
  // Positive values count from bucket 1, zero and negatives down from bucket 0; strings and doubles cast to BIGINT.
  bitmap_bit_position: () => [
    F.bitmap_bit_position(i()),
    F.bitmap_bit_position(col("id").multiply(lit(40000))),
    F.bitmap_bit_position(i().multiply(lit(-13107))),
    F.bitmap_bit_position(lit("32769")),
    F.bitmap_bit_position(d()),
  ],
  bitmap_bucket_number: () => [
    F.bitmap_bucket_number(i()),
    F.bitmap_bucket_number(col("id").multiply(lit(40000))),
    F.bitmap_bucket_number(i().multiply(lit(-13107))),
    F.bitmap_bucket_number(lit(-9223372036854775808n)),
  ],
  bitmap_count: () => [
    F.bitmap_count(bytes()),
    F.bitmap_count(F.unhex(lit("FF0F"))),
    F.bitmap_count(lit(null).cast("binary")),
  ],
  hll_sketch_estimate: () => [
    F.hll_sketch_estimate(sketch(SET_SKETCH)),
    F.hll_sketch_estimate(F.when(i().gt(lit(0)), sketch(LIST_SKETCH_LG_K_10))),
  ],
  // The union is sized to the smaller lgConfigK; a SET image is adopted whole by an empty union of its size.
  hll_union: () => [
    F.hll_union(sketch(SET_SKETCH), F.when(i().isNotNull(), sketch(SET_SKETCH))),
    F.hll_union(sketch(LIST_SKETCH_LG_K_10), sketch(SET_SKETCH), true),
    F.hll_sketch_estimate(F.hll_union(sketch(SET_SKETCH), sketch(LIST_SKETCH_LG_K_10), true)),
  ],
};

/** Aggregates, each evaluated as one global aggregation over the fixture. */
export const BITMAP_SKETCH_AGGREGATE_CASES: Record<string, FunctionCase> = {
  bitmap_construct_agg: () => [
    F.bitmap_construct_agg(F.bitmap_bit_position(i())),
    F.bitmap_count(F.bitmap_construct_agg(F.bitmap_bit_position(col("id").multiply(lit(1000))))),
  ],
  // Inputs shorter than 4096 bytes fold over their own length; AND clears the bytes past a short input.
  bitmap_or_agg: () => [F.bitmap_or_agg(bytes()), F.bitmap_or_agg(lit(null).cast("binary"))],
  bitmap_and_agg: () => [
    F.bitmap_and_agg(bytes()),
    F.bitmap_and_agg(F.unhex(F.concat(lit("FFFF"), F.hex(bytes())))),
    F.bitmap_and_agg(lit(null).cast("binary")),
  ],
  // Bin centres come back in the input's type (truncated for integral, date and timestamp inputs).
  histogram_numeric: () => [
    F.histogram_numeric(d(), lit(2)),
    F.histogram_numeric(i(), lit(3)),
    F.histogram_numeric(col("dec"), lit(2)),
    F.histogram_numeric(col("dt"), lit(2)),
    F.histogram_numeric(col("ts"), lit(5)),
    F.histogram_numeric(lit(null), lit(2)),
  ],
  // Ints and longs hash as longs, strings by their UTF-8 bytes (empty ones skipped); the images are byte-exact.
  hll_sketch_agg: () => [
    F.hll_sketch_agg(i()),
    F.hll_sketch_agg(s(), 4),
    F.hll_sketch_agg(bytes(), lit(21)),
    F.hll_sketch_agg(F.when(i().isNull(), lit("")).otherwise(s())),
    F.hll_sketch_estimate(F.hll_sketch_agg(col("id").cast("bigint"))),
  ],
  hll_union_agg: () => [
    F.hll_union_agg(F.when(i().gt(lit(0)), sketch(SET_SKETCH)).otherwise(sketch(LIST_SKETCH_LG_K_10)), true),
    F.hll_union_agg(F.when(i().isNotNull(), sketch(SET_SKETCH))),
    F.hll_sketch_estimate(F.hll_union_agg(F.when(d().gt(lit(0)), sketch(LIST_SKETCH_LG_K_10)))),
  ],
  // Integral values take the linear hashes, strings and byte strings the Murmur3 pair.
  count_min_sketch: () => [
    F.count_min_sketch(i(), 0.5, 0.5, 42),
    F.count_min_sketch(s(), 0.1, 0.95, 7),
    F.count_min_sketch(bytes(), 0.3, 0.9, lit(-5)),
    F.count_min_sketch(col("id").cast("bigint"), 0.25, 0.75, lit(4294967297n)),
  ],
};
