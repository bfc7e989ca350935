/**
 * What the client puts on the wire, checked against a loopback gRPC server that records requests. Spark cannot
 * show us the headers, client type or user context it received, so these are checked here; everything about
 * Spark's behaviour is tested against the real server in test/integration/transport.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ConfigRequest,
  ConfigRequestSchema,
  ConfigResponseSchema,
  SparkConnectService,
} from "../../generated/proto/spark/connect/base_pb.js";
import { ServerSessionChangedError } from "../errors/index.js";
import { SPARKTS_VERSION } from "./client-type.js";
import { RemoteBackend } from "./remote-backend.js";

interface Captured {
  readonly request: ConfigRequest;
  readonly metadata: grpc.Metadata;
}

/** Answers Config with the given server-side session ids in turn, recording each request. */
async function startCaptureServer(serverSideSessionIds: string[]) {
  const captured: Captured[] = [];
  const server = new grpc.Server();
  server.register(
    `/${SparkConnectService.typeName}/${SparkConnectService.method.config.name}`,
    (call: grpc.ServerUnaryCall<ConfigRequest, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      captured.push({ request: call.request, metadata: call.metadata });
      const serverSideSessionId =
        serverSideSessionIds[Math.min(captured.length, serverSideSessionIds.length) - 1] ?? "";
      callback(null, create(ConfigResponseSchema, { sessionId: call.request.sessionId, serverSideSessionId }));
    },
    (response: unknown) => Buffer.from(toBinary(ConfigResponseSchema, response as never)),
    (bytes: Buffer) => fromBinary(ConfigRequestSchema, bytes),
    "unary",
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return { captured, port, stop: () => server.forceShutdown() };
}

const getConfig = { opType: { case: "get" as const, value: { keys: ["k"] } } };
let stopServer: (() => void) | undefined;
afterEach(() => stopServer?.());

describe("request envelope and headers", () => {
  it("sends custom parameters as headers, the token as a bearer header, and the user agent in client_type", async () => {
    const capture = await startCaptureServer(["srv-1"]);
    stopServer = capture.stop;
    const sessionId = "1b4e28ba-2fa1-4d2b-a3c7-9f0a1c2d3e4f";
    const backend = await RemoteBackend.connect(
      `sc://localhost:${capture.port}/;token=t0k;user_id=alice;user_agent=notebook%2F1;session_id=${sessionId};x-team=data`,
      { env: {} },
    );
    await backend.config(getConfig);
    backend.close();

    const [first] = capture.captured;
    expect(first?.metadata.get("x-team")).toEqual(["data"]);
    expect(first?.metadata.get("authorization")).toEqual(["Bearer t0k"]);
    for (const reserved of ["token", "user_id", "user_agent", "session_id", "use_ssl"]) {
      expect(first?.metadata.get(reserved)).toEqual([]);
    }
    expect(first?.request.sessionId).toBe(sessionId);
    expect(first?.request.userContext?.userId).toBe("alice");
    expect(first?.request.clientType).toBe(`notebook/1 sparkts/${SPARKTS_VERSION} node/${process.versions.node}`);
  });

  it("takes the user from SPARK_USER, then USER, and reports the observed server-side session", async () => {
    const capture = await startCaptureServer(["srv-1"]);
    stopServer = capture.stop;
    const fromSparkUser = await RemoteBackend.connect(`sc://127.0.0.1:${capture.port}`, {
      env: { SPARK_USER: "spark-user", USER: "unix-user" },
    });
    await fromSparkUser.config(getConfig);
    await fromSparkUser.config(getConfig);
    fromSparkUser.close();
    const fromUser = await RemoteBackend.connect(`sc://127.0.0.1:${capture.port}`, { env: { USER: "unix-user" } });
    await fromUser.config(getConfig);
    fromUser.close();

    const [first, second, third] = capture.captured;
    expect(first?.request.userContext?.userId).toBe("spark-user");
    expect(first?.request.clientObservedServerSideSessionId).toBeUndefined();
    expect(second?.request.clientObservedServerSideSessionId).toBe("srv-1");
    expect(third?.request.userContext?.userId).toBe("unix-user");
    expect(first?.request.clientType).toBe(`sparkts/${SPARKTS_VERSION} node/${process.versions.node}`);
  });

  it("fails when a response names a different server-side session, and refuses further calls", async () => {
    const capture = await startCaptureServer(["srv-1", "srv-2"]);
    stopServer = capture.stop;
    const backend = await RemoteBackend.connect(`sc://127.0.0.1:${capture.port}`, { env: {} });
    await backend.config(getConfig);
    await expect(backend.config(getConfig)).rejects.toThrow(ServerSessionChangedError);
    await expect(backend.config(getConfig)).rejects.toThrow(/changed from srv-1 to srv-2/);
    expect(capture.captured).toHaveLength(2);
    backend.close();
  });
});
