import { describe, expect, it } from "vitest";
import { columnFromScalars } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { hashBytes, hashColumns, hashLong, hashString, pmod } from "./murmur3.js";

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

describe("Murmur3 fast paths agree with the byte-level and BigInt definitions", () => {
  const encoder = new TextEncoder();
  const bigintHashLong = (value: bigint, seed: number): number => {
    const words = new Int32Array([Number(BigInt.asIntN(32, value)), Number(BigInt.asIntN(32, value >> 32n))]);
    return hashBytes(new Uint8Array(words.buffer), seed);
  };

  it("hashes strings of every tail length, ASCII or not, as their UTF-8 bytes", () => {
    const samples = [
      "",
      "a",
      "ab",
      "abc",
      "abcd",
      "abcde",
      "AIR REG",
      "é",
      "aé",
      "abcé",
      "日本語テキスト",
      "x😀y",
      "\u007f\u0080",
    ];
    for (const text of samples) expect(hashString(text, 42)).toBe(hashBytes(encoder.encode(text), 42));
  });

  it("hashes longs like Spark's two 32-bit words, at the safe-integer boundaries too", () => {
    const values = [
      0n,
      1n,
      -1n,
      2n ** 31n,
      -(2n ** 31n),
      2n ** 32n - 1n,
      -(2n ** 32n),
      2n ** 53n - 1n,
      -(2n ** 53n) + 1n,
    ];
    const beyond = [2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 63n - 1n, -(2n ** 63n), 123456789012345678n];
    for (const v of [...values, ...beyond]) expect(hashLong(v, 42)).toBe(bigintHashLong(v, 42));
    expect(hashLong(1n, 42)).toBe(-1712319331);
  });
});
