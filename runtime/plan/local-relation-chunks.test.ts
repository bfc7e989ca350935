import { Int64, makeData, makeVector, Table, tableFromIPC, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { localRelationChunks, tableBytes } from "./local-relation-chunks.js";

function sample(rows: number): Table {
  const ids = new BigInt64Array(rows).map((_, i) => BigInt(i));
  const names = Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : `name-${i}`));
  return new Table({
    id: makeVector(makeData({ type: new Int64(), length: rows, nullCount: 0, data: ids })),
    name: vectorFromArray(names, new Utf8()),
  });
}

/** Every chunk decoded, concatenated: the rows must come back whole and in order. */
function rowsOf(chunks: readonly Uint8Array[]): unknown[] {
  return chunks.flatMap((chunk) =>
    tableFromIPC(chunk)
      .toArray()
      .map((row) => row.toJSON()),
  );
}

describe("localRelationChunks", () => {
  it("respects the row limit (windows shrink to it) and keeps every row in order", () => {
    const table = sample(10);
    const chunks = [...localRelationChunks(table, { maxRows: 4, maxBytes: 1 << 30 })];
    expect(chunks.map((chunk) => tableFromIPC(chunk).numRows)).toEqual([4, 4, 2]);
    expect(rowsOf(chunks)).toEqual(table.toArray().map((row) => row.toJSON()));
  });

  it("cuts by estimated bytes in windows of 1024 rows", () => {
    const table = sample(5000);
    const perRow = tableBytes(table) / 5000;
    const chunks = [...localRelationChunks(table, { maxRows: 1_000_000, maxBytes: Math.ceil(perRow * 2100) })];
    expect(chunks.map((chunk) => tableFromIPC(chunk).numRows)).toEqual([2048, 2048, 904]);
    expect(rowsOf(chunks)).toEqual(table.toArray().map((row) => row.toJSON()));
  });

  it("a window larger than the byte limit still makes a chunk of its own", () => {
    const chunks = [...localRelationChunks(sample(3000), { maxRows: 1_000_000, maxBytes: 1 })];
    expect(chunks.map((chunk) => tableFromIPC(chunk).numRows)).toEqual([1024, 1024, 952]);
  });

  it("tableBytes adds up the column buffers", () => {
    const ids = sample(100).getChild("id");
    expect(ids?.data[0]?.byteLength).toBe(800);
    expect(tableBytes(sample(100))).toBeGreaterThan(800);
  });
});
