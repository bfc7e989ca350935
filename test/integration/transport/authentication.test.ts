import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SparkConnectError } from "../../../runtime/errors/index.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { startTokenServer, type TokenServer } from "./token-server.js";

const TOKEN = "sparkts-test-token";
const getShufflePartitions = { opType: { case: "get" as const, value: { keys: ["spark.sql.shuffle.partitions"] } } };
let server: TokenServer;

beforeAll(async () => {
  server = await startTokenServer(TOKEN);
});
afterAll(async () => {
  await server?.stop();
});

async function configWith(url: string, env: Record<string, string> = {}) {
  const backend = await RemoteBackend.connect(url, { env });
  try {
    return await backend.config(getShufflePartitions);
  } finally {
    backend.close();
  }
}

describe("bearer token authentication against a token-protected Spark server", () => {
  it("is accepted when the connection string carries the token (plaintext to localhost, as PySpark)", async () => {
    const response = await configWith(`sc://localhost:${server.port}/;token=${TOKEN}`);
    expect(response.pairs[0]?.key).toBe("spark.sql.shuffle.partitions");
  });

  it("takes the token from SPARK_CONNECT_AUTHENTICATE_TOKEN", async () => {
    const response = await configWith(`sc://localhost:${server.port}`, { SPARK_CONNECT_AUTHENTICATE_TOKEN: TOKEN });
    expect(response.pairs).toHaveLength(1);
  });

  it("fails with a clear UNAUTHENTICATED error for a wrong or missing token", async () => {
    for (const url of [`sc://localhost:${server.port}/;token=wrong`, `sc://127.0.0.1:${server.port}`]) {
      const attempt = configWith(url);
      await expect(attempt).rejects.toBeInstanceOf(SparkConnectError);
      await expect(attempt).rejects.toMatchObject({ grpcStatusCode: 16 });
      await expect(attempt).rejects.toThrow(/authentication/i);
    }
  });
});
