import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Batch, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { arrayType, mapType } from "../types/nested-types.js";
import { batchBytes } from "./block-size.js";
import { BlockStore } from "./block-store.js";

const TYPES: T.DataType[] = [
  T.INT,
  T.LONG,
  T.DOUBLE,
  T.BOOLEAN,
  T.STRING,
  T.decimalType(20, 3),
  T.DATE,
  T.TIMESTAMP,
  T.BINARY,
  arrayType(T.STRING, true),
  mapType(T.STRING, T.INT, true),
  T.structType([{ name: "x", type: T.DOUBLE, nullable: true }]),
];

function batch(offset: number): Batch {
  const rows = 3;
  const values = (f: (r: number) => Scalar): Scalar[] =>
    Array.from({ length: rows }, (_, r) => (r === 1 ? null : f(r)));
  const columns = [
    values((r) => offset + r),
    values((r) => BigInt(offset * 1_000_000_000_000 + r)),
    values((r) => offset + r / 4),
    values((r) => r % 2 === 0),
    values((r) => `ü${offset}-${r}`),
    values((r) => BigInt(offset) * 10n ** 18n + BigInt(r)),
    values((r) => 19_000 + r),
    values((r) => BigInt(r) * 1_000_001n),
    values((r) => Uint8Array.of(offset, r)),
    values((r) => [`a${r}`, null]),
    values((r) => ({ keys: [`k${r}`], values: [r] })),
    values((r) => [r + 0.5]),
  ].map((v, i) => columnFromScalars(TYPES[i] as T.DataType, v));
  return { columns, numRows: rows };
}

const rowsOf = (batches: readonly Batch[]) =>
  batches.flatMap((b) => Array.from({ length: b.numRows }, (_, r) => b.columns.map((c) => getScalar(c, r))));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const localDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "block-store-test-"));
  dirs.push(dir);
  return dir;
};

describe("block store", () => {
  it("keeps blocks in memory under the threshold and returns them unchanged", () => {
    const store = new BlockStore("e1");
    const blocks = [[batch(1)], [], [batch(2), batch(3)]];
    const status = store.put(0, 5, blocks, { thresholdBytes: 1 << 30, localDir: localDir() });
    expect(status).toMatchObject({ executorId: "e1", rows: [3, 0, 6], spilledBlocks: 0, spillDir: null });
    expect(store.read(0, [5], 2)?.[0]).toEqual(blocks[2]);
    expect(store.read(0, [5], 1)).toBeUndefined();
  });

  it("spills blocks over the threshold as Arrow IPC files, reads every type back, deletes them with the shuffle", () => {
    const dir = localDir();
    const store = new BlockStore("e2");
    const inMemory = [batch(1)];
    const spilled = [batch(2), batch(3)];
    const thresholdBytes = batchBytes(inMemory[0] as Batch);
    const status = store.put(7, 0, [inMemory, spilled], { thresholdBytes, localDir: dir });
    expect(status.spilledBlocks).toBe(1);
    expect(status.spillDir).not.toBeNull();
    expect(readdirSync(status.spillDir as string)).toHaveLength(1);
    const back = store.read(7, [0], 1) as Batch[][];
    expect(rowsOf(back.flat())).toEqual(rowsOf(spilled));
    expect(back.flat()[0]?.columns.map((c) => c.type)).toEqual(TYPES);
    expect(rowsOf((store.read(7, [0], 0) as Batch[][]).flat())).toEqual(rowsOf(inMemory));
    // Served again (a retried reduce task) from the same file.
    expect(rowsOf((store.read(7, [0], 1) as Batch[][]).flat())).toEqual(rowsOf(spilled));
    store.removeShuffle(7);
    expect(readdirSync(status.spillDir as string)).toHaveLength(0);
    store.clear();
    expect(readdirSync(dir)).toHaveLength(0);
  });
});
