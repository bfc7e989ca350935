/**
 * Turning the ExecutePlan response stream into Arrow record batches for the DataFrame actions. A batch may arrive
 * split into chunks (`chunk_index` of `num_chunks_in_batch`); chunks are joined before decoding. The server sends
 * the result schema once, which lets an empty result still have columns.
 */
import { type RecordBatch, RecordBatchReader, Schema, Table } from "apache-arrow";
import type { ExecutePlanResponse, Plan } from "../../generated/proto/spark/connect/base_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import type { DataType as ProtoDataType } from "../../generated/proto/spark/connect/types_pb.js";
import type { Backend, ExecuteOptions } from "../backend.js";
import { SparkConnectError } from "../errors/index.js";

/** What an execution produced besides rows. */
export interface ExecutionSide {
  /** The result schema as Spark describes it (absent for commands). */
  schema?: ProtoDataType;
  /** For a SQL command: the relation to use for the resulting DataFrame. */
  sqlCommandRelation?: Relation;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Each IPC stream the server sent, joined from its chunks, in order. */
async function* ipcStreams(
  responses: AsyncIterable<ExecutePlanResponse>,
  side: ExecutionSide,
): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let rowsSeen = 0n;
  for await (const response of responses) {
    if (response.schema !== undefined) side.schema = response.schema;
    const result = response.responseType;
    if (result.case === "sqlCommandResult" && result.value.relation !== undefined) {
      side.sqlCommandRelation = result.value.relation;
    }
    if (result.case !== "arrowBatch") continue;
    const batch = result.value;
    if (batch.startOffset !== undefined && pending.length === 0 && batch.startOffset !== rowsSeen) {
      throw new SparkConnectError(`Result rows out of order: expected offset ${rowsSeen}, got ${batch.startOffset}.`);
    }
    pending.push(batch.data);
    const chunks = batch.numChunksInBatch ?? 1n;
    const index = batch.chunkIndex ?? 0n;
    if (index + 1n < chunks) continue;
    rowsSeen += batch.rowCount;
    yield concat(pending);
    pending = [];
  }
  if (pending.length > 0) throw new SparkConnectError("The result stream ended inside a chunked Arrow batch.");
}

/** Streams the record batches of a query, filling `side` as responses arrive. */
export async function* executeBatches(
  backend: Backend,
  plan: Plan,
  options: ExecuteOptions,
  side: ExecutionSide = {},
): AsyncGenerator<RecordBatch> {
  for await (const ipc of ipcStreams(backend.execute(plan, options), side)) {
    const reader = RecordBatchReader.from(ipc);
    for (const batch of reader) yield batch;
  }
}

/** Runs a query to completion and returns all its rows as one Arrow table. */
export async function executeToTable(
  backend: Backend,
  plan: Plan,
  options: ExecuteOptions,
): Promise<{ table: Table; side: ExecutionSide }> {
  const side: ExecutionSide = {};
  const batches: RecordBatch[] = [];
  let schema: Schema | undefined;
  for await (const ipc of ipcStreams(backend.execute(plan, options), side)) {
    const reader = RecordBatchReader.from(ipc);
    for (const batch of reader) batches.push(batch);
    schema ??= reader.schema;
  }
  const table = batches.length > 0 ? new Table(batches) : new Table(schema ?? new Schema([]));
  return { table, side };
}

/** Runs a command plan to completion (results other than side data are ignored). */
export async function executeCommand(backend: Backend, plan: Plan, options: ExecuteOptions): Promise<ExecutionSide> {
  const side: ExecutionSide = {};
  for await (const _ of ipcStreams(backend.execute(plan, options), side)) {
    // Commands may stream batches (e.g. SHOW TABLES); the DataFrame built from the result re-reads them.
  }
  return side;
}
