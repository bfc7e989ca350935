/**
 * hll_sketch_agg and hll_union_agg over DataSketches HLL sketches (exact coupon modes, see hll-coupon-sketch).
 * Partial states are the sketches' updatable images. As in Spark, the final side of hll_sketch_agg folds every
 * partial into a fresh union (coupons replayed in array order, an empty union adopting a SET sketch as it is),
 * while hll_union_agg adopts the first partial union and folds the others into it.
 */
import { SparkRuntimeException } from "../../errors/index.js";
import { type ColumnVector, columnFromScalars, getScalar } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { type Accumulator, valid } from "./accumulator.js";
import { HllCouponSketch } from "./hll-coupon-sketch.js";

const UTF8 = new TextEncoder();
const DEFAULT_LG_K = 12;

/**
 * DataSketches' Union.update for a LIST or SET source: coupons replayed in array order, except that an empty union
 * of the same size adopts a heap SET sketch whole. Spark's hll_union_agg reads its inputs as wrapped memory, which
 * is never adopted (`sourceOnHeap` false).
 */
export function unionInto(gadget: HllCouponSketch, source: HllCouponSketch, sourceOnHeap = true): HllCouponSketch {
  if (source.isEmpty) return gadget;
  if (sourceOnHeap && gadget.isEmpty && gadget.lgK === source.lgK && source.isSet) return source.copy();
  gadget.absorb(source);
  return gadget;
}

export function differentLgK(left: number, right: number, fn: string) {
  return sparkError(
    SparkRuntimeException,
    "HLL_UNION_DIFFERENT_LG_K",
    "22000",
    `Sketches have different \`lgConfigK\` values: ${left} and ${right}. Set the \`allowDifferentLgConfigK\` parameter to true to call \`${fn}\` with different \`lgConfigK\` values.`,
    { left: String(left), right: String(right), function: `\`${fn}\`` },
  );
}

const literalOf = (spec: AggregateSpec, index: number): unknown => {
  const arg = spec.args[index];
  return arg?.kind === "literal" ? arg.value : undefined;
};

export class HllSketchAccumulator implements Accumulator {
  private readonly sketches: HllCouponSketch[] = [];
  private readonly lgK: number;

  constructor(spec: AggregateSpec) {
    this.lgK = Number(literalOf(spec, 1) ?? DEFAULT_LG_K);
  }

  private sketchOf(group: number): HllCouponSketch {
    this.sketches[group] ??= new HllCouponSketch(this.lgK);
    return this.sketches[group];
  }

  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const sketch = this.sketchOf(groups[i] as number);
      if (!valid(column, i)) continue;
      const value = getScalar(column, i);
      if (typeof value === "string") sketch.updateBytes(UTF8.encode(value));
      else if (value instanceof Uint8Array) sketch.updateBytes(value);
      else if (value !== null) sketch.updateLong(BigInt(value as number | bigint));
    }
  }

  merge(groups: Int32Array, [state]: readonly ColumnVector[]): void {
    const column = state as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i] as number;
      const image = getScalar(column, i);
      if (!(image instanceof Uint8Array)) continue;
      const buffer = this.sketchOf(group);
      const merged = unionInto(new HllCouponSketch(buffer.lgK), buffer);
      this.sketches[group] = unionInto(merged, HllCouponSketch.fromBytes(image, "hll_sketch_agg"));
    }
  }

  states(n: number): ColumnVector[] {
    return [this.result(n)];
  }

  result(n: number): ColumnVector {
    return columnFromScalars(
      T.BINARY,
      Array.from({ length: n }, (_, g) => this.sketchOf(g).toBytes()),
    );
  }
}

export class HllUnionAccumulator implements Accumulator {
  /** undefined until the group's first sketch arrives (its lgConfigK sizes the union). */
  private readonly unions: (HllCouponSketch | undefined)[] = [];
  private readonly allowDifferentLgK: boolean;

  constructor(spec: AggregateSpec) {
    this.allowDifferentLgK = literalOf(spec, 1) === true;
  }

  /** Input sketches (`partial` false) are wrapped memory to Spark; partial unions arrive heapified. */
  private fold(group: number, sketch: HllCouponSketch, partial: boolean): void {
    const union = this.unions[group];
    if (union === undefined) {
      this.unions[group] = partial ? sketch : unionInto(new HllCouponSketch(sketch.lgK), sketch, false);
      return;
    }
    if (!this.allowDifferentLgK && union.lgK !== sketch.lgK) throw differentLgK(union.lgK, sketch.lgK, "hll_union_agg");
    this.unions[group] = unionInto(union, sketch, partial);
  }

  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const image = getScalar(column, i);
      if (image instanceof Uint8Array) {
        this.fold(groups[i] as number, HllCouponSketch.fromBytes(image, "hll_union_agg"), false);
      }
    }
  }

  merge(groups: Int32Array, [state]: readonly ColumnVector[]): void {
    const column = state as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const image = getScalar(column, i);
      // An empty image is a partial union that saw no sketch.
      if (image instanceof Uint8Array && image.length > 0) {
        this.fold(groups[i] as number, HllCouponSketch.fromBytes(image, "hll_union_agg"), true);
      }
    }
  }

  states(n: number): ColumnVector[] {
    return [
      columnFromScalars(
        T.BINARY,
        Array.from({ length: n }, (_, g) => this.unions[g]?.toBytes() ?? new Uint8Array(0)),
      ),
    ];
  }

  result(n: number): ColumnVector {
    return columnFromScalars(
      T.BINARY,
      Array.from({ length: n }, (_, g) => (this.unions[g] ?? new HllCouponSketch(DEFAULT_LG_K)).toBytes()),
    );
  }
}
