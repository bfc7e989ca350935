/**
 * percentile_approx / approx_percentile: one quantile summary per group (relative error 1 / accuracy). Values are
 * summarised as doubles (dates as days, timestamps as microseconds, decimals by value) and each answer is turned
 * back into the input type, as Spark does.
 */
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { APPROX_PERCENTILE_STATE_TYPES } from "../physical/aggregate-states.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import type { Accumulator } from "./accumulator.js";
import { QuantileSummary } from "./quantile-summary.js";

/** The percentages and accuracy, folded to literals by the analyzer. */
function literalOf(spec: AggregateSpec, index: number): Scalar {
  const arg = spec.args[index];
  return arg?.kind === "literal" ? (arg.value as Scalar) : null;
}

export class ApproxPercentileAccumulator implements Accumulator {
  private readonly summaries: QuantileSummary[] = [];
  private readonly percentages: number[];
  private readonly many: boolean;
  private readonly relativeError: number;
  private readonly toDouble: (value: Scalar) => number;
  private readonly fromDouble: (value: number) => Scalar;

  constructor(private readonly spec: AggregateSpec) {
    const percentages = literalOf(spec, 1);
    this.many = Array.isArray(percentages);
    this.percentages = this.many ? (percentages as number[]) : [Number(percentages)];
    this.relativeError = 1 / Number(literalOf(spec, 2));
    const type = spec.inputType;
    const scale = type.kind.case === "decimal" ? T.decimalParts(type).scale : 0;
    this.toDouble =
      type.kind.case === "decimal" ? (v) => Number(v as bigint) / 10 ** scale : (v) => Number(v as number | bigint);
    switch (type.kind.case) {
      case "long":
      case "timestamp":
      case "timestampNtz":
        this.fromDouble = (v) => BigInt(Math.trunc(v));
        break;
      case "decimal":
        this.fromDouble = (v) => BigInt(Math.round(v * 10 ** scale));
        break;
      case "double":
      case "float":
        this.fromDouble = (v) => v;
        break;
      default:
        this.fromDouble = (v) => Math.trunc(v);
    }
  }

  private summaryOf(group: number): QuantileSummary {
    this.summaries[group] ??= new QuantileSummary(this.relativeError);
    return this.summaries[group];
  }

  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const summary = this.summaryOf(groups[i] as number);
      const value = getScalar(column, i);
      if (value !== null) summary.insert(this.toDouble(value));
    }
  }

  merge(groups: Int32Array, [values, g, delta, count]: readonly ColumnVector[]): void {
    for (let i = 0; i < groups.length; i++) {
      const summary = this.summaryOf(groups[i] as number);
      const total = Number((getScalar(count as ColumnVector, i) ?? 0n) as bigint);
      const samples = {
        values: [...((getScalar(values as ColumnVector, i) ?? []) as number[])],
        g: ((getScalar(g as ColumnVector, i) ?? []) as bigint[]).map(Number),
        delta: ((getScalar(delta as ColumnVector, i) ?? []) as bigint[]).map(Number),
      };
      summary.merge(new QuantileSummary(this.relativeError, samples, total));
    }
  }

  states(n: number): ColumnVector[] {
    const finished = Array.from({ length: n }, (_, g) => this.summaryOf(g).finished());
    const [values, g, delta, count] = APPROX_PERCENTILE_STATE_TYPES;
    return [
      columnFromScalars(
        values,
        finished.map((s) => s.values),
      ),
      columnFromScalars(
        g,
        finished.map((s) => s.g.map(BigInt)),
      ),
      columnFromScalars(
        delta,
        finished.map((s) => s.delta.map(BigInt)),
      ),
      columnFromScalars(
        count,
        Array.from({ length: n }, (_, group) => BigInt(this.summaryOf(group).total)),
      ),
    ];
  }

  result(n: number): ColumnVector {
    const out: Scalar[] = [];
    for (let g = 0; g < n; g++) {
      const answers = this.summaryOf(g).query(this.percentages);
      if (answers.length === 0) out.push(null);
      else if (this.many) out.push(answers.map(this.fromDouble));
      else out.push(this.fromDouble(answers[0] as number));
    }
    return columnFromScalars(this.spec.resultType, out);
  }
}
