import { describe, expect, it } from "vitest";
import { type Batch, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import type { Expr } from "../logical/expressions.js";
import type { Generator } from "../logical/generators.js";
import * as T from "../types/data-types.js";
import { arrayType, mapType } from "../types/nested-types.js";
import { generateBatch } from "./generate-kernel.js";

const ctx = { timeZone: "UTC" };
const input = (ordinal: number, type: T.DataType): Expr => ({
  kind: "input",
  ordinal,
  type,
  nullable: true,
  name: "c",
});
const rows = (batch: Batch): Scalar[][] =>
  Array.from({ length: batch.numRows }, (_, r) => batch.columns.map((c) => getScalar(c, r)));

const ARRAYS = arrayType(T.INT, true);
const arrays: Batch = {
  columns: [columnFromScalars(T.STRING, ["a", "b", "c", "d"]), columnFromScalars(ARRAYS, [[1, null], [], null, [7]])],
  numRows: 4,
};

function generator(kind: Generator["kind"], args: readonly Expr[], outer = false): Generator {
  return { kind, args, outer, display: kind };
}

describe("generate kernel", () => {
  it("repeats each input row next to its array elements and drops rows that yield nothing", () => {
    const out = generateBatch(arrays, generator("explode", [input(1, ARRAYS)]), [T.INT], ctx);
    expect(rows(out)).toEqual([
      ["a", [1, null], 1],
      ["a", [1, null], null],
      ["d", [7], 7],
    ]);
  });

  it("keeps empty and NULL inputs once, with NULLs, when outer", () => {
    const out = generateBatch(arrays, generator("posexplode", [input(1, ARRAYS)], true), [T.INT, T.INT], ctx);
    expect(rows(out).map((r) => [r[0], r[2], r[3]])).toEqual([
      ["a", 0, 1],
      ["a", 1, null],
      ["b", null, null],
      ["c", null, null],
      ["d", 0, 7],
    ]);
  });

  it("yields map entries as key and value, and stack's rows with NULL padding", () => {
    const maps = mapType(T.STRING, T.LONG, true);
    const batch: Batch = { columns: [columnFromScalars(maps, [{ keys: ["x", "y"], values: [1n, null] }])], numRows: 1 };
    expect(rows(generateBatch(batch, generator("explode", [input(0, maps)]), [T.STRING, T.LONG], ctx))).toEqual([
      [{ keys: ["x", "y"], values: [1n, null] }, "x", 1n],
      [{ keys: ["x", "y"], values: [1n, null] }, "y", null],
    ]);
    const count: Expr = { kind: "literal", value: 2, type: T.INT, nullable: false };
    const three = [input(0, T.STRING), input(0, T.STRING), input(0, T.STRING)];
    const stacked = generateBatch(arrays, generator("stack", [count, ...three]), [T.STRING, T.STRING], ctx);
    expect(rows(stacked).slice(0, 2)).toEqual([
      ["a", [1, null], "a", "a"],
      ["a", [1, null], "a", null],
    ]);
  });
});
