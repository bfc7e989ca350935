/**
 * One executor's shuffle blocks (Spark's BlockManager, shuffle part only): the map outputs its tasks wrote, per
 * shuffle, map and reduce partition. Blocks stay in memory up to the spill threshold; later blocks are written to
 * the executor's spill directory as Arrow IPC streams and read back when a reduce task fetches them. Files go when
 * their shuffle is removed, the directory when the store is cleared.
 */
import { mkdtempSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { arrowIpcToBatch, batchToArrowIpc } from "../columnar/arrow-io.js";
import { type Batch, concatBatches } from "../columnar/column-vector.js";
import { compactDecimalsOf } from "../columnar/compact-decimals.js";
import type { DataType } from "../types/data-types.js";
import { batchBytes } from "./block-size.js";
import type { MapStatus, SpillSettings } from "./map-status.js";
import { removeSpillDir, trackSpillDir } from "./spill-dir-cleanup.js";

type Block =
  | { readonly kind: "memory"; readonly batches: readonly Batch[]; readonly bytes: number }
  | { readonly kind: "disk"; readonly path: string; readonly types: readonly DataType[] };

export class BlockStore {
  /** shuffleId → `map:reduce` → block (empty blocks are not kept). */
  private readonly shuffles = new Map<number, Map<string, Block>>();
  private memoryBytes = 0;
  /** Buffers behind in-memory blocks: a thread must not transfer them away with a task result. */
  private readonly held = new WeakSet<ArrayBufferLike>();
  private dir: string | null = null;

  constructor(readonly executorId: string) {}

  /** Keeps one map task's output (one block list per reducer) and describes it for the driver. */
  put(shuffleId: number, map: number, perReducer: readonly (readonly Batch[])[], spill: SpillSettings): MapStatus {
    const blocks = this.shuffles.get(shuffleId) ?? new Map<string, Block>();
    this.shuffles.set(shuffleId, blocks);
    const rows: number[] = [];
    const bytes: number[] = [];
    let spilledBlocks = 0;
    perReducer.forEach((batches, reduce) => {
      const nonEmpty = batches.filter((b) => b.numRows > 0);
      const size = nonEmpty.reduce((sum, b) => sum + batchBytes(b), 0);
      rows.push(nonEmpty.reduce((sum, b) => sum + b.numRows, 0));
      bytes.push(size);
      const key = blockKey(map, reduce);
      this.drop(blocks.get(key));
      if (nonEmpty.length === 0) {
        blocks.delete(key);
        return;
      }
      const spilled =
        this.memoryBytes + size > spill.thresholdBytes ? this.spill(shuffleId, key, nonEmpty, spill) : null;
      if (spilled !== null) {
        spilledBlocks++;
        blocks.set(key, spilled);
      } else {
        this.memoryBytes += size;
        for (const batch of nonEmpty) for (const column of batch.columns) this.hold(column);
        blocks.set(key, { kind: "memory", batches: nonEmpty, bytes: size });
      }
    });
    return { executorId: this.executorId, rows, bytes, spilledBlocks, spillDir: this.dir };
  }

  /**
   * The blocks of some maps for one reduce partition, one list per map. Blocks held in memory are returned as they
   * are (shared, not copied); spilled ones are decoded into fresh buffers. Undefined when a map output is not here.
   */
  read(shuffleId: number, maps: readonly number[], reduce: number): Batch[][] | undefined {
    const blocks = this.shuffles.get(shuffleId);
    if (blocks === undefined) return undefined;
    const out: Batch[][] = [];
    for (const map of maps) {
      const block = blocks.get(blockKey(map, reduce));
      if (block === undefined) return undefined;
      out.push(block.kind === "memory" ? [...block.batches] : [readSpilled(block)]);
    }
    return out;
  }

  removeShuffle(shuffleId: number): void {
    const blocks = this.shuffles.get(shuffleId);
    if (blocks === undefined) return;
    for (const block of blocks.values()) this.drop(block);
    this.shuffles.delete(shuffleId);
  }

  /** Drops every block and deletes the spill directory. */
  clear(): void {
    for (const id of [...this.shuffles.keys()]) this.removeShuffle(id);
    if (this.dir !== null) removeSpillDir(this.dir);
    this.dir = null;
  }

  /** Whether a buffer backs a block kept in memory (so it is shared, not owned by a task's result). */
  holds(buffer: ArrayBufferLike): boolean {
    return this.held.has(buffer);
  }

  private hold(column: Batch["columns"][number]): void {
    // A compact decimal column's doubles, without reading `data` (which would build a BigInt per value).
    const compact = compactDecimalsOf(column);
    if (compact !== undefined) this.held.add(compact.buffer);
    else if (ArrayBuffer.isView(column.data)) this.held.add(column.data.buffer);
    if (column.validity !== null) this.held.add(column.validity.buffer);
  }

  get spillDir(): string | null {
    return this.dir;
  }

  private drop(block: Block | undefined): void {
    if (block?.kind === "memory") this.memoryBytes -= block.bytes;
    else if (block?.kind === "disk") unlinkSync(block.path);
  }

  /** Writes a block to disk; null (the block stays in memory) for a batch Arrow cannot carry yet. */
  private spill(shuffleId: number, key: string, batches: readonly Batch[], spill: SpillSettings): Block | null {
    const first = batches[0] as Batch;
    if (first.columns.length === 0) return null;
    const types = first.columns.map((c) => c.type);
    let bytes: Uint8Array;
    try {
      const batch = concatBatches(types, batches);
      const fields = types.map((type, i) => ({ name: `c${i}`, type, nullable: true }));
      bytes = batchToArrowIpc(batch, fields, "UTC");
    } catch {
      return null;
    }
    if (this.dir === null) {
      this.dir = mkdtempSync(join(spill.localDir ?? tmpdir(), `sparkts-shuffle-${this.executorId}-`));
      trackSpillDir(this.dir);
    }
    const path = join(this.dir, `shuffle_${shuffleId}_${key.replace(":", "_")}.arrow`);
    writeFileSync(path, bytes);
    return { kind: "disk", path, types };
  }
}

const blockKey = (map: number, reduce: number): string => `${map}:${reduce}`;

/** Arrow decoding picks its own engine types; the block's original types are put back (same storage). */
function readSpilled(block: Extract<Block, { kind: "disk" }>): Batch {
  const { batch } = arrowIpcToBatch(readFileSync(block.path));
  return {
    numRows: batch.numRows,
    columns: batch.columns.map((column, i) => ({ ...column, type: block.types[i] ?? column.type })),
  };
}
