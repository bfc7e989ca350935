/**
 * count_min_sketch(col, eps, confidence, seed): one sketch per group (shape from the folded literals), integral
 * values counted as longs, strings by their UTF-8 bytes and byte strings as they are. The partial state and the
 * answer are both Spark's serialised image, so an empty group answers the image of an empty sketch.
 */
import type { ColumnVector } from "../columnar/column-vector.js";
import { columnFromScalars, getScalar } from "../columnar/column-vector.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { type Accumulator, valid } from "./accumulator.js";
import { type CountMinShape, CountMinSketch, countMinShape } from "./count-min-sketch.js";

const UTF8 = new TextEncoder();

function literalNumber(spec: AggregateSpec, index: number): number {
  const arg = spec.args[index];
  return arg?.kind === "literal" ? Number(arg.value) : Number.NaN;
}

export class CountMinSketchAccumulator implements Accumulator {
  private readonly sketches: CountMinSketch[] = [];
  private readonly shape: CountMinShape;

  constructor(spec: AggregateSpec) {
    this.shape = countMinShape(literalNumber(spec, 1), literalNumber(spec, 2), literalNumber(spec, 3));
  }

  private sketchOf(group: number): CountMinSketch {
    this.sketches[group] ??= new CountMinSketch(this.shape);
    return this.sketches[group];
  }

  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    const kind = column.type.kind.case;
    for (let i = 0; i < groups.length; i++) {
      const sketch = this.sketchOf(groups[i] as number);
      if (!valid(column, i) || kind === "null") continue;
      const value = getScalar(column, i);
      if (typeof value === "string") sketch.addBytes(UTF8.encode(value));
      else if (value instanceof Uint8Array) sketch.addBytes(value);
      else sketch.addLong(BigInt(value as number | bigint));
    }
  }

  merge(groups: Int32Array, [state]: readonly ColumnVector[]): void {
    const column = state as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const sketch = this.sketchOf(groups[i] as number);
      const image = getScalar(column, i);
      if (image instanceof Uint8Array) sketch.mergeFrom(CountMinSketch.fromBytes(image));
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
