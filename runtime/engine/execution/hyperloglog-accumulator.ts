/**
 * approx_count_distinct: Spark's HyperLogLog++. Each non-NULL value is hashed with Spark's XXH64 (seed 42, the
 * `xxhash64` encoding of the value); the top p bits pick a register, which keeps the largest position of the
 * first set bit in the rest. The estimate is linear counting while it is below Spark's threshold for p, the raw
 * harmonic-mean estimate once that is past 5m; in between Spark subtracts an empirical bias from tables this
 * engine does not carry, so that range is reported as not supported rather than answered differently.
 */
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { notSupportedLocally } from "../errors.js";
import { xxhashColumns } from "../functions/xxhash64.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { type Accumulator, valid } from "./accumulator.js";

/** Spark's default relative standard deviation when the call gives none. */
const DEFAULT_RSD = 0.05;

/** Linear counting is trusted below these cardinalities, for p = 4, 5, ... (the HLL++ paper's thresholds). */
const LINEAR_COUNTING_THRESHOLDS = [
  10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000, 50000, 120000, 350000,
];

/** Register-index bits for a relative standard deviation, as Spark derives them. */
export function registerBits(rsd: number): number {
  return Math.ceil((2 * Math.log(1.106 / rsd)) / Math.log(2));
}

/** Leading zeros of an unsigned 64-bit value. */
function leadingZeros64(x: bigint): number {
  const high = Number(x >> 32n);
  return high !== 0 ? Math.clz32(high) : 32 + Math.clz32(Number(x & 0xffffffffn));
}

export class HyperLogLogAccumulator implements Accumulator {
  private readonly p: number;
  private readonly m: number;
  private readonly registers: Uint8Array[] = [];

  constructor(rsdLiteral: Scalar) {
    const rsd = typeof rsdLiteral === "number" ? rsdLiteral : DEFAULT_RSD;
    this.p = registerBits(rsd);
    this.m = 1 << this.p;
  }

  private registersOf(group: number): Uint8Array {
    this.registers[group] ??= new Uint8Array(this.m);
    return this.registers[group];
  }

  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const hashes = xxhashColumns([column], column.length);
    const shift = BigInt(64 - this.p);
    const pad = 1n << BigInt(this.p - 1);
    for (let i = 0; i < groups.length; i++) {
      const registers = this.registersOf(groups[i] as number);
      if (!valid(column, i) || column.type.kind.case === "null") continue;
      const hash = BigInt.asUintN(64, hashes[i] as bigint);
      const index = Number(hash >> shift);
      const rank = leadingZeros64(BigInt.asUintN(64, (hash << BigInt(this.p)) | pad)) + 1;
      if (rank > (registers[index] as number)) registers[index] = rank;
    }
  }

  merge(groups: Int32Array, [state]: readonly ColumnVector[]): void {
    const column = state as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const registers = this.registersOf(groups[i] as number);
      const other = getScalar(column, i) as Uint8Array | null;
      if (other === null) continue;
      for (let r = 0; r < this.m; r++) {
        if ((other[r] as number) > (registers[r] as number)) registers[r] = other[r] as number;
      }
    }
  }

  states(n: number): ColumnVector[] {
    return [
      columnFromScalars(
        T.BINARY,
        Array.from({ length: n }, (_, g) => this.registersOf(g)),
      ),
    ];
  }

  result(n: number): ColumnVector {
    const data = new BigInt64Array(n);
    for (let g = 0; g < n; g++) data[g] = BigInt(Math.round(this.estimate(this.registersOf(g))));
    return { type: T.LONG, length: n, data, validity: null };
  }

  private estimate(registers: Uint8Array): number {
    const { m, p } = this;
    let inverseSum = 0;
    let zeros = 0;
    for (let r = 0; r < m; r++) {
      const rank = registers[r] as number;
      inverseSum += 1 / 2 ** rank;
      if (rank === 0) zeros++;
    }
    const alpha = p === 4 ? 0.673 : p === 5 ? 0.697 : p === 6 ? 0.709 : 0.7213 / (1 + 1.079 / m);
    const raw = (alpha * m * m) / inverseSum;
    if (zeros > 0) {
      const linear = m * Math.log(m / zeros);
      if (p < 19 && linear <= (LINEAR_COUNTING_THRESHOLDS[p - 4] as number)) return linear;
    }
    if (p >= 19 || raw >= 5 * m) return raw;
    throw notSupportedLocally(
      `approx_count_distinct at about ${Math.round(raw)} distinct values (HyperLogLog++ bias correction for precision ${p})`,
    );
  }
}

/** The accumulator for an approx_count_distinct spec: its second argument is the folded relative error. */
export function hyperLogLogFor(spec: AggregateSpec): HyperLogLogAccumulator {
  const rsd = spec.args[1];
  return new HyperLogLogAccumulator(rsd?.kind === "literal" ? rsd.value : null);
}
