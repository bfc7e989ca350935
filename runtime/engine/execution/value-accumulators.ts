/** min/max, first/last, and DISTINCT aggregation over any inner accumulator. */
import { type ColumnVector, columnFromScalars, type Scalar } from "../columnar/column-vector.js";
import { comparatorFor } from "../columnar/value-order.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { type Accumulator, valid, values } from "./accumulator.js";

export class MinMaxAccumulator implements Accumulator {
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

/**
 * first/last: the first (last) row seen wins, whatever its value; with the ignore-nulls flag (a literal second
 * argument) NULL rows are passed over, so a group has NULL only when all its values are NULL.
 */
export class FirstLastAccumulator implements Accumulator {
  private value: Scalar[] = [];
  private seen: boolean[] = [];
  private readonly ignoreNulls: boolean;
  constructor(
    private readonly spec: AggregateSpec,
    private readonly isLast: boolean,
  ) {
    const flag = spec.args[1];
    this.ignoreNulls = flag?.kind === "literal" && flag.value === true;
  }
  private offer(g: number, v: Scalar): void {
    if (v === null && this.ignoreNulls) return;
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

/** DISTINCT aggregates (complete mode only): remember each group's distinct argument tuples, then aggregate them. */
export class DistinctAccumulator implements Accumulator {
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

/** max_by / min_by: the first argument's value on the row whose ordering key is largest (smallest); NULL keys skip. */
export class ValueByKeyAccumulator implements Accumulator {
  private value: Scalar[] = [];
  private key: Scalar[] = [];
  private readonly compare;
  constructor(
    private readonly spec: AggregateSpec,
    private readonly isMax: boolean,
  ) {
    this.compare = comparatorFor((spec.args[1] as AggregateSpec["args"][number]).type);
  }
  update(groups: Int32Array, [value, key]: readonly ColumnVector[]): void {
    const v = value as ColumnVector;
    const k = key as ColumnVector;
    const vs = values(v);
    const ks = values(k);
    for (let i = 0; i < groups.length; i++) {
      if (!valid(k, i)) continue;
      const g = groups[i] as number;
      const candidate = ks[i] as Scalar;
      const current = this.key[g];
      // Only a strictly better key replaces the kept row, so the first of equal keys stays, as in Spark.
      if (current === undefined || current === null || (this.isMax ? 1 : -1) * this.compare(candidate, current) > 0) {
        this.key[g] = candidate;
        this.value[g] = valid(v, i) ? (vs[i] as Scalar) : null;
      }
    }
  }
  merge(groups: Int32Array, states: readonly ColumnVector[]): void {
    this.update(groups, states);
  }
  states(n: number): ColumnVector[] {
    return [
      this.result(n),
      columnFromScalars(
        (this.spec.args[1] as AggregateSpec["args"][number]).type,
        Array.from({ length: n }, (_, g) => this.key[g] ?? null),
      ),
    ];
  }
  result(n: number): ColumnVector {
    return columnFromScalars(
      this.spec.resultType,
      Array.from({ length: n }, (_, g) => this.value[g] ?? null),
    );
  }
}
