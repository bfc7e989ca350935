/**
 * skewness and kurtosis (central moments up to the fourth), and the two-column statistics: covariance,
 * correlation and the regr_* family. The update and merge steps follow Spark's CentralMomentAgg and Covariance
 * term for term, since the last bits of a floating-point answer depend on the order of operations.
 */
import { type ColumnVector, columnFromScalars } from "../columnar/column-vector.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { type Accumulator, valid } from "./accumulator.js";

/** Spark evaluates these quotients with a division that gives NULL for a zero divisor. */
const dividedOrNull = (a: number, b: number): number | null => (b === 0 ? null : a / b);

const doubles = (c: ColumnVector): Float64Array => c.data as Float64Array;

function doubleColumns(fields: readonly number[][], n: number): ColumnVector[] {
  return fields.map((f) =>
    columnFromScalars(
      T.DOUBLE,
      Array.from({ length: n }, (_, g) => f[g] ?? 0),
    ),
  );
}

/** Count, mean and the second to fourth central moments per group. */
export class HigherMomentsAccumulator implements Accumulator {
  private readonly n: number[] = [];
  private readonly avg: number[] = [];
  private readonly m2: number[] = [];
  private readonly m3: number[] = [];
  private readonly m4: number[] = [];
  constructor(private readonly spec: AggregateSpec) {}

  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const x = doubles(column);
    for (let i = 0; i < groups.length; i++) {
      if (!valid(column, i)) continue;
      const g = groups[i] as number;
      const n = (this.n[g] ?? 0) + 1;
      const delta = (x[i] as number) - (this.avg[g] ?? 0);
      const deltaN = delta / n;
      const m2 = (this.m2[g] ?? 0) + delta * (delta - deltaN);
      const delta2 = delta * delta;
      const deltaN2 = deltaN * deltaN;
      const m3 = (this.m3[g] ?? 0) - 3.0 * deltaN * m2 + delta * (delta2 - deltaN2);
      this.m4[g] =
        (this.m4[g] ?? 0) - 4.0 * deltaN * m3 - 6.0 * deltaN2 * m2 + delta * (delta * delta2 - deltaN * deltaN2);
      this.n[g] = n;
      this.avg[g] = (this.avg[g] ?? 0) + deltaN;
      this.m2[g] = m2;
      this.m3[g] = m3;
    }
  }

  merge(groups: Int32Array, states: readonly ColumnVector[]): void {
    const [ns, avgs, m2s, m3s, m4s] = states.map(doubles) as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as number;
      const n1 = this.n[g] ?? 0;
      const n2 = ns[i] as number;
      const m2a = this.m2[g] ?? 0;
      const m2b = m2s[i] as number;
      const m3a = this.m3[g] ?? 0;
      const m3b = m3s[i] as number;
      const n = n1 + n2;
      const delta = (avgs[i] as number) - (this.avg[g] ?? 0);
      const deltaN = n === 0 ? 0 : delta / n;
      this.avg[g] = (this.avg[g] ?? 0) + deltaN * n2;
      this.m2[g] = m2a + m2b + delta * deltaN * n1 * n2;
      this.m3[g] = m3a + m3b + deltaN * deltaN * delta * n1 * n2 * (n1 - n2) + 3.0 * deltaN * (n1 * m2b - n2 * m2a);
      this.m4[g] =
        (this.m4[g] ?? 0) +
        (m4s[i] as number) +
        deltaN * deltaN * deltaN * delta * n1 * n2 * (n1 * n1 - n1 * n2 + n2 * n2) +
        6.0 * deltaN * deltaN * (n1 * n1 * m2b + n2 * n2 * m2a) +
        4.0 * deltaN * (n1 * m3b - n2 * m3a);
      this.n[g] = n;
    }
  }

  states(count: number): ColumnVector[] {
    return doubleColumns([this.n, this.avg, this.m2, this.m3, this.m4], count);
  }

  result(count: number): ColumnVector {
    const skew = this.spec.name === "skewness";
    return columnFromScalars(
      T.DOUBLE,
      Array.from({ length: count }, (_, g) => {
        const n = this.n[g] ?? 0;
        const m2 = this.m2[g] ?? 0;
        // A constant input has no defined skewness or kurtosis: NULL, as Spark without the legacy flag.
        if (n === 0 || m2 === 0) return null;
        if (skew) return (Math.sqrt(n) * (this.m3[g] ?? 0)) / Math.sqrt(m2 * m2 * m2);
        return (n * (this.m4[g] ?? 0)) / (m2 * m2) - 3.0;
      }),
    );
  }
}

type PairFields = [number[], number[], number[], number[], number[], number[], number[], number[], number[], number[]];

/**
 * Pairs (y, x) where both are non-NULL: count, means, co-moment and both second moments, kept twice over because
 * Spark's correlation and its variance aggregates update the second moment with differently rounded formulas; and
 * plain sums for regr_avgx / regr_avgy, which Spark computes as an ordinary average.
 */
