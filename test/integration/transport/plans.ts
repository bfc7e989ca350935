/**
 * Hand-built Spark Connect plans and result readers for the transport tests, which send plans straight through
 * the backend (no DataFrame API involved).
 */
import { create } from "@bufbuild/protobuf";
import { tableFromIPC } from "apache-arrow";
import { type ExecutePlanResponse, type Plan, PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";

export function rangePlan(end: bigint, numPartitions = 4): Plan {
  return create(PlanSchema, {
    opType: { case: "root", value: { relType: { case: "range", value: { start: 0n, end, step: 1n, numPartitions } } } },
  });
}

export function sqlPlan(query: string): Plan {
  return create(PlanSchema, { opType: { case: "root", value: { relType: { case: "sql", value: { query } } } } });
}

/** A query that keeps one task asleep, so it can be interrupted. */
export function sleepingPlan(ms: number): Plan {
  return sqlPlan(`SELECT java_method('java.lang.Thread', 'sleep', CAST(${ms} AS BIGINT)) AS slept`);
}

export interface Collected {
  readonly responses: ExecutePlanResponse[];
  /** Values of the first column of every Arrow batch, in arrival order. */
  readonly values: unknown[];
  /** How many batches arrived split into more than one chunk. */
  readonly chunkedBatches: number;
}

/** Reads a result stream, reassembling chunked Arrow batches and checking their order and offsets. */
export async function collect(stream: AsyncIterable<ExecutePlanResponse>): Promise<Collected> {
  const responses: ExecutePlanResponse[] = [];
  const values: unknown[] = [];
  let pending: Uint8Array[] = [];
  let chunkedBatches = 0;
  for await (const response of stream) {
    responses.push(response);
    if (response.responseType.case !== "arrowBatch") continue;
    const batch = response.responseType.value;
    if (pending.length === 0 && batch.startOffset !== undefined && batch.startOffset !== BigInt(values.length)) {
      throw new Error(`batch starts at row ${batch.startOffset} but ${values.length} rows arrived`);
    }
    if (Number(batch.chunkIndex ?? 0n) !== pending.length) {
      throw new Error(`expected chunk ${pending.length}, got ${batch.chunkIndex}`);
    }
    pending.push(batch.data);
    const chunkCount = Number(batch.numChunksInBatch ?? 0n);
    if (chunkCount > 1 && pending.length < chunkCount) continue;
    if (chunkCount > 1) chunkedBatches += 1;
    const table = tableFromIPC(Buffer.concat(pending));
    pending = [];
    if (BigInt(table.numRows) !== batch.rowCount)
      throw new Error(`batch says ${batch.rowCount} rows, has ${table.numRows}`);
    const column = table.getChildAt(0);
    if (column !== null) for (const value of column) values.push(value);
  }
  if (pending.length > 0) throw new Error(`stream ended inside a chunked batch (${pending.length} chunks pending)`);
  return { responses, values, chunkedBatches };
}

/** Asserts-friendly summary: how many ids are missing or repeated among 0..end-1. */
export function idCoverage(values: readonly unknown[], end: number): { missing: number; duplicates: number } {
  const seen = new Uint8Array(end);
  let duplicates = 0;
  for (const value of values) {
    const id = Number(value as bigint);
    if (seen[id] === 1) duplicates += 1;
    seen[id] = 1;
  }
  let missing = 0;
  for (const flag of seen) if (flag === 0) missing += 1;
  return { missing, duplicates };
}

/** Counts RPC attempts by name; pass `counter.onRpc` to RemoteBackend.connect. */
export function rpcCounter() {
  const counts = new Map<string, number>();
  return {
    counts,
    onRpc: (rpc: string) => void counts.set(rpc, (counts.get(rpc) ?? 0) + 1),
    of: (rpc: string) => counts.get(rpc) ?? 0,
  };
}
