/**
 * percentile_approx / approx_percentile: a Greenwald-Khanna summary per group with relative error 1/accuracy,
 * shipped between tasks compressed and merged as Spark merges its partial digests. Answers are doubles turned
 * back into the input's type (integers truncated, as Spark's conversion does); a group without values gives NULL.
 */
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import type { Accumulator } from "./accumulator.js";
import { QuantileSummary } from "./quantile-summary.js";

const STATE_TYPE = arrayType(T.DOUBLE, false);

export class ApproxPercentileAccumulator implements Accumulator {
  private readonly summaries: QuantileSummary[] = [];
  private readonly relativeError: number;
  private readonly percentages: readonly number[];
  private readonly many: boolean;

  constructor(private readonly spec: AggregateSpec) {
    const [, percentages, accuracy] = spec.args;
    const listed = percentages?.kind === "literal" ? percentages.value : null;
    this.many = Array.isArray(listed);
    this.percentages = Array.isArray(listed) ? (listed as number[]) : [Number(listed)];
    this.relativeError = 1 / Number(accuracy?.kind === "literal" ? accuracy.value : 10000);
  }

  private summary(g: number): QuantileSummary {
    let found = this.summaries[g];
    if (found === undefined) {
      found = new QuantileSummary(this.relativeError);
      this.summaries[g] = found;
    }
    return found;
  }

  update(groups: Int32Array, [value]: readonly ColumnVector[]): void {
    for (let i = 0; i < groups.length; i++) {
      const v = getScalar(value as ColumnVector, i);
      if (v !== null) this.summary(groups[i] as number).insert(Number(v));
    }
  }

  merge(groups: Int32Array, [state]: readonly ColumnVector[]): void {
    for (let i = 0; i < groups.length; i++) {
      const numbers = getScalar(state as ColumnVector, i) as readonly number[] | null;
      if (numbers === null || numbers.length === 0) continue;
      this.summary(groups[i] as number).merge(QuantileSummary.fromNumbers(this.relativeError, numbers));
    }
  }

  states(n: number): ColumnVector[] {
    const out: Scalar[] = [];
    for (let g = 0; g < n; g++) out.push(this.summaries[g]?.toNumbers() ?? []);
    return [columnFromScalars(STATE_TYPE, out)];
  }

  result(n: number): ColumnVector {
    const type = this.spec.resultType;
    const element = type.kind.case === "array" && this.many ? (type.kind.value.elementType ?? T.DOUBLE) : type;
    const out: Scalar[] = [];
    for (let g = 0; g < n; g++) {
      const answers = this.summaries[g]?.query(this.percentages);
      if (answers === undefined) out.push(null);
      else {
        const typed = answers.map((a) => inType(a, element));
        out.push(this.many ? typed : (typed[0] ?? null));
      }
    }
    return columnFromScalars(type, out);
  }
}

/** A double answer in the input's type: integral types truncate, decimals round to their scale. */
function inType(value: number, type: T.DataType): Scalar {
  switch (type.kind.case) {
    case "byte":
    case "short":
    case "integer":
      return Math.trunc(value);
    case "long":
      return BigInt(Math.trunc(value));
    case "float":
      return Math.fround(value);
    case "decimal":
      return BigInt(Math.round(value * 10 ** T.decimalParts(type).scale));
    default:
      return value;
  }
}
