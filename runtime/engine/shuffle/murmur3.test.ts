import { describe, expect, it } from "vitest";
import { columnFromScalars } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { hashColumns, pmod } from "./murmur3.js";

// Reference values printed by Spark 4.1.1 for `SELECT hash(...)`.
describe("Spark-compatible Murmur3", () => {
  const one = (type: T.DataType, value: Parameters<typeof columnFromScalars>[1][number]) =>
    hashColumns([columnFromScalars(type, [value])], 1)[0];

  it("hashes ints, longs, doubles, booleans and dates like Spark", () => {
    expect(one(T.INT, 1)).toBe(-559580957);
    expect(one(T.INT, 0)).toBe(933211791);
    expect(one(T.INT, -1)).toBe(-1604776387);
    expect(one(T.LONG, 1n)).toBe(-1712319331);
    expect(one(T.DOUBLE, 1.5)).toBe(1290763749);
    expect(one(T.DOUBLE, -0)).toBe(-1670924195);
    expect(one(T.BOOLEAN, true)).toBe(-559580957);
    expect(one(T.DATE, 19782)).toBe(653915859);
  });

  it("hashes strings by their UTF-8 bytes, including the tail bytes", () => {
    expect(one(T.STRING, "a")).toBe(1485273170);
    expect(one(T.STRING, "")).toBe(142593372);
    expect(one(T.STRING, "héllo wörld")).toBe(-281075962);
  });

  it("leaves the seed for NULL and chains columns", () => {
    expect(one(T.INT, null)).toBe(42);
    const chained = hashColumns([columnFromScalars(T.INT, [1]), columnFromScalars(T.STRING, ["a"])], 1);
    expect(chained[0]).toBe(-936062819);
    expect(pmod(one(T.STRING, "abc") as number, 7)).toBe(6);
  });

  it("hashes -0.0 as 0.0 (Spark's hash(-0.0D) is hash(0.0D))", () => {
    const keys = hashColumns([columnFromScalars(T.DOUBLE, [-0, 0])], 2);
    expect(keys[0]).toBe(keys[1]);
  });
});
