/** SUM and AVG over integers, doubles and decimals, and the variance / standard deviation family. */
import { type ColumnVector, columnFromScalars, type Scalar } from "../columnar/column-vector.js";
import { arithmeticOverflow } from "../errors.js";
import { fitsPrecision, outOfRange } from "../functions/decimal-math.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { type Accumulator, valid, values } from "./accumulator.js";

const asBigint = (v: Scalar): bigint => (typeof v === "bigint" ? v : BigInt(v as number));

/**
 * SUM over longs (exact, ANSI overflow error) or doubles; NULL for a group without non-null input. try_sum gives
 * NULL instead of any overflow error: a group that overflowed once stays NULL (its state says so across shuffles).
 */
export class SumAccumulator implements Accumulator {
  private sums: (number | bigint | undefined)[] = [];
  private overflowed: boolean[] = [];
  private readonly tolerant: boolean;
  constructor(private readonly spec: AggregateSpec) {
    this.tolerant = spec.name === "try_sum";
  }
  private add(g: number, v: Scalar): void {
    if (this.overflowed[g]) return;
    if (this.spec.resultType.kind.case === "decimal") {
      this.sums[g] = ((this.sums[g] as bigint | undefined) ?? 0n) + (v as bigint);
    } else if (this.spec.resultType.kind.case === "long") {
      const next = ((this.sums[g] as bigint | undefined) ?? 0n) + asBigint(v);
      if (BigInt.asIntN(64, next) !== next) {
        if (this.tolerant) this.overflowed[g] = true;
        else if (this.spec.ansi)
          throw arithmeticOverflow("long overflow", " Use 'try_sum' to tolerate overflow and return NULL instead.");
        this.sums[g] = BigInt.asIntN(64, next);
      } else this.sums[g] = next;
    } else {
      this.sums[g] = ((this.sums[g] as number | undefined) ?? 0) + Number(v);
    }
  }
  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const v = values(column);
    for (let i = 0; i < groups.length; i++) if (valid(column, i)) this.add(groups[i] as number, v[i] as Scalar);
  }
  merge(groups: Int32Array, [sums, overflowed]: readonly ColumnVector[]): void {
    this.update(groups, [sums as ColumnVector]);
    if (overflowed === undefined) return;
    const flags = values(overflowed);
    for (let i = 0; i < groups.length; i++) if (flags[i] === 1) this.overflowed[groups[i] as number] = true;
  }
  states(n: number): ColumnVector[] {
    if (!this.tolerant) return [this.result(n)];
    return [
      this.result(n),
      columnFromScalars(
        T.BOOLEAN,
        Array.from({ length: n }, (_, g) => this.overflowed[g] === true),
      ),
    ];
  }
  result(n: number): ColumnVector {
    const type = this.spec.resultType;
    if (type.kind.case === "decimal") {
      const shape = T.decimalParts(type);
      const checked = (s: bigint | undefined, g: number): bigint | null => {
        if (this.overflowed[g]) return null;
        if (s === undefined || fitsPrecision(s, shape.precision)) return s ?? null;
        if (this.spec.ansi && !this.tolerant) throw outOfRange(s, shape);
        return null;
      };
      return columnFromScalars(
        type,
        Array.from({ length: n }, (_, g) => checked(this.sums[g] as bigint | undefined, g)),
      );
    }
    return columnFromScalars(
      type,
      Array.from({ length: n }, (_, g) => (this.overflowed[g] ? null : (this.sums[g] ?? null))),
    );
  }
}

