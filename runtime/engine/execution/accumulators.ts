/**
 * Per-group aggregate state. `update` consumes raw input rows (partial/complete mode), `merge` consumes other
 * tasks' partial states (final mode); `states` and `results` emit columns in group id order.
 */
import { type ColumnVector, columnFromScalars, type Scalar } from "../columnar/column-vector.js";
import { comparatorFor } from "../columnar/value-order.js";
import { arithmeticOverflow } from "../errors.js";
import { divideHalfUp, fitsPrecision, outOfRange, rescale } from "../functions/decimal-math.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";

export interface Accumulator {
  update(groups: Int32Array, args: readonly ColumnVector[]): void;
  merge(groups: Int32Array, states: readonly ColumnVector[]): void;
  states(numGroups: number): ColumnVector[];
  result(numGroups: number): ColumnVector;
}

const valid = (c: ColumnVector, row: number): boolean => c.validity === null || c.validity[row] === 1;
const values = (c: ColumnVector): ArrayLike<Scalar> => c.data as unknown as ArrayLike<Scalar>;
const asBigint = (v: Scalar): bigint => (typeof v === "bigint" ? v : BigInt(v as number));

class CountAccumulator implements Accumulator {
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

/** SUM over longs (exact, ANSI overflow error) or doubles; NULL for a group without non-null input. */
class SumAccumulator implements Accumulator {
  private sums: (number | bigint | undefined)[] = [];
  constructor(private readonly spec: AggregateSpec) {}
  private add(g: number, v: Scalar): void {
    if (this.spec.resultType.kind.case === "decimal") {
      this.sums[g] = ((this.sums[g] as bigint | undefined) ?? 0n) + (v as bigint);
    } else if (this.spec.resultType.kind.case === "long") {
      const next = ((this.sums[g] as bigint | undefined) ?? 0n) + asBigint(v);
      if (BigInt.asIntN(64, next) !== next) {
        if (this.spec.ansi)
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
  merge(groups: Int32Array, states: readonly ColumnVector[]): void {
    this.update(groups, states);
  }
  states(n: number): ColumnVector[] {
    return [this.result(n)];
  }
  result(n: number): ColumnVector {
    const type = this.spec.resultType;
    if (type.kind.case === "decimal") {
      const shape = T.decimalParts(type);
      const checked = (s: bigint | undefined): bigint | null => {
        if (s === undefined || fitsPrecision(s, shape.precision)) return s ?? null;
        if (this.spec.ansi) throw outOfRange(s, shape);
        return null;
      };
      return columnFromScalars(
        type,
        Array.from({ length: n }, (_, g) => checked(this.sums[g] as bigint | undefined)),
      );
    }
    return columnFromScalars(
      type,
      Array.from({ length: n }, (_, g) => this.sums[g] ?? null),
    );
  }
}

/** AVG over DECIMAL: exact sum of unscaled values, divided HALF_UP at the end to the result scale. */
class DecimalAvgAccumulator implements Accumulator {
  private sums: bigint[] = [];
  private counts: number[] = [];
  constructor(private readonly spec: AggregateSpec) {}
  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const v = values(column);
    for (let i = 0; i < groups.length; i++) {
      if (!valid(column, i)) continue;
      const g = groups[i] as number;
      this.sums[g] = (this.sums[g] ?? 0n) + (v[i] as bigint);
      this.counts[g] = (this.counts[g] ?? 0) + 1;
    }
  }
  merge(groups: Int32Array, [sums, counts]: readonly ColumnVector[]): void {
    const s = values(sums as ColumnVector);
    const c = values(counts as ColumnVector);
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as number;
      if (valid(sums as ColumnVector, i)) this.sums[g] = (this.sums[g] ?? 0n) + (s[i] as bigint);
      this.counts[g] = (this.counts[g] ?? 0) + Number(c[i] as bigint);
    }
  }
  states(n: number): ColumnVector[] {
    const { precision, scale } = T.decimalParts(this.spec.inputType);
    return [
      columnFromScalars(
        T.decimalType(Math.min(38, precision + 10), scale),
        Array.from({ length: n }, (_, g) => this.sums[g] ?? null),
      ),
      columnFromScalars(
        T.LONG,
        Array.from({ length: n }, (_, g) => BigInt(this.counts[g] ?? 0)),
      ),
    ];
  }
  result(n: number): ColumnVector {
    const inScale = T.decimalParts(this.spec.inputType).scale;
    const out = T.decimalParts(this.spec.resultType);
    const averages = Array.from({ length: n }, (_, g) => {
      const count = this.counts[g] ?? 0;
      if (count === 0) return null;
      return divideHalfUp(rescale(this.sums[g] ?? 0n, inScale, out.scale), BigInt(count));
    });
    return columnFromScalars(this.spec.resultType, averages);
  }
}

class AvgAccumulator implements Accumulator {
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

class MinMaxAccumulator implements Accumulator {
  private best: Scalar[] = [];
  private readonly compare;
  constructor(
    private readonly spec: AggregateSpec,
    private readonly isMax: boolean,
  ) {
    this.compare = comparatorFor(spec.inputType);
  }
  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const v = values(column);
    for (let i = 0; i < groups.length; i++) {
      if (!valid(column, i)) continue;
      const g = groups[i] as number;
      const current = this.best[g];
      const candidate = v[i] as Scalar;
      if (current === undefined || current === null) this.best[g] = candidate;
      else {
        const order = this.compare(candidate, current);
        if (this.isMax ? order > 0 : order < 0) this.best[g] = candidate;
      }
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
      this.spec.inputType,
      Array.from({ length: n }, (_, g) => this.best[g] ?? null),
    );
  }
}

/** first/last keep NULLs (ignoreNulls = false): the first row seen wins, whatever its value. */
class FirstLastAccumulator implements Accumulator {
  private value: Scalar[] = [];
  private seen: boolean[] = [];
  constructor(
    private readonly spec: AggregateSpec,
    private readonly isLast: boolean,
  ) {}
  private offer(g: number, v: Scalar): void {
    if (this.isLast || !this.seen[g]) {
      this.value[g] = v;
      this.seen[g] = true;
    }
  }
  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const v = values(column);
    for (let i = 0; i < groups.length; i++) this.offer(groups[i] as number, valid(column, i) ? (v[i] as Scalar) : null);
  }
  merge(groups: Int32Array, [value, seen]: readonly ColumnVector[]): void {
    const v = values(value as ColumnVector);
    const s = values(seen as ColumnVector);
    for (let i = 0; i < groups.length; i++)
      if (s[i] === 1) this.offer(groups[i] as number, valid(value as ColumnVector, i) ? (v[i] as Scalar) : null);
  }
  states(n: number): ColumnVector[] {
    return [
      this.result(n),
      columnFromScalars(
        T.BOOLEAN,
        Array.from({ length: n }, (_, g) => this.seen[g] === true),
      ),
    ];
  }
  result(n: number): ColumnVector {
    return columnFromScalars(
      this.spec.inputType,
      Array.from({ length: n }, (_, g) => this.value[g] ?? null),
    );
  }
}

/** count_if: the number of rows where the condition is TRUE. */
class CountIfAccumulator extends CountAccumulator {
  override update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const flags = column.data as Uint8Array;
    const trueOnly = new Uint8Array(column.length);
    for (let i = 0; i < column.length; i++) trueOnly[i] = valid(column, i) && flags[i] === 1 ? 1 : 0;
    super.update(groups, [{ ...column, validity: trueOnly }]);
  }
}

