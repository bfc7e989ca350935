/**
 * The partition id of DataFrame.repartitionById (Spark's DirectShufflePartitionID): an INT expression whose
 * value, taken modulo the partition count (NULL going to 0), is the partition each row is sent to. The
 * expression itself passes its input through; the shuffle partitioner applies the modulo.
 */
import { unresolvedRoutine } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { unexpectedInput } from "./collection-errors.js";
import { call, type ResolveContext, type ScalarFunction } from "./function-types.js";

export const DIRECT_PARTITION_ID = "direct_shuffle_partition_id";

export function directPartitionId(child: Expr, ctx: ResolveContext): Expr {
  const display = `direct_shuffle_partition_id(${displayOf(child)})`;
  if (child.type.kind.case !== "integer") throw unexpectedInput(display, 0, child, '"INT"');
  return call(DIRECT_PARTITION_ID, [child], T.INT, display, ctx, child.nullable);
}

const directPartition: ScalarFunction = {
  // Only repartitionById builds it; the name is not callable from SQL, as in Spark.
  resolve: (_args, _ctx, name) => {
    throw unresolvedRoutine(name);
  },
  kernel: ([input]) => {
    if (input === undefined) throw new TypeError("direct_shuffle_partition_id takes one argument");
    return input;
  },
};

export const directPartitionFunctions: Record<string, ScalarFunction> = { [DIRECT_PARTITION_ID]: directPartition };
