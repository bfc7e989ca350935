import { Int64, makeData, makeVector, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { withDistinctBuffers } from "./arrow-distinct-buffers.js";

const N = 100;
const longs = (data: BigInt64Array) => makeVector(makeData({ type: new Int64(), length: N, nullCount: 0, data }));

describe("withDistinctBuffers", () => {
  it("a vector used in two columns writes an IPC stream that reads back", () => {
    const ids = new BigInt64Array(N).map((_, i) => BigInt(i));
    const names = vectorFromArray(
      Array.from({ length: N }, (_, i) => `n${i}`),
      new Utf8(),
    );
    const table = new Table({ a: longs(ids), b: longs(ids), s: names, t: names });
    const back = tableFromIPC(tableToIPC(withDistinctBuffers(table), "stream"));
    expect(back.toArray().map((row) => row.toJSON())).toEqual(table.toArray().map((row) => row.toJSON()));
  });

  it("leaves a table without shared buffers as it is", () => {
    const table = new Table({ a: longs(new BigInt64Array(N)), b: longs(new BigInt64Array(N)) });
    expect(withDistinctBuffers(table)).toBe(table);
  });
});
