/**
 * Aggregates over a group's value counts: exact `percentile` / `median` (Spark's algorithm: sort the distinct
 * values, walk the accumulated counts, interpolate linearly between the two ranks around (count - 1) * p) and
 * `mode` (the most frequent value).
 */

import { SparkRuntimeException } from "../../errors/index.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { keyOf } from "../columnar/nested-order.js";
import { comparatorFor } from "../columnar/value-order.js";
import { sparkError } from "../errors.js";
import type { Expr } from "../logical/expressions.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import type { Accumulator } from "./accumulator.js";

/** Per group: each distinct value once, with how many times it was seen. */
class ValueCounts {
  private readonly values: Scalar[][] = [];
  private readonly counts: number[][] = [];
  private readonly slots: Map<string, number>[] = [];

  add(g: number, value: Scalar, times: number): void {
    this.slots[g] ??= new Map();
    this.values[g] ??= [];
    this.counts[g] ??= [];
    const key = keyOf(value);
    const slot = this.slots[g].get(key);
    if (slot === undefined) {
      this.slots[g].set(key, this.values[g].length);
      this.values[g].push(value);
      this.counts[g].push(times);
    } else this.counts[g][slot] = (this.counts[g][slot] ?? 0) + times;
  }

  entries(g: number): { values: Scalar[]; counts: number[] } {
    return { values: this.values[g] ?? [], counts: this.counts[g] ?? [] };
  }

  merge(groups: Int32Array, [values, counts]: readonly ColumnVector[]): void {
    for (let i = 0; i < groups.length; i++) {
      const vs = (getScalar(values as ColumnVector, i) ?? []) as readonly Scalar[];
      const cs = (getScalar(counts as ColumnVector, i) ?? []) as readonly bigint[];
      vs.forEach((v, k) => {
        this.add(groups[i] as number, v, Number(cs[k] ?? 0n));
      });
    }
  }

  states(valueType: T.DataType, n: number): ColumnVector[] {
    return [
      columnFromScalars(
        arrayType(valueType, false),
        Array.from({ length: n }, (_, g) => this.entries(g).values),
      ),
      columnFromScalars(
        arrayType(T.LONG, false),
        Array.from({ length: n }, (_, g) => this.entries(g).counts.map(BigInt)),
      ),
    ];
  }
}

/** The percentages, folded to a literal by the analyzer (see aggregate-signatures.ts). */
function percentagesOf(expr: Expr | undefined): { list: number[]; many: boolean } {
  const value = expr?.kind === "literal" ? expr.value : null;
  return Array.isArray(value) ? { list: value as number[], many: true } : { list: [Number(value)], many: false };
}

export class PercentileAccumulator implements Accumulator {
  private readonly counts = new ValueCounts();
  private readonly percentages: { list: number[]; many: boolean };
  constructor(private readonly spec: AggregateSpec) {
    this.percentages = percentagesOf(spec.args[1]);
  }

  update(groups: Int32Array, [value, , frequency]: readonly ColumnVector[]): void {
    for (let i = 0; i < groups.length; i++) {
      const v = getScalar(value as ColumnVector, i);
      const times = frequency === undefined ? 1n : getScalar(frequency, i);
      if (v === null || times === null) continue;
      if ((times as bigint) < 0n) {
        throw sparkError(
          SparkRuntimeException,
          "NEGATIVE_VALUES_IN_FREQUENCY_EXPRESSION",
          "22003",
          `Found the negative value in frequency: ${times}.`,
          { frequencyExpression: "frequency", negativeValue: String(times) },
        );
      }
      if (times !== 0n) this.counts.add(groups[i] as number, v, Number(times));
    }
  }

  merge(groups: Int32Array, states: readonly ColumnVector[]): void {
    this.counts.merge(groups, states);
  }

  states(n: number): ColumnVector[] {
    return this.counts.states(T.DOUBLE, n);
  }

  result(n: number): ColumnVector {
    const out: Scalar[] = [];
    for (let g = 0; g < n; g++) {
      const { values, counts } = this.counts.entries(g);
      if (values.length === 0) {
        out.push(null);
        continue;
      }
      const order = values.map((_, k) => k).sort((a, b) => (values[a] as number) - (values[b] as number));
      const sorted = order.map((k) => values[k] as number);
      const accumulated: number[] = [];
      let total = 0;
      for (const k of order) {
        total += counts[k] as number;
        accumulated.push(total);
      }
      const answers = this.percentages.list.map((p) => percentileOf(sorted, accumulated, (total - 1) * p));
      out.push(this.percentages.many ? answers : (answers[0] as number));
    }
    return columnFromScalars(this.spec.resultType, out);
  }
}

/** The value at a fractional rank: the first value whose accumulated count passes the rank, interpolated. */
function percentileOf(sorted: readonly number[], accumulated: readonly number[], position: number): number {
  const lower = Math.floor(position);
  const higher = Math.ceil(position);
  const at = (rank: number) => sorted[accumulated.findIndex((c) => c >= rank + 1)] as number;
  const lowerValue = at(lower);
  if (higher === lower) return lowerValue;
  const higherValue = at(higher);
  if (higherValue === lowerValue) return lowerValue;
  return (higher - position) * lowerValue + (position - lower) * higherValue;
}

/**
 * mode: the most frequent non-NULL value. With `deterministic` true a tie goes to the smallest value; otherwise
 * Spark gives whichever its hash map yields first, and the engine gives the tied value seen first.
 */
export class ModeAccumulator implements Accumulator {
  private readonly counts = new ValueCounts();
  private readonly deterministic: boolean;
  constructor(private readonly spec: AggregateSpec) {
    const flag = spec.args[1];
    this.deterministic = flag?.kind === "literal" && flag.value === true;
  }

  update(groups: Int32Array, [value]: readonly ColumnVector[]): void {
    for (let i = 0; i < groups.length; i++) {
      const v = getScalar(value as ColumnVector, i);
      if (v !== null) this.counts.add(groups[i] as number, v, 1);
    }
  }

  merge(groups: Int32Array, states: readonly ColumnVector[]): void {
    this.counts.merge(groups, states);
  }

  states(n: number): ColumnVector[] {
    return this.counts.states(this.spec.inputType, n);
  }

  result(n: number): ColumnVector {
    const compare = comparatorFor(this.spec.inputType);
    const out: Scalar[] = [];
    for (let g = 0; g < n; g++) {
      const { values, counts } = this.counts.entries(g);
      let best = -1;
      values.forEach((v, k) => {
        const c = counts[k] as number;
        const bestCount = best < 0 ? -1 : (counts[best] as number);
        if (c > bestCount || (c === bestCount && this.deterministic && compare(v, values[best]) < 0)) best = k;
      });
      out.push(best < 0 ? null : (values[best] as Scalar));
    }
    return columnFromScalars(this.spec.resultType, out);
  }
}
