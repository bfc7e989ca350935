/** Aggregates that fold the group's non-NULL values with one binary operation: bit_and/bit_or/bit_xor, product. */
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import type { Accumulator } from "./accumulator.js";

type Fold = (a: Scalar, b: Scalar) => Scalar;

/** Integers below 64 bits are JS numbers (32-bit operators keep their sign); longs are bigints. */
const BITWISE: Record<string, Fold> = {
  bit_and: (a, b) => (typeof a === "bigint" ? a & (b as bigint) : (a as number) & (b as number)),
  bit_or: (a, b) => (typeof a === "bigint" ? a | (b as bigint) : (a as number) | (b as number)),
  bit_xor: (a, b) => (typeof a === "bigint" ? a ^ (b as bigint) : (a as number) ^ (b as number)),
  product: (a, b) => (a as number) * (b as number),
};

export class ReducingAccumulator implements Accumulator {
  private readonly folded: Scalar[] = [];
  private readonly fold: Fold;
  constructor(private readonly spec: AggregateSpec) {
    const fold = BITWISE[spec.name];
    if (fold === undefined) throw new Error(`internal: ${spec.name} is not a reducing aggregate`);
    this.fold = fold;
  }
  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const v = getScalar(column, i);
      if (v === null) continue;
      const g = groups[i] as number;
      const current = this.folded[g];
      this.folded[g] = current === undefined || current === null ? v : this.fold(current, v);
    }
  }
  merge(groups: Int32Array, states: readonly ColumnVector[]): void {
    this.update(groups, states);
  }
  states(n: number): ColumnVector[] {
    return [this.result(n)];
  }
  result(n: number): ColumnVector {
    return columnFromScalars(
      this.spec.resultType,
      Array.from({ length: n }, (_, g) => this.folded[g] ?? null),
    );
  }
}
