/**
 * A deliberately small Spark Connect client for the engine parity tests: it sends a Plan to the real server and
 * hands back the raw responses, so the tests compare LocalBackend against Spark without depending on the
 * transport layer (written separately in runtime/transport).
 */
import { randomUUID } from "node:crypto";
import {
  create,
  type DescMessage,
  fromBinary,
  type MessageInitShape,
  type MessageShape,
  toBinary,
} from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import {
  type AnalyzePlanRequestSchema,
  type AnalyzePlanResponse,
  AnalyzePlanResponseSchema,
  AnalyzePlanRequestSchema as AnalyzeRequestSchema,
  type ConfigRequest_OperationSchema,
  ConfigRequestSchema,
  type ConfigResponse,
  ConfigResponseSchema,
  ExecutePlanRequestSchema,
  type ExecutePlanResponse,
  ExecutePlanResponseSchema,
  type Plan,
} from "../../../generated/proto/spark/connect/base_pb.js";
import { errorFromGrpc } from "../../../runtime/errors/index.js";

const SERVICE = "/spark.connect.SparkConnectService";

function parseRemote(url: string): string {
  const match = /^sc:\/\/([^/:]+)(?::(\d+))?/.exec(url);
  if (!match) throw new Error(`not a Spark Connect URL: ${url}`);
  return `${match[1]}:${match[2] ?? "15002"}`;
}

export class TestSparkClient {
  readonly sessionId = randomUUID();
  private readonly client: grpc.Client;
  private readonly userContext = { userId: "sparkts-test" };

  constructor(remote: string) {
    this.client = new grpc.Client(parseRemote(remote), grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": 128 * 1024 * 1024,
    });
  }

  async execute(plan: Plan): Promise<ExecutePlanResponse[]> {
    const request = create(ExecutePlanRequestSchema, {
      sessionId: this.sessionId,
      userContext: this.userContext,
      clientType: "sparkts-test",
      plan,
    });
    const call = this.client.makeServerStreamRequest(
      `${SERVICE}/ExecutePlan`,
      (message: typeof request) => Buffer.from(toBinary(ExecutePlanRequestSchema, message)),
      (bytes: Buffer) => fromBinary(ExecutePlanResponseSchema, bytes),
      request,
    );
    const responses: ExecutePlanResponse[] = [];
    try {
      for await (const response of call as AsyncIterable<ExecutePlanResponse>) responses.push(response);
    } catch (error) {
      throw await errorFromGrpc(error);
    }
    return responses;
  }

  analyze(analyze: MessageInitShape<typeof AnalyzePlanRequestSchema>["analyze"]): Promise<AnalyzePlanResponse> {
    const request = create(AnalyzeRequestSchema, {
      sessionId: this.sessionId,
      userContext: this.userContext,
      clientType: "sparkts-test",
      ...(analyze === undefined ? {} : { analyze }),
    });
    return this.unary(`${SERVICE}/AnalyzePlan`, request, AnalyzeRequestSchema, AnalyzePlanResponseSchema);
  }

  config(operation: MessageInitShape<typeof ConfigRequest_OperationSchema>): Promise<ConfigResponse> {
    const request = create(ConfigRequestSchema, {
      sessionId: this.sessionId,
      userContext: this.userContext,
      clientType: "sparkts-test",
      operation,
    });
    return this.unary(`${SERVICE}/Config`, request, ConfigRequestSchema, ConfigResponseSchema);
  }

  private unary<I extends DescMessage, O extends DescMessage>(
    path: string,
    request: MessageShape<I>,
    inSchema: I,
    outSchema: O,
  ): Promise<MessageShape<O>> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        path,
        (message: MessageShape<I>) => Buffer.from(toBinary(inSchema, message)),
        (bytes: Buffer) => fromBinary(outSchema, bytes),
        request,
        (error, response) => {
          if (error || response === undefined) errorFromGrpc(error).then(reject, reject);
          else resolve(response);
        },
      );
    });
  }

  close(): void {
    this.client.close();
  }
}
