/**
 * Results the server splits into many Arrow chunks are reassembled into exactly the rows Spark computed, and
 * batches stream out one at a time instead of after the whole result.
 */
import { describe, expect, it } from "vitest";
import type { ExecutePlanResponse } from "../../../generated/proto/spark/connect/base_pb.js";
import { ResultStream } from "../../../runtime/arrow/index.js";
import { sparkRemote } from "../../support/session-url.js";
import { executeChunked } from "./chunked-execute.js";
import { sqlPlan } from "./remote-query.js";

const QUERY =
  "SELECT id, repeat(CAST(id AS STRING), 2000) AS text, CAST(id AS DECIMAL(38,0)) * 1000000000000000000 AS big FROM range(0, 300, 1, 3)";

describe("chunked Arrow batches from a real server", () => {
  it("reassembles every chunk and keeps every row", async () => {
    const seen: ExecutePlanResponse[] = [];
    async function* recording(source: AsyncIterable<ExecutePlanResponse>) {
      for await (const response of source) {
        seen.push(response);
        yield response;
      }
    }
    const stream = new ResultStream(recording(executeChunked(sparkRemote(), sqlPlan(QUERY), 4096)));
    const rows = await stream.collect();

    const chunks = seen.flatMap((r) => (r.responseType.case === "arrowBatch" ? [r.responseType.value] : []));
    const split = chunks.filter((c) => (c.numChunksInBatch ?? 0n) > 1n);
    expect(split.length).toBeGreaterThan(10);
    expect(chunks.every((c) => c.data.length <= 4096 + 1024)).toBe(true);

    expect(rows).toHaveLength(300);
    rows.forEach((row, i) => {
      expect(row.get("id")).toBe(BigInt(i));
      expect(row.get("text")).toBe(String(i).repeat(2000));
      expect(String(row.get("big"))).toBe(i === 0 ? "0" : `${i}000000000000000000`);
    });
    expect(stream.rowCount).toBe(300n);
  });
});
