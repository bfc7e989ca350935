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

  it("groups single integral keys by value, NULL with NULL, and gives their keys back (longs beyond 32 bits too)", () => {
    const n = 20000;
    const values = Array.from({ length: n }, (_, i) =>
      i % 11 === 0 ? null : BigInt(i % 3000) * 4294967296n - BigInt(i % 3000) - 7n,
    );
    const table = new GroupTable([T.LONG], 4);
    const ids = table.findOrInsert([columnFromScalars(T.LONG, values)], n);
    expect(table.size).toBe(new Set(values).size);
    const [keys] = table.keyColumns();
    values.forEach((v, i) => {
      expect(getScalar(keys as never, ids[i] as number)).toBe(v);
    });
    const probe = table.find([columnFromScalars(T.LONG, [values[1] as bigint, null, 1n << 40n])], 3);
    expect(Array.from(probe)).toEqual([ids[1], ids[0], -1]);
    const dates = new GroupTable([T.DATE]);
    expect(Array.from(dates.findOrInsert([columnFromScalars(T.DATE, [-5, 9000, -5, null])], 4))).toEqual([0, 1, 0, 2]);
    expect(dates.keyColumns().map((c) => [0, 1, 2].map((g) => getScalar(c, g)))).toEqual([[-5, 9000, null]]);
  });
});
