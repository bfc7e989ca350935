/**
 * `df.persist(level)` / `df.cache()` on the embedded engine. A persisted plan is keyed by its canonical text (the
 * same key `sameSemantics` uses), so an equal query built again finds it too. The first run computes the result
 * and keeps it: in memory for levels that use memory, or spilled as one Arrow IPC file per partition under a
 * temporary directory for disk-only levels. Later runs of the same plan read the kept result.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { StorageLevelSchema } from "../../../generated/proto/spark/connect/common_pb.js";
import { arrowIpcToBatch, batchToArrowIpc } from "../columnar/arrow-io.js";
import { type Batch, concatBatches } from "../columnar/column-vector.js";
import type { QueryResult } from "../query-engine.js";

export type StorageLevelShape = Required<
  Pick<
    MessageInitShape<typeof StorageLevelSchema>,
    "useDisk" | "useMemory" | "useOffHeap" | "deserialized" | "replication"
  >
>;

export const NOT_PERSISTED: StorageLevelShape = {
  useDisk: false,
  useMemory: false,
  useOffHeap: false,
  deserialized: false,
  replication: 1,
};

interface SpilledResult {
  readonly output: QueryResult["output"];
  readonly files: readonly string[];
}

interface Entry {
  readonly level: StorageLevelShape;
  memory?: QueryResult;
  disk?: SpilledResult;
}

export class PersistedPlans {
  private readonly entries = new Map<string, Entry>();
  private spillDir: string | undefined;

  get isEmpty(): boolean {
    return this.entries.size === 0;
  }

  /** Like Spark, persisting an already persisted plan keeps its first level. */
  persist(key: string, level: StorageLevelShape): void {
    if (!this.entries.has(key)) this.entries.set(key, { level });
  }

  unpersist(key: string): void {
    const entry = this.entries.get(key);
    for (const file of entry?.disk?.files ?? []) rmSync(file, { force: true });
    this.entries.delete(key);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.unpersist(key);
  }

  levelOf(key: string): StorageLevelShape {
    return this.entries.get(key)?.level ?? NOT_PERSISTED;
  }

  /** The kept result of a persisted plan, computing and keeping it on first use; undefined if not persisted. */
  async resultFor(
    key: string,
    compute: () => Promise<QueryResult>,
    timeZone: string,
  ): Promise<QueryResult | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.memory !== undefined) return entry.memory;
    if (entry.disk !== undefined) return this.readSpilled(entry.disk);
    const result = await compute();
    if (entry.level.useMemory || !entry.level.useDisk) entry.memory = result;
    else entry.disk = this.spill(result, timeZone);
    return result;
  }

  private spill(result: QueryResult, timeZone: string): SpilledResult {
    this.spillDir ??= mkdtempSync(join(tmpdir(), "sparkts-cache-"));
    const fields = result.output.map((a) => ({ name: a.name, type: a.type, nullable: a.nullable }));
    const types = fields.map((f) => f.type);
    const files = result.partitions.map((batches, i) => {
      const file = join(this.spillDir as string, `${Date.now()}-${Math.random().toString(36).slice(2)}-${i}.arrow`);
      writeFileSync(file, batchToArrowIpc(concatBatches(types, batches), fields, timeZone));
      return file;
    });
    return { output: result.output, files };
  }

  private readSpilled(spilled: SpilledResult): QueryResult {
    const partitions = spilled.files.map((file): Batch[] => {
      const { batch } = arrowIpcToBatch(readFileSync(file));
      // The engine's own types win over what the Arrow schema says (same storage, exact type).
      const columns = batch.columns.map((c, i) => ({ ...c, type: spilled.output[i]?.type ?? c.type }));
      return [{ columns, numRows: batch.numRows }];
    });
    return { output: spilled.output, partitions };
  }

  /** Removes every spilled file (the session is ending). */
  close(): void {
    this.clear();
    if (this.spillDir !== undefined) rmSync(this.spillDir, { recursive: true, force: true });
  }
}
