/**
 * What a partition-dependent expression (rand, monotonically_increasing_id, spark_partition_id, input_file_name)
 * sees of the partition it runs in. Spark initialises such an expression once per partition with the partition
 * index and lets it keep state (a seeded generator, a row counter) across all of that partition's rows; the
 * engine gives each operator run over one partition a scope holding the index and that state, keyed by the call.
 */
import type { Call } from "../logical/expressions.js";

/** The file split a scan is reading, as Spark's InputFileBlockHolder reports it. */
export interface InputFileBlock {
  /** The file's URI (`file:///...`). */
  readonly uri: string;
  readonly start: number;
  readonly length: number;
}

export interface PartitionScope {
  readonly index: number;
  /** The file the rows being evaluated come from, when the operator reads straight from a file scan. */
  inputFile: InputFileBlock | null;
  readonly states: Map<Call, unknown>;
}

export function partitionScope(index: number): PartitionScope {
  return { index, inputFile: null, states: new Map() };
}

/**
 * The state `call` keeps in the current partition, made on first use. Outside any partition (constant folding,
 * evaluation on the driver) the whole input is one stream of partition 0, as Spark's driver-side evaluation is.
 */
export function partitionState<S>(
  scope: PartitionScope | undefined,
  call: Call,
  create: (partitionIndex: number) => S,
): S {
  if (scope === undefined) return create(0);
  const existing = scope.states.get(call);
  if (existing !== undefined) return existing as S;
  const made = create(scope.index);
  scope.states.set(call, made);
  return made;
}