export class AvgAccumulator implements Accumulator {
  private sums: number[] = [];
  private counts: number[] = [];
  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const v = values(column);
    for (let i = 0; i < groups.length; i++) {
      if (!valid(column, i)) continue;
      const g = groups[i] as number;
      this.sums[g] = (this.sums[g] ?? 0) + Number(v[i]);
      this.counts[g] = (this.counts[g] ?? 0) + 1;
    }
  }
  merge(groups: Int32Array, [sums, counts]: readonly ColumnVector[]): void {
    const s = values(sums as ColumnVector);
    const c = values(counts as ColumnVector);
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as number;
      if (valid(sums as ColumnVector, i)) this.sums[g] = (this.sums[g] ?? 0) + (s[i] as number);
      this.counts[g] = (this.counts[g] ?? 0) + Number(c[i] as bigint);
    }
  }
  states(n: number): ColumnVector[] {
    return [
      columnFromScalars(
        T.DOUBLE,
        Array.from({ length: n }, (_, g) => this.sums[g] ?? null),
      ),
      columnFromScalars(
        T.LONG,
        Array.from({ length: n }, (_, g) => BigInt(this.counts[g] ?? 0)),
      ),
    ];
  }
  result(n: number): ColumnVector {
    return columnFromScalars(
      T.DOUBLE,
      Array.from({ length: n }, (_, g) =>
        (this.counts[g] ?? 0) === 0 ? null : (this.sums[g] as number) / (this.counts[g] as number),
      ),
    );
  }
}

/**
 * Variance and standard deviation from running count, mean and M2 (Welford), merged across partitions with
 * Chan's formula, as Spark's CentralMomentAgg. Sample statistics of a single value are NULL.
 */
export class MomentsAccumulator implements Accumulator {
  private n: number[] = [];
  private mean: number[] = [];
  private m2: number[] = [];
  constructor(private readonly spec: AggregateSpec) {}
  private combine(g: number, n2: number, mean2: number, m22: number): void {
    const n1 = this.n[g] ?? 0;
    if (n2 === 0) {
      this.n[g] = n1;
      this.mean[g] ??= 0;
      this.m2[g] ??= 0;
      return;
    }
    const mean1 = this.mean[g] ?? 0;
    const n = n1 + n2;
    const delta = mean2 - mean1;
    const deltaN = delta / n;
    this.mean[g] = mean1 + deltaN * n2;
    this.m2[g] = (this.m2[g] ?? 0) + m22 + delta * deltaN * n1 * n2;
    this.n[g] = n;
  }
  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const v = column.data as Float64Array;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as number;
      if (!valid(column, i)) {
        this.combine(g, 0, 0, 0);
        continue;
      }
      const n = (this.n[g] ?? 0) + 1;
      const mean = this.mean[g] ?? 0;
      const delta = (v[i] as number) - mean;
      const deltaN = delta / n;
      this.mean[g] = mean + deltaN;
      this.m2[g] = (this.m2[g] ?? 0) + delta * (delta - deltaN);
      this.n[g] = n;
    }
  }
  merge(groups: Int32Array, [n, mean, m2]: readonly ColumnVector[]): void {
    const ns = (n as ColumnVector).data as Float64Array;
    const means = (mean as ColumnVector).data as Float64Array;
    const m2s = (m2 as ColumnVector).data as Float64Array;
    for (let i = 0; i < groups.length; i++)
      this.combine(groups[i] as number, ns[i] as number, means[i] as number, m2s[i] as number);
  }
  states(count: number): ColumnVector[] {
    const column = (values: number[]) =>
      columnFromScalars(
        T.DOUBLE,
        Array.from({ length: count }, (_, g) => values[g] ?? 0),
      );
    return [column(this.n), column(this.mean), column(this.m2)];
  }
  result(count: number): ColumnVector {
    const sample = this.spec.name === "var_samp" || this.spec.name === "stddev_samp";
    const root = this.spec.name === "stddev_samp" || this.spec.name === "stddev_pop";
    return columnFromScalars(
      T.DOUBLE,
      Array.from({ length: count }, (_, g) => {
        const n = this.n[g] ?? 0;
        if (n === 0 || (sample && n === 1)) return null;
        const variance = (this.m2[g] ?? 0) / (sample ? n - 1 : n);
        return root ? Math.sqrt(variance) : variance;
      }),
    );
  }
}
