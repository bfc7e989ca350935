/**
 * histogram_numeric: one streaming histogram per group over the values as doubles (dates as days, timestamps and
 * day-time intervals as microseconds, year-month intervals as months, decimals by value). The bins come back as
 * (x, y) structs with x turned into the input type, as Spark does by default
 * (spark.sql.legacy.histogramNumericPropagateInputType): integral, date and timestamp centres truncate.
 */
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { parseDecimalText } from "../functions/cast-kernel.js";
import { HISTOGRAM_STATE_TYPES } from "../physical/aggregate-states.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import type { Accumulator } from "./accumulator.js";
import { NumericHistogram } from "./numeric-histogram.js";

/** Java's double-to-int conversion: truncation, NaN to 0, saturating at the int range. */
function javaToInt(x: number): number {
  if (Number.isNaN(x)) return 0;
  return Math.max(-2147483648, Math.min(2147483647, Math.trunc(x)));
}

/** Java's double-to-long conversion, saturating at the long range. */
function javaToLong(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 2 ** 63) return 2n ** 63n - 1n;
  if (x <= -(2 ** 63)) return -(2n ** 63n);
  return BigInt(Math.trunc(x));
}

/** How a bin centre (a double) becomes a value of the input type. */
function centreConverter(type: T.DataType): (x: number) => Scalar {
  switch (type.kind.case) {
    case "byte":
      return (x) => (javaToInt(x) << 24) >> 24;
    case "short":
      return (x) => (javaToInt(x) << 16) >> 16;
    case "integer":
    case "date":
    case "yearMonthInterval":
      return javaToInt;
    case "long":
    case "timestamp":
    case "timestampNtz":
    case "dayTimeInterval":
      return javaToLong;
    case "float":
      return Math.fround;
    case "decimal": {
      const scale = T.decimalParts(type).scale;
      // The double's shortest decimal text, rounded half up to the column's scale (as BigDecimal(double) does).
      return (x) => parseDecimalText(String(x), scale);
    }
    default:
      return (x) => x;
  }
}

export class HistogramAccumulator implements Accumulator {
  private readonly histograms: NumericHistogram[] = [];
  private readonly maxBins: number;
  private readonly toDouble: (value: Scalar) => number;
  private readonly fromDouble: (x: number) => Scalar;

  constructor(private readonly spec: AggregateSpec) {
    const bins = spec.args[1];
    this.maxBins = bins?.kind === "literal" ? Number(bins.value) : 0;
    const type = spec.inputType;
    const scale = type.kind.case === "decimal" ? T.decimalParts(type).scale : 0;
    this.toDouble =
      type.kind.case === "decimal" ? (v) => Number(v as bigint) / 10 ** scale : (v) => Number(v as number | bigint);
    this.fromDouble = centreConverter(type);
  }

  private histogramOf(group: number): NumericHistogram {
    this.histograms[group] ??= new NumericHistogram(this.maxBins);
    return this.histograms[group];
  }

  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const histogram = this.histogramOf(groups[i] as number);
      const value = getScalar(column, i);
      if (value !== null) histogram.add(this.toDouble(value));
    }
  }

  merge(groups: Int32Array, [bins, xs, ys]: readonly ColumnVector[]): void {
    for (let i = 0; i < groups.length; i++) {
      const histogram = this.histogramOf(groups[i] as number);
      const other = new NumericHistogram(Number(getScalar(bins as ColumnVector, i) ?? 0));
      other.xs = [...((getScalar(xs as ColumnVector, i) ?? []) as number[])];
      other.ys = [...((getScalar(ys as ColumnVector, i) ?? []) as number[])];
      histogram.merge(other);
    }
  }

  states(n: number): ColumnVector[] {
    const histograms = Array.from({ length: n }, (_, g) => this.histogramOf(g));
    const [bins, xs, ys] = HISTOGRAM_STATE_TYPES;
    return [
      columnFromScalars(
        bins,
        histograms.map((h) => h.maxBins),
      ),
      columnFromScalars(
        xs,
        histograms.map((h) => h.xs),
      ),
      columnFromScalars(
        ys,
        histograms.map((h) => h.ys),
      ),
    ];
  }

  result(n: number): ColumnVector {
    const out: Scalar[] = [];
    for (let g = 0; g < n; g++) {
      const { xs, ys } = this.histogramOf(g);
      out.push(xs.length === 0 ? null : xs.map((x, i) => [this.fromDouble(x), ys[i] as number]));
    }
    return columnFromScalars(this.spec.resultType, out);
  }
}
