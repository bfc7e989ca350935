/**
 * What the driver learns about one finished map task: which executor holds its output and how big each reduce
 * partition's block is. The data itself stays with that executor until a reduce task fetches it.
 */
export interface MapStatus {
  readonly executorId: string;
  /** Rows per reduce partition (a reducer skips maps with no rows for it). */
  readonly rows: readonly number[];
  /** Estimated in-memory bytes per reduce partition. */
  readonly bytes: readonly number[];
  /** Blocks of this map output that were written to disk because the store was over its memory threshold. */
  readonly spilledBlocks: number;
  /** The executor's spill directory, once it has spilled anything (the driver removes it if the executor dies). */
  readonly spillDir: string | null;
}

/** How a block store decides between memory and disk; comes from the session conf with each map task. */
export interface SpillSettings {
  /** Bytes of shuffle blocks an executor keeps in memory before writing further blocks to disk. */
  readonly thresholdBytes: number;
  /** `spark.local.dir` when set (its first entry); otherwise the OS temp directory. */
  readonly localDir: string | null;
}

export const DEFAULT_SPILL_THRESHOLD_BYTES = 256 * 1024 * 1024;
