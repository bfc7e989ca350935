/**
 * Reassembles the Arrow batches of an ExecutePlan stream. The server may split one IPC batch into several
 * `ArrowBatch` chunks (`chunk_index` 0..`num_chunks_in_batch`-1) and tells where each batch starts in the
 * result (`start_offset`); any gap, reordering or row-count disagreement is an error, never silent data loss.
 */
import * as arrow from "apache-arrow";
import type { ExecutePlanResponse_ArrowBatch } from "../../generated/proto/spark/connect/base_pb.js";
import { SparkConnectError } from "../errors/index.js";

export class ResultIntegrityError extends SparkConnectError {}

export class BatchAssembler {
  private pending: Uint8Array[] = [];
  /** Rows of all complete batches so far. */
  rowsReceived = 0n;

  /** Takes one chunk; returns the record batches it completes (none while a split batch is still open). */
  accept(chunk: ExecutePlanResponse_ArrowBatch): arrow.RecordBatch[] {
    const index = chunk.chunkIndex ?? 0n;
    if (this.pending.length > 0) {
      if (index !== BigInt(this.pending.length)) {
        throw new ResultIntegrityError(
          `Expected chunk ${this.pending.length} of the current Arrow batch but got chunk ${index}.`,
        );
      }
    } else {
      if (chunk.startOffset !== undefined && chunk.startOffset !== this.rowsReceived) {
        throw new ResultIntegrityError(
          `Expected the next Arrow batch to start at row ${this.rowsReceived} but it starts at row ${chunk.startOffset}: rows were lost or repeated.`,
        );
      }
      if (index !== 0n) throw new ResultIntegrityError(`Expected chunk 0 of a new Arrow batch but got chunk ${index}.`);
    }
    this.pending.push(chunk.data);
    const total = chunk.numChunksInBatch ?? 0n;
    if (total > 0n && BigInt(this.pending.length) < total) return [];
    const bytes = concat(this.pending);
    this.pending = [];
    const batches = readBatches(bytes);
    const rows = batches.reduce((sum, b) => sum + BigInt(b.numRows), 0n);
    if (rows !== chunk.rowCount) {
      throw new ResultIntegrityError(`Arrow batch announced ${chunk.rowCount} rows but holds ${rows}.`);
    }
    this.rowsReceived += rows;
    return batches;
  }

  /** The stream is over: a half-received split batch means the result is incomplete. */
  finish(): void {
    if (this.pending.length > 0) {
      throw new ResultIntegrityError(
        `The result ended after ${this.pending.length} chunk(s) of an unfinished Arrow batch.`,
      );
    }
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The record batches of one Arrow IPC stream (a schema message followed by batches). */
function readBatches(bytes: Uint8Array): arrow.RecordBatch[] {
  const reader = arrow.RecordBatchReader.from(bytes);
  const batches: arrow.RecordBatch[] = [];
  for (const batch of reader) batches.push(batch);
  return batches;
}
