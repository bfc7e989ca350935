/**
 * One ExecutePlan call that asks the server to split Arrow batches into chunks of at most `chunkSize` bytes
 * (`ResultChunkingOptions`). RemoteBackend does not send that option yet, so this test-only call is how the
 * chunk reassembly in runtime/arrow is proven against a real server. No retries, no reattach: one stream.
 */
import { randomUUID } from "node:crypto";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import {
  type ExecutePlanRequest,
  ExecutePlanRequestSchema,
  type ExecutePlanResponse,
  ExecutePlanResponseSchema,
  type Plan,
} from "../../../generated/proto/spark/connect/base_pb.js";

export async function* executeChunked(url: string, plan: Plan, chunkSize: number): AsyncIterable<ExecutePlanResponse> {
  const match = /^sc:\/\/([^/:]+):(\d+)/.exec(url);
  if (!match) throw new Error(`expected sc://host:port, got ${url}`);
  const client = new grpc.Client(`${match[1]}:${match[2]}`, grpc.credentials.createInsecure());
  try {
    const request = create(ExecutePlanRequestSchema, {
      sessionId: randomUUID(),
      userContext: { userId: "sparkts-arrow-tests" },
      clientType: "sparkts-arrow-tests",
      plan,
      requestOptions: [
        {
          requestOption: {
            case: "resultChunkingOptions",
            value: { allowArrowBatchChunking: true, preferredArrowChunkSize: BigInt(chunkSize) },
          },
        },
      ],
    });
    const call = client.makeServerStreamRequest<ExecutePlanRequest, ExecutePlanResponse>(
      "/spark.connect.SparkConnectService/ExecutePlan",
      (message) => Buffer.from(toBinary(ExecutePlanRequestSchema, message)),
      (bytes) => fromBinary(ExecutePlanResponseSchema, bytes),
      request,
    );
    for await (const response of call as AsyncIterable<ExecutePlanResponse>) yield response;
  } finally {
    client.close();
  }
}
