import { create } from "@bufbuild/protobuf";
import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { type ExecutePlanResponse, ExecutePlanResponseSchema } from "../../generated/proto/spark/connect/base_pb.js";
import { dataTypeToProto, parseSchema } from "../types/index.js";
import { ResultIntegrityError } from "./batch-assembler.js";
import { ResultStream } from "./result-stream.js";
import { batchOf, fixed, ipcBytes, strings } from "./test-batches.test-helper.js";

const batchA = batchOf({ id: fixed(new arrow.Int64(), BigInt64Array.of(1n, 2n)), s: strings(["a", "b"]) });
const batchB = batchOf({ id: fixed(new arrow.Int64(), BigInt64Array.of(3n)), s: strings(["c"]) });
const schema = parseSchema("id BIGINT, s STRING");

interface ChunkSpec {
  data: Uint8Array;
  rows: number;
  start?: number;
  index?: number;
  chunks?: number;
}

function arrowResponse({ data, rows, start, index, chunks }: ChunkSpec): ExecutePlanResponse {
  return create(ExecutePlanResponseSchema, {
    operationId: "op-1",
    responseType: {
      case: "arrowBatch",
      value: {
        data,
        rowCount: BigInt(rows),
        ...(start === undefined ? {} : { startOffset: BigInt(start) }),
        ...(index === undefined ? {} : { chunkIndex: BigInt(index) }),
        ...(chunks === undefined ? {} : { numChunksInBatch: BigInt(chunks) }),
      },
    },
  });
}

async function* stream(...responses: ExecutePlanResponse[]): AsyncIterable<ExecutePlanResponse> {
  yield* responses;
}

/** Splits bytes into `n` nearly equal chunks, as the server does with a large batch. */
function split(bytes: Uint8Array, n: number): Uint8Array[] {
  const size = Math.ceil(bytes.length / n);
  return Array.from({ length: n }, (_, i) => bytes.subarray(i * size, Math.min(bytes.length, (i + 1) * size)));
}

describe("ResultStream", () => {
  it("reassembles chunked batches, checks offsets and decodes with the server schema", async () => {
    const parts = split(ipcBytes(batchA), 3);
    const responses = [
      create(ExecutePlanResponseSchema, { operationId: "op-1", schema: dataTypeToProto(schema) }),
      ...parts.map((data, index) => arrowResponse({ data, rows: 2, start: 0, index, chunks: 3 })),
      arrowResponse({ data: ipcBytes(batchB), rows: 1, start: 2, index: 0, chunks: 1 }),
      create(ExecutePlanResponseSchema, { responseType: { case: "resultComplete", value: {} } }),
    ];
    const result = new ResultStream(stream(...responses));
    const rows = await result.collect();
    expect(rows.map((r) => r.values)).toEqual([
      [1n, "a"],
      [2n, "b"],
      [3n, "c"],
    ]);
    expect(result.complete).toBe(true);
    expect(result.rowCount).toBe(3n);
    expect(result.operationId).toBe("op-1");
    expect(result.schema?.json()).toBe(schema.json());
  });

  it("fails loudly when rows are missing between batches", async () => {
    const result = new ResultStream(
      stream(
        arrowResponse({ data: ipcBytes(batchA), rows: 2, start: 0 }),
        arrowResponse({ data: ipcBytes(batchB), rows: 1, start: 5 }),
      ),
    );
    await expect(result.collect()).rejects.toThrow(/start at row 2 but it starts at row 5/);
  });

  it("fails on chunks out of order, an unfinished batch and a wrong row count", async () => {
    const parts = split(ipcBytes(batchA), 2);
    const swapped = new ResultStream(
      stream(
        arrowResponse({ data: parts[0] as Uint8Array, rows: 2, start: 0, index: 0, chunks: 2 }),
        arrowResponse({ data: parts[1] as Uint8Array, rows: 2, start: 0, index: 2, chunks: 2 }),
      ),
    );
    await expect(swapped.collect()).rejects.toThrow(ResultIntegrityError);
    const unfinished = new ResultStream(
      stream(arrowResponse({ data: parts[0] as Uint8Array, rows: 2, start: 0, index: 0, chunks: 2 })),
    );
    await expect(unfinished.collect()).rejects.toThrow(/ended after 1 chunk/);
    const miscounted = new ResultStream(stream(arrowResponse({ data: ipcBytes(batchA), rows: 3 })));
    await expect(miscounted.collect()).rejects.toThrow(/announced 3 rows but holds 2/);
  });

  it("streams batches one at a time and reports progress, metrics and command results", async () => {
    const progress: bigint[] = [];
    const responses = [
      create(ExecutePlanResponseSchema, {
        responseType: { case: "executionProgress", value: { numInflightTasks: 4n, stages: [] } },
      }),
      arrowResponse({ data: ipcBytes(batchA), rows: 2, start: 0 }),
      create(ExecutePlanResponseSchema, {
        responseType: { case: "sqlCommandResult", value: {} },
        metrics: { metrics: [{ name: "scan", planId: 1n }] },
        observedMetrics: [{ name: "obs", keys: ["n"] }],
      }),
    ];
    const result = new ResultStream(stream(...responses), { onProgress: (p) => progress.push(p.numInflightTasks) });
    const seen: number[] = [];
    for await (const batch of result) seen.push(batch.numRows);
    expect(seen).toEqual([2]);
    expect(progress).toEqual([4n]);
    expect(result.sqlCommandResult).toBeDefined();
    expect(result.metrics?.metrics[0]?.name).toBe("scan");
    expect(result.observedMetrics.map((m) => m.name)).toEqual(["obs"]);
    await expect(result.collect()).rejects.toThrow(/already consumed/);
  });

  it("refuses batches whose columns disagree with the server's schema", async () => {
    const result = new ResultStream(
      stream(
        create(ExecutePlanResponseSchema, { schema: dataTypeToProto(parseSchema("id BIGINT")) }),
        arrowResponse({ data: ipcBytes(batchA), rows: 2, start: 0 }),
      ),
    );
    await expect(result.collect()).rejects.toThrow(/schema has 1 columns but its Arrow batch has 2/);
  });

  it("toArrow keeps the schema of an empty result", async () => {
    const table = await new ResultStream(
      stream(create(ExecutePlanResponseSchema, { schema: dataTypeToProto(schema) })),
    ).toArrow();
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(["id:Int64", "s:Utf8"]);
  });
});
