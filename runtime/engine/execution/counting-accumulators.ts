/** COUNT and count_if. */
import type { ColumnVector } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { type Accumulator, valid, values } from "./accumulator.js";

export class CountAccumulator implements Accumulator {
  private counts: number[] = [];
  update(groups: Int32Array, args: readonly ColumnVector[]): void {
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as number;
      if (args.every((a) => valid(a, i))) this.counts[g] = (this.counts[g] ?? 0) + 1;
      else this.counts[g] ??= 0;
    }
  }
  merge(groups: Int32Array, [state]: readonly ColumnVector[]): void {
    const v = values(state as ColumnVector);
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as number;
      this.counts[g] = (this.counts[g] ?? 0) + Number(v[i] as bigint);
    }
  }
  private column(n: number): ColumnVector {
    const data = new BigInt64Array(n);
    for (let g = 0; g < n; g++) data[g] = BigInt(this.counts[g] ?? 0);
    return { type: T.LONG, length: n, data, validity: null };
  }
  states(n: number): ColumnVector[] {
    return [this.column(n)];
  }
  result(n: number): ColumnVector {
    return this.column(n);
  }
}

/** count_if: the number of rows where the condition is TRUE. */
export class CountIfAccumulator extends CountAccumulator {
  override update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const flags = column.data as Uint8Array;
    const trueOnly = new Uint8Array(column.length);
    for (let i = 0; i < column.length; i++) trueOnly[i] = valid(column, i) && flags[i] === 1 ? 1 : 0;
    super.update(groups, [{ ...column, validity: trueOnly }]);
  }
}
