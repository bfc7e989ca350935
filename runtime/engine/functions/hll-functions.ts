/**
 * hll_sketch_estimate (the rounded DataSketches estimate of a sketch) and hll_union (two sketches merged by a
 * union sized to the smaller lgConfigK), over the exact coupon modes the engine implements.
 */
import type { ColumnVector } from "../columnar/column-vector.js";
import { differentLgK, unionInto } from "../execution/hll-accumulators.js";
import { HllCouponSketch } from "../execution/hll-coupon-sketch.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { unexpectedInput } from "./collection-errors.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, valuesOf } from "./kernel-helpers.js";

const FALSE: Expr = { kind: "literal", value: false, type: T.BOOLEAN, nullable: false };

const hllSketchEstimate: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    const display = `hll_sketch_estimate(${displayOf(child)})`;
    if (child.type.kind.case !== "binary") throw unexpectedInput(display, 0, child, '"BINARY"');
    return call("hll_sketch_estimate", [child], T.LONG, display, ctx);
  },
  kernel: ([a]) =>
    mapValues<Uint8Array, bigint>(a as ColumnVector, T.LONG, (image) =>
      BigInt(Math.round(HllCouponSketch.fromBytes(image, "hll_sketch_estimate").estimate())),
    ),
};

const hllUnion: ScalarFunction = {
  resolve: (args, ctx) => {
    const [first, second, allow = FALSE] = args as [Expr, Expr, Expr | undefined];
    const display = `hll_union(${[first, second, allow].map(displayOf).join(", ")})`;
    if (first.type.kind.case !== "binary") throw unexpectedInput(display, 0, first, '"BINARY"');
    if (second.type.kind.case !== "binary") throw unexpectedInput(display, 1, second, '"BINARY"');
    if (allow.type.kind.case !== "boolean") throw unexpectedInput(display, 2, allow, '"BOOLEAN"');
    return call("hll_union", [first, second, allow], T.BINARY, display, ctx);
  },
  kernel: ([a, b, allow]) => {
    const firsts = valuesOf<Uint8Array>(a as ColumnVector);
    const seconds = valuesOf<Uint8Array>(b as ColumnVector);
    const allows = allow as ColumnVector;
    return mapValues<Uint8Array, Uint8Array>(a as ColumnVector, T.BINARY, (_, row) => {
      const left = firsts[row] as Uint8Array;
      const right = seconds[row];
      if (right === undefined || (b as ColumnVector).validity?.[row] === 0) return null;
      const one = HllCouponSketch.fromBytes(left, "hll_union");
      const other = HllCouponSketch.fromBytes(right, "hll_union");
      const allowed = allows.validity?.[row] !== 0 && (allows.data as Uint8Array)[row] === 1;
      if (!allowed && one.lgK !== other.lgK) throw differentLgK(one.lgK, other.lgK, "hll_union");
      const union = unionInto(new HllCouponSketch(Math.min(one.lgK, other.lgK)), one);
      return unionInto(union, other).toBytes();
    });
  },
};

export const hllFunctions: Record<string, ScalarFunction> = {
  hll_sketch_estimate: hllSketchEstimate,
  hll_union: hllUnion,
};
