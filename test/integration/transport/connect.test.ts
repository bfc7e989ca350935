import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { ConnectionError, ServerSessionChangedError } from "../../../runtime/errors/index.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { sparkRemote } from "../../support/session-url.js";

const getShufflePartitions = { opType: { case: "get" as const, value: { keys: ["spark.sql.shuffle.partitions"] } } };

/** A loopback port that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("connecting", () => {
  it("fails within a few seconds with ConnectionError when nothing listens", async () => {
    const port = await closedPort();
    const started = Date.now();
    const attempt = RemoteBackend.connect(`sc://127.0.0.1:${port}`);
    await expect(attempt).rejects.toBeInstanceOf(ConnectionError);
    await expect(attempt).rejects.toThrow(`127.0.0.1:${port}`);
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it.each([
    ["use_ssl=true", "use_ssl=true"],
    ["a token to a host other than localhost", "token=abc"],
  ])("speaks TLS for %s (so a plaintext server cannot be reached)", async (_, parameter) => {
    const attempt = RemoteBackend.connect(`${sparkRemote()}/;${parameter}`, { connectTimeoutMs: 2_000 });
    await expect(attempt).rejects.toBeInstanceOf(ConnectionError);
    await expect(attempt).rejects.toThrow(/\(TLS\)/);
  });

  it("reads SPARK_REMOTE when no connection string is given", async () => {
    const backend = await RemoteBackend.connect(undefined, { env: { SPARK_REMOTE: sparkRemote(), USER: "tester" } });
    try {
      await backend.config(getShufflePartitions);
      expect(backend.serverSideSessionId).toBeDefined();
    } finally {
      await backend.releaseSession();
    }
  });

  it("uses the session id from the connection string, and makes a fresh UUID otherwise", async () => {
    const sessionId = randomUUID();
    const chosen = await RemoteBackend.connect(`${sparkRemote()}/;session_id=${sessionId};user_id=alice;x-trace=t1`);
    const generated = await RemoteBackend.connect(sparkRemote());
    try {
      expect(chosen.sessionId).toBe(sessionId);
      expect(generated.sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      await chosen.config(getShufflePartitions);
    } finally {
      await chosen.releaseSession();
      await generated.releaseSession();
    }
  });

  it("fails clearly once the server-side session behind our session id was replaced", async () => {
    const url = `${sparkRemote()}/;session_id=${randomUUID()}`;
    const first = await RemoteBackend.connect(url);
    await first.config(getShufflePartitions);
    const pinned = first.serverSideSessionId;
    // Another client releases the session but allows the id to come back; the next use starts a new one.
    const other = await RemoteBackend.connect(url);
    await other.releaseSession({ allowReconnect: true });
    const successor = await RemoteBackend.connect(url);
    await successor.config(getShufflePartitions);
    expect(successor.serverSideSessionId).not.toBe(pinned);

    const stale = first.config(getShufflePartitions);
    await expect(stale).rejects.toBeInstanceOf(ServerSessionChangedError);
    await expect(stale).rejects.toMatchObject({ errorClass: "INVALID_HANDLE.SESSION_CHANGED" });
    // From then on the session refuses work without asking the server, as PySpark does.
    await expect(first.config(getShufflePartitions)).rejects.toBeInstanceOf(ServerSessionChangedError);
    first.close();
    await successor.releaseSession();
  });
});
