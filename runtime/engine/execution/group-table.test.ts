import { describe, expect, it } from "vitest";
import { columnFromScalars, getScalar } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { GroupTable } from "./group-table.js";

describe("GroupTable", () => {
  it("groups NULL with NULL, NaN with NaN and -0.0 with 0.0", () => {
    const table = new GroupTable([T.DOUBLE], 2);
    const ids = table.findOrInsert([columnFromScalars(T.DOUBLE, [1, null, Number.NaN, -0, 0, null, Number.NaN, 1])], 8);
    expect(Array.from(ids)).toEqual([0, 1, 2, 3, 3, 1, 2, 0]);
    expect(table.size).toBe(4);
  });

  it("keeps multi-column keys apart and grows past its initial capacity", () => {
    const n = 5000;
    const a = columnFromScalars(
      T.INT,
      Array.from({ length: n }, (_, i) => i % 100),
    );
    const b = columnFromScalars(
      T.STRING,
      Array.from({ length: n }, (_, i) => `k${i % 7}`),
    );
    const table = new GroupTable([T.INT, T.STRING], 4);
    const ids = table.findOrInsert([a, b], n);
    expect(table.size).toBe(700);
    expect(ids[0]).toBe(ids[700]);
    expect(ids[0]).not.toBe(ids[100]);
    const keys = table.keyColumns();
    expect(getScalar(keys[0] as never, ids[123] as number)).toBe(23);
    expect(getScalar(keys[1] as never, ids[123] as number)).toBe("k4");
  });

  it("find reports absent keys as -1 without inserting", () => {
    const table = new GroupTable([T.LONG]);
    table.findOrInsert([columnFromScalars(T.LONG, [5n, 6n])], 2);
    expect(Array.from(table.find([columnFromScalars(T.LONG, [6n, 7n])], 2))).toEqual([1, -1]);
    expect(table.size).toBe(2);
  });
});
