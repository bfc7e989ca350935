/** collect_list / collect_set: the group's non-NULL values as an array (set: each value once, first seen kept). */
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { keyOf } from "../columnar/nested-order.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import type { Accumulator } from "./accumulator.js";

export class CollectAccumulator implements Accumulator {
  private readonly lists: Scalar[][] = [];
  private readonly seen: Set<string>[] = [];

  constructor(
    private readonly spec: AggregateSpec,
    private readonly unique: boolean,
  ) {}

  private add(group: number, value: Scalar): void {
    this.lists[group] ??= [];
    const list = this.lists[group];
    if (this.unique) {
      this.seen[group] ??= new Set();
      const seen = this.seen[group];
      const key = keyOf(value);
      if (seen.has(key)) return;
      seen.add(key);
    }
    list.push(value);
  }

  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const value = getScalar(column, i);
      if (value !== null) this.add(groups[i] as number, value);
    }
  }

  merge(groups: Int32Array, [state]: readonly ColumnVector[]): void {
    const column = state as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const partial = getScalar(column, i) as readonly Scalar[] | null;
      for (const value of partial ?? []) this.add(groups[i] as number, value);
    }
  }

  states(n: number): ColumnVector[] {
    return [this.result(n)];
  }

  result(n: number): ColumnVector {
    const out: Scalar[] = [];
    for (let g = 0; g < n; g++) out.push(this.lists[g] ?? []);
    return columnFromScalars(this.spec.resultType, out);
  }
}
