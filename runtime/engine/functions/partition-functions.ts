/**
 * Functions whose value comes from where a row is computed rather than from its columns:
 * monotonically_increasing_id ((partition index << 33) + the row's position in its partition),
 * spark_partition_id, and input_file_name / input_file_block_start / input_file_block_length (the file split
 * a scan is reading, or "" and -1 when the rows do not come straight from a file, as Spark reports them).
 */
import type { ColumnVector } from "../columnar/column-vector.js";
import type { Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type Kernel, type ScalarFunction } from "./function-types.js";
import { partitionState } from "./partition-scope.js";

/** A placeholder argument: the kernel learns the batch length from it (the call shows no arguments). */
const ROWS: Literal = { kind: "literal", value: 0, type: T.INT, nullable: false };

function noArguments(name: string, display: string, type: T.DataType, kernel: Kernel): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      if (args.length > 0) throw new TypeError(`${name} takes no arguments`);
      return call(name, [ROWS], type, display, ctx, false);
    },
    kernel,
  };
}

const rowsOf = (args: readonly ColumnVector[]): number => (args[0] as ColumnVector).length;

const monotonicallyIncreasingId = noArguments(
  "monotonically_increasing_id",
  "monotonically_increasing_id()",
  T.LONG,
  (args, node, ctx) => {
    const length = rowsOf(args);
    const counter = partitionState(ctx.partition, node, (index) => ({ next: BigInt(index) << 33n }));
    const data = new BigInt64Array(length);
    for (let i = 0; i < length; i++) data[i] = counter.next++;
    return { type: T.LONG, length, data, validity: null };
  },
);

const sparkPartitionId = noArguments("spark_partition_id", "SPARK_PARTITION_ID()", T.INT, (args, _node, ctx) => {
  const length = rowsOf(args);
  return { type: T.INT, length, data: new Int32Array(length).fill(ctx.partition?.index ?? 0), validity: null };
});

const inputFileName = noArguments("input_file_name", "input_file_name()", T.STRING, (args, _node, ctx) => {
  const length = rowsOf(args);
  const uri = ctx.partition?.inputFile?.uri ?? "";
  return { type: T.STRING, length, data: new Array<string>(length).fill(uri), validity: null };
});

function blockPosition(name: string, field: "start" | "length"): ScalarFunction {
  return noArguments(name, `${name}()`, T.LONG, (args, _node, ctx) => {
    const length = rowsOf(args);
    const value = BigInt(ctx.partition?.inputFile?.[field] ?? -1);
    return { type: T.LONG, length, data: new BigInt64Array(length).fill(value), validity: null };
  });
}

export const partitionFunctions: Record<string, ScalarFunction> = {
  monotonically_increasing_id: monotonicallyIncreasingId,
  spark_partition_id: sparkPartitionId,
  input_file_name: inputFileName,
  input_file_block_start: blockPosition("input_file_block_start", "start"),
  input_file_block_length: blockPosition("input_file_block_length", "length"),
};
