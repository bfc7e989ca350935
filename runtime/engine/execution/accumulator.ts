/**
 * Per-group aggregate state. `update` consumes raw input rows (partial/complete mode), `merge` consumes other
 * tasks' partial states (final mode); `states` and `results` emit columns in group id order.
 */
import type { ColumnVector, Scalar } from "../columnar/column-vector.js";
import type { ExactDecimals } from "./exact-decimal-eval.js";

export interface Accumulator {
  update(groups: Int32Array, args: readonly ColumnVector[]): void;
  /** Optional fast path: the single DECIMAL argument evaluated exactly as doubles (see exact-decimal-eval). */
  updateExact?(groups: Int32Array, values: ExactDecimals): void;
  merge(groups: Int32Array, states: readonly ColumnVector[]): void;
  states(numGroups: number): ColumnVector[];
  result(numGroups: number): ColumnVector;
}

export const valid = (c: ColumnVector, row: number): boolean => c.validity === null || c.validity[row] === 1;
export const values = (c: ColumnVector): ArrayLike<Scalar> => c.data as unknown as ArrayLike<Scalar>;
