import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SparkConnectError } from "../../../runtime/errors/index.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { sparkRemote } from "../../support/session-url.js";
import { collect, rangePlan, rpcCounter, sqlPlan } from "./plans.js";

const counter = rpcCounter();
let backend: RemoteBackend;

beforeAll(async () => {
  backend = await RemoteBackend.connect(sparkRemote(), { onRpc: counter.onRpc });
});
afterAll(async () => {
  await backend.releaseSession().catch(() => undefined);
});

describe("the unary and streaming RPCs against Spark 4.1.1", () => {
  it("ExecutePlan streams Arrow batches then result_complete, and ReleaseExecute frees the results", async () => {
    const before = counter.of("executePlan");
    const { values, responses } = await collect(backend.execute(rangePlan(10n, 2)));
    expect(values).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]);
    expect(responses.at(-1)?.responseType.case).toBe("resultComplete");
    expect(counter.of("executePlan")).toBe(before + 1);
    await backend.settled();
    expect(counter.of("releaseExecute")).toBeGreaterThanOrEqual(1);
  });

  it("abandoning a result stream early releases the operation, which stops it on the server", async () => {
    const operationId = randomUUID();
    // First partition answers at once; the second sleeps, so the operation is still running when we stop reading.
    const query =
      "SELECT CAST(id AS STRING) AS v FROM range(3) " +
      "UNION ALL SELECT CAST(java_method('java.lang.Thread', 'sleep', CAST(60000 AS BIGINT)) AS STRING)";
    const started = Date.now();
    for await (const response of backend.execute(sqlPlan(query), { operationId })) {
      if (response.responseType.case === "arrowBatch") break;
    }
    await backend.settled();
    expect(Date.now() - started).toBeLessThan(30_000);
    // Had the operation not been released it would still be sleeping, and this would interrupt it.
    expect(await backend.interrupt({ kind: "operation", operationId })).toEqual([]);
  });

  it("pins the server-side session id from the first response", () => {
    expect(backend.serverSideSessionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("AnalyzePlan answers the Spark version and a schema", async () => {
    const version = await backend.analyze({ case: "sparkVersion", value: {} });
    expect(version.result.case === "sparkVersion" && version.result.value.version).toBe("4.1.1");
    const schema = await backend.analyze({ case: "schema", value: { plan: rangePlan(3n) } });
    expect(schema.result.case).toBe("schema");
    if (schema.result.case !== "schema") return;
    const struct = schema.result.value.schema?.kind;
    expect(struct?.case === "struct" && struct.value.fields.map((field) => field.name)).toEqual(["id"]);
  });

  it("Config sets and reads back a value", async () => {
    await backend.config({
      opType: { case: "set", value: { pairs: [{ key: "spark.sql.shuffle.partitions", value: "7" }] } },
    });
    const read = await backend.config({ opType: { case: "get", value: { keys: ["spark.sql.shuffle.partitions"] } } });
    expect(read.pairs.map((pair) => [pair.key, pair.value])).toEqual([["spark.sql.shuffle.partitions", "7"]]);
  });

  it("AddArtifacts uploads a batch and a chunked artifact; ArtifactStatus reports cached ones", async () => {
    const large = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
    const hash = createHash("sha256").update(large).digest("hex");
    const unknownHash = createHash("sha256").update("never uploaded").digest("hex");
    const response = await backend.addArtifacts([
      { name: `files/sparkts-${randomUUID()}.txt`, data: new TextEncoder().encode("hello") },
      { name: `cache/${hash}`, data: large },
    ]);
    expect(response.artifacts).toHaveLength(2);
    expect(response.artifacts.every((summary) => summary.isCrcSuccessful)).toBe(true);
    const status = await backend.artifactStatus([`cache/${hash}`, `cache/${unknownHash}`]);
    expect(status).toEqual(
      new Map([
        [`cache/${hash}`, true],
        [`cache/${unknownHash}`, false],
      ]),
    );
    expect(counter.of("addArtifacts")).toBe(1);
    expect(counter.of("artifactStatus")).toBe(1);
  });

  it("CloneSession copies the session's configuration into a new session", async () => {
    await backend.config({
      opType: { case: "set", value: { pairs: [{ key: "spark.sql.ansi.enabled", value: "false" }] } },
    });
    const newSessionId = randomUUID();
    const clone = await backend.cloneSession(newSessionId);
    try {
      expect(clone.sessionId).toBe(newSessionId);
      expect(clone.serverSideSessionId).not.toBe(backend.serverSideSessionId);
      const read = await clone.config({ opType: { case: "get", value: { keys: ["spark.sql.ansi.enabled"] } } });
      expect(read.pairs[0]?.value).toBe("false");
    } finally {
      await clone.releaseSession();
    }
    expect(counter.of("cloneSession")).toBe(1);
  });

  it("ReleaseSession ends the session: the server refuses it afterwards", async () => {
    const sessionId = randomUUID();
    const doomed = await RemoteBackend.connect(`${sparkRemote()}/;session_id=${sessionId}`);
    await doomed.config({ opType: { case: "get", value: { keys: ["spark.sql.shuffle.partitions"] } } });
    await doomed.releaseSession();
    const again = await RemoteBackend.connect(`${sparkRemote()}/;session_id=${sessionId}`);
    try {
      const refused = again.config({ opType: { case: "get", value: { keys: ["spark.sql.shuffle.partitions"] } } });
      await expect(refused).rejects.toBeInstanceOf(SparkConnectError);
      await expect(refused).rejects.toMatchObject({ errorClass: "INVALID_HANDLE.SESSION_CLOSED" });
    } finally {
      again.close();
    }
  });
});