/**
 * Variance and standard deviation from running count, mean and M2 (Welford), merged across partitions with
 * Chan's formula, as Spark's CentralMomentAgg. Sample statistics of a single value are NULL.
 */
class MomentsAccumulator implements Accumulator {
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

/** DISTINCT aggregates (complete mode only): remember each group's distinct argument tuples, then aggregate them. */
class DistinctAccumulator implements Accumulator {
  private readonly seen: Map<string, Scalar[]>[] = [];
  constructor(
    private readonly inner: () => Accumulator,
    private readonly spec: AggregateSpec,
  ) {}
  update(groups: Int32Array, args: readonly ColumnVector[]): void {
    const vs = args.map(values);
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as number;
      let set = this.seen[g];
      if (set === undefined) {
        set = new Map();
        this.seen[g] = set;
      }
      const tuple = args.map((a, c) => (valid(a, i) ? ((vs[c] as ArrayLike<Scalar>)[i] as Scalar) : null));
      const key = tuple
        .map((v) =>
          v === null
            ? "\u0000N"
            : typeof v === "bigint"
              ? `${v}n`
              : v instanceof Uint8Array
                ? `b${[...v].join(",")}`
                : `${typeof v}:${String(v)}`,
        )
        .join("\u0001");
      if (!set.has(key)) set.set(key, tuple);
    }
  }
  merge(): void {
    throw new Error("internal: DISTINCT aggregates run in complete mode only");
  }
  states(): ColumnVector[] {
    throw new Error("internal: DISTINCT aggregates run in complete mode only");
  }
  result(n: number): ColumnVector {
    const acc = this.inner();
    for (let g = 0; g < n; g++) {
      const tuples = [...(this.seen[g]?.values() ?? [])];
      const groups = new Int32Array(tuples.length).fill(g);
      const columns = this.spec.args.map((a, c) =>
        columnFromScalars(
          a.type,
          tuples.map((t) => t[c] ?? null),
        ),
      );
      acc.update(groups, columns);
    }
    return acc.result(n);
  }
}

export function createAccumulator(spec: AggregateSpec): Accumulator {
  const make = (): Accumulator => {
    switch (spec.name) {
      case "count":
        return new CountAccumulator();
      case "count_if":
        return new CountIfAccumulator();
      case "var_samp":
      case "var_pop":
      case "stddev_samp":
      case "stddev_pop":
        return new MomentsAccumulator(spec);
      case "sum":
        return new SumAccumulator(spec);
      case "avg":
        return spec.inputType.kind.case === "decimal" ? new DecimalAvgAccumulator(spec) : new AvgAccumulator();
      case "min":
        return new MinMaxAccumulator(spec, false);
      case "max":
        return new MinMaxAccumulator(spec, true);
      case "first":
        return new FirstLastAccumulator(spec, false);
      case "last":
        return new FirstLastAccumulator(spec, true);
    }
  };
  return spec.distinct ? new DistinctAccumulator(make, spec) : make();
}
