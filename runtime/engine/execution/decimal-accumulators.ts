/**
 * SUM and AVG over DECIMAL: exact sums of unscaled values (see ExactSums: doubles while exact, BigInt beyond),
 * range-checked against the result type at the end, AVG divided HALF_UP to its result scale.
 */
import { type ColumnVector, columnFromScalars } from "../columnar/column-vector.js";
import { compactDecimalColumn } from "../columnar/compact-decimals.js";
import { divideHalfUp, fitsPrecision, outOfRange, rescale } from "../functions/decimal-math.js";
import { exactLimit } from "../functions/exact-decimal-arithmetic.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { type Accumulator, valid } from "./accumulator.js";
import type { ExactDecimals } from "./exact-decimal-eval.js";
import { ExactSums } from "./exact-sums.js";

function addColumn(sums: ExactSums, groups: Int32Array, column: ColumnVector): void {
  const v = column.data as unknown as ArrayLike<bigint>;
  for (let i = 0; i < groups.length; i++) if (valid(column, i)) sums.addBigint(groups[i] as number, v[i] as bigint);
}

function addExact(sums: ExactSums, groups: Int32Array, { values, validity }: ExactDecimals): void {
  sums.addNumbers(groups, values, validity);
}

export class DecimalSumAccumulator implements Accumulator {
  private readonly sums = new ExactSums();
  constructor(private readonly spec: AggregateSpec) {}
  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    addColumn(this.sums, groups, arg as ColumnVector);
  }
  updateExact(groups: Int32Array, values: ExactDecimals): void {
    addExact(this.sums, groups, values);
  }
  merge(groups: Int32Array, [state]: readonly ColumnVector[]): void {
    addColumn(this.sums, groups, state as ColumnVector);
  }
  states(n: number): ColumnVector[] {
    return [this.result(n)];
  }
  result(n: number): ColumnVector {
    const type = this.spec.resultType;
    const exact = this.sums.exactTotals(n, exactLimit(type));
    if (exact !== undefined) return compactDecimalColumn(type, exact.values, exact.validity);
    const shape = T.decimalParts(type);
    const totals = Array.from({ length: n }, (_, g) => {
      const total = this.sums.total(g);
      if (total === null || fitsPrecision(total, shape.precision)) return total;
      if (this.spec.ansi) throw outOfRange(total, shape);
      return null;
    });
    return columnFromScalars(type, totals);
  }
}

export class DecimalAvgAccumulator implements Accumulator {
  private readonly sums = new ExactSums();
  private counts = new Float64Array(64);
  constructor(private readonly spec: AggregateSpec) {}
  private countRows(groups: Int32Array, validity: Uint8Array | null, weights?: ArrayLike<bigint>): void {
    let maxGroup = -1;
    for (let i = 0; i < groups.length; i++) if ((groups[i] as number) > maxGroup) maxGroup = groups[i] as number;
    if (maxGroup >= this.counts.length) {
      const grown = new Float64Array(Math.max(maxGroup + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    const counts = this.counts;
    if (weights !== undefined) {
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i] as number;
        counts[g] = (counts[g] as number) + Number(weights[i]);
      }
    } else {
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i] as number;
        if (validity === null || validity[i] === 1) counts[g] = (counts[g] as number) + 1;
      }
    }
  }
  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    addColumn(this.sums, groups, column);
    this.countRows(groups, column.validity);
  }
  updateExact(groups: Int32Array, values: ExactDecimals): void {
    addExact(this.sums, groups, values);
    this.countRows(groups, values.validity);
  }
  merge(groups: Int32Array, [sums, counts]: readonly ColumnVector[]): void {
    addColumn(this.sums, groups, sums as ColumnVector);
    this.countRows(groups, null, (counts as ColumnVector).data as BigInt64Array);
  }
  private count(g: number): number {
    return g < this.counts.length ? (this.counts[g] as number) : 0;
  }
  states(n: number): ColumnVector[] {
    const { precision, scale } = T.decimalParts(this.spec.inputType);
    return [
      columnFromScalars(
        T.decimalType(Math.min(38, precision + 10), scale),
        Array.from({ length: n }, (_, g) => this.sums.total(g)),
      ),
      columnFromScalars(
        T.LONG,
        Array.from({ length: n }, (_, g) => BigInt(this.count(g))),
      ),
    ];
  }
  result(n: number): ColumnVector {
    const inScale = T.decimalParts(this.spec.inputType).scale;
    const out = T.decimalParts(this.spec.resultType);
    const averages = Array.from({ length: n }, (_, g) => {
      const count = this.count(g);
      if (count === 0) return null;
      return divideHalfUp(rescale(this.sums.total(g) ?? 0n, inScale, out.scale), BigInt(count));
    });
    return columnFromScalars(this.spec.resultType, averages);
  }
}
