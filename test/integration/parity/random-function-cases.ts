/**
 * Parity cases for the random and partition-dependent builtins (spread into function-cases.ts). The suite
 * selects over the fixture after a global sort, and after that shuffle Spark's adaptive execution sizes the
 * partitions from the shuffle's bytes (one partition for the fixture's four rows) while the engine keeps one
 * per core, so the rows meet the per-partition generators in different partitions. The cases therefore check
 * what does not depend on the partition: types, names, ranges, lengths and permutations (and constant bounds).
 * The values themselves are compared row for row in test/integration/engine/random-and-partitions.test.ts,
 * over inputs whose partitioning both backends share.
 */

import * as F from "../../../generated/functions/index.js";
import { col, lit } from "../../../runtime/api/functions.js";
import type { FunctionCase } from "./function-cases.js";

const inUnitRange = (c: ReturnType<typeof F.rand>) => c.ge(lit(0)).and(c.lt(lit(1)));

export const RANDOM_FUNCTION_CASES: Record<string, FunctionCase> = {
  rand: () => [inUnitRange(F.rand(42)), inUnitRange(F.rand(-7))],
  randn: () => [F.abs(F.randn(42)).lt(lit(50))],
  random: () => [inUnitRange(F.random(3))],
  uniform: () => [
    F.uniform(lit(5), lit(5), lit(42)),
    F.uniform(lit(-2.5), lit(-2.5), lit(1)),
    F.uniform(lit(0), lit(10), lit(42)).between(0, 9),
    F.uniform(lit(-2.5), lit(2), lit(1)).between(-2.5, 2),
  ],
  randstr: () => [F.randstr(lit(6), lit(42)).rlike("^[0-9a-zA-Z]{6}$"), F.length(F.randstr(lit(0), lit(1)))],
  shuffle: () => [F.sort_array(F.shuffle(F.array(col("id"), lit(2), col("i"), lit(9)), lit(5)))],
  monotonically_increasing_id: () => [F.monotonically_increasing_id().ge(lit(0))],
  spark_partition_id: () => [F.spark_partition_id().ge(lit(0))],
  input_file_name: () => [F.input_file_name()],
  input_file_block_start: () => [F.input_file_block_start()],
  input_file_block_length: () => [F.input_file_block_length()],
};