export class PairMomentsAccumulator implements Accumulator {
  /** n, xAvg, yAvg, ck, xMk, yMk, m2x, m2y, sumX, sumY per group: the state Spark's update and merge steps keep. */
  private readonly fields = Array.from({ length: 10 }, (): number[] => []) as number[][] as PairFields;
  constructor(private readonly spec: AggregateSpec) {}

  update(groups: Int32Array, [left, right]: readonly ColumnVector[]): void {
    const l = left as ColumnVector;
    const r = right as ColumnVector;
    // Spark's covar/corr take (x, y); the regr_* family takes (y, x).
    const regr = this.spec.name.startsWith("regr_");
    const [xs, ys] = regr ? [doubles(r), doubles(l)] : [doubles(l), doubles(r)];
    const [n, xAvg, yAvg, ck, xMk, yMk, m2x, m2y, sumX, sumY] = this.fields;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as number;
      if (!valid(l, i) || !valid(r, i)) continue;
      const x = xs[i] as number;
      const y = ys[i] as number;
      const count = (n[g] ?? 0) + 1;
      const dx = x - (xAvg[g] ?? 0);
      const dxN = dx / count;
      const dy = y - (yAvg[g] ?? 0);
      const dyN = dy / count;
      const newXAvg = (xAvg[g] ?? 0) + dxN;
      const newYAvg = (yAvg[g] ?? 0) + dyN;
      ck[g] = (ck[g] ?? 0) + dx * (y - newYAvg);
      xMk[g] = (xMk[g] ?? 0) + dx * (x - newXAvg);
      yMk[g] = (yMk[g] ?? 0) + dy * (y - newYAvg);
      m2x[g] = (m2x[g] ?? 0) + dx * (dx - dxN);
      m2y[g] = (m2y[g] ?? 0) + dy * (dy - dyN);
      sumX[g] = (sumX[g] ?? 0) + x;
      sumY[g] = (sumY[g] ?? 0) + y;
      xAvg[g] = newXAvg;
      yAvg[g] = newYAvg;
      n[g] = count;
    }
  }

  merge(groups: Int32Array, states: readonly ColumnVector[]): void {
    const other = states.map(doubles);
    const [n, xAvg, yAvg, ck, xMk, yMk, m2x, m2y, sumX, sumY] = this.fields;
    const at = (f: number, i: number) => (other[f] as Float64Array)[i] as number;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as number;
      const n1 = n[g] ?? 0;
      const n2 = at(0, i);
      const count = n1 + n2;
      const dx = at(1, i) - (xAvg[g] ?? 0);
      const dxN = count === 0 ? 0 : dx / count;
      const dy = at(2, i) - (yAvg[g] ?? 0);
      const dyN = count === 0 ? 0 : dy / count;
      xAvg[g] = (xAvg[g] ?? 0) + dxN * n2;
      yAvg[g] = (yAvg[g] ?? 0) + dyN * n2;
      ck[g] = (ck[g] ?? 0) + at(3, i) + dx * dyN * n1 * n2;
      xMk[g] = (xMk[g] ?? 0) + at(4, i) + dx * dxN * n1 * n2;
      yMk[g] = (yMk[g] ?? 0) + at(5, i) + dy * dyN * n1 * n2;
      m2x[g] = (m2x[g] ?? 0) + at(6, i) + dx * dxN * n1 * n2;
      m2y[g] = (m2y[g] ?? 0) + at(7, i) + dy * dyN * n1 * n2;
      sumX[g] = (sumX[g] ?? 0) + at(8, i);
      sumY[g] = (sumY[g] ?? 0) + at(9, i);
      n[g] = count;
    }
  }

  states(count: number): ColumnVector[] {
    return doubleColumns(this.fields, count);
  }

  result(count: number): ColumnVector {
    const name = this.spec.name;
    const value = (g: number): number | bigint | null => {
      const [n, xAvg, yAvg, ck, xMk, yMk, m2x, m2y, sumX, sumY] = this.fields.map((f) => f[g] ?? 0) as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      if (name === "regr_count") return BigInt(n);
      if (n === 0) return null;
      switch (name) {
        case "covar_pop":
          return ck / n;
        case "covar_samp":
          return n === 1 ? null : ck / (n - 1);
        case "corr":
          return n === 1 ? null : dividedOrNull(ck, Math.sqrt(xMk * yMk));
        case "regr_avgx":
          return sumX / n;
        case "regr_avgy":
          return sumY / n;
        case "regr_sxx":
          return m2x;
        case "regr_syy":
          return m2y;
        case "regr_sxy":
          return ck;
        case "regr_slope":
          return m2x === 0 ? null : ck / n / (m2x / n);
        case "regr_intercept":
          return m2x === 0 ? null : yAvg - (ck / n / (m2x / n)) * xAvg;
        case "regr_r2": {
          if (m2x === 0) return null;
          const corr = dividedOrNull(ck, Math.sqrt(xMk * yMk));
          return corr === null ? null : corr * corr;
        }
        default:
          throw new Error(`internal: ${name} is not a paired statistic`);
      }
    };
    return columnFromScalars(
      this.spec.resultType,
      Array.from({ length: count }, (_, g) => value(g)),
    );
  }
}
