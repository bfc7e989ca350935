import { afterEach, describe, expect, it } from "vitest";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { reattachRemote, sparkRemote } from "../../support/session-url.js";
import { type FaultProxy, startFaultProxy } from "../../support/tcp-fault-proxy.js";
import { collect, idCoverage, rangePlan, rpcCounter } from "./plans.js";

const ROWS = 1_200_000;

function portOf(url: string): number {
  const match = /:(\d+)(\/|$)/.exec(url.slice("sc://".length));
  if (match?.[1] === undefined) throw new Error(`no port in ${url}`);
  return Number(match[1]);
}

describe("results survive broken connections", () => {
  let proxy: FaultProxy | undefined;
  let backend: RemoteBackend | undefined;
  afterEach(async () => {
    await backend?.releaseSession().catch(() => undefined);
    await proxy?.close();
  });

  it("collects range(0, 1.2M) exactly once while a proxy cuts the connection several times", async () => {
    proxy = await startFaultProxy({
      targetPort: portOf(sparkRemote()),
      seed: 20261121,
      maxCuts: 4,
      cutAfterBytes: [200_000, 2_000_000],
    });
    const counter = rpcCounter();
    // Cuts must not be absorbed by the connect check: start the proxy budget on the execute stream.
    backend = await RemoteBackend.connect(`sc://127.0.0.1:${proxy.port}`, { onRpc: counter.onRpc });
    const { values, responses } = await collect(backend.execute(rangePlan(BigInt(ROWS), 4)));

    expect(proxy.cuts).toBeGreaterThanOrEqual(3);
    expect(values).toHaveLength(ROWS);
    expect(idCoverage(values, ROWS)).toEqual({ missing: 0, duplicates: 0 });
    expect(responses.at(-1)?.responseType.case).toBe("resultComplete");
    expect(counter.of("reattachExecute")).toBeGreaterThanOrEqual(1);
  });

  it("sends the ExecutePlan again when the server never received it", async () => {
    proxy = await startFaultProxy({ targetPort: portOf(sparkRemote()), seed: 7, maxCuts: 0, cutAfterBytes: [0, 0] });
    const counter = rpcCounter();
    backend = await RemoteBackend.connect(`sc://127.0.0.1:${proxy.port}`, { onRpc: counter.onRpc });
    proxy.dropNextRequest();
    const { values } = await collect(backend.execute(rangePlan(1000n, 2)));

    expect(proxy.cuts).toBe(1);
    expect(idCoverage(values, 1000)).toEqual({ missing: 0, duplicates: 0 });
    // Lost ExecutePlan → retry as ReattachExecute → OPERATION_NOT_FOUND → ExecutePlan once more.
    expect(counter.of("reattachExecute")).toBe(1);
    expect(counter.of("executePlan")).toBe(2);
  });

  it("reassembles Arrow batches the server splits into chunks, also across reattaches", async () => {
    const counter = rpcCounter();
    backend = await RemoteBackend.connect(reattachRemote(), { onRpc: counter.onRpc, preferredArrowChunkSize: 4096n });
    const end = 50_000;
    const { values, chunkedBatches } = await collect(backend.execute(rangePlan(BigInt(end), 2)));

    expect(chunkedBatches).toBeGreaterThan(0);
    expect(idCoverage(values, end)).toEqual({ missing: 0, duplicates: 0 });
    expect(counter.of("reattachExecute")).toBeGreaterThan(1);
  });

  it("keeps parallel operations on one connection apart while they all reattach", async () => {
    const counter = rpcCounter();
    backend = await RemoteBackend.connect(reattachRemote(), { onRpc: counter.onRpc });
    const connected = backend;
    const ends = [20_000, 35_000, 50_000, 65_000, 80_000, 95_000];
    const results = await Promise.all(ends.map((end) => collect(connected.execute(rangePlan(BigInt(end), 2)))));

    results.forEach(({ values }, index) => {
      const end = ends[index] ?? 0;
      expect(idCoverage(values, end)).toEqual({ missing: 0, duplicates: 0 });
      expect(values).toHaveLength(end);
    });
    expect(counter.of("executePlan")).toBe(ends.length);
    expect(counter.of("reattachExecute")).toBeGreaterThan(ends.length);
  });

  it("reattaches on every query against a server that ends each stream early", async () => {
    const counter = rpcCounter();
    backend = await RemoteBackend.connect(reattachRemote(), { onRpc: counter.onRpc });
    const end = 300_000;
    const { values } = await collect(backend.execute(rangePlan(BigInt(end), 3)));

    expect(idCoverage(values, end)).toEqual({ missing: 0, duplicates: 0 });
    expect(values).toHaveLength(end);
    expect(counter.of("executePlan")).toBe(1);
    expect(counter.of("reattachExecute")).toBeGreaterThan(1);
    await backend.settled();
    expect(counter.of("releaseExecute")).toBeGreaterThanOrEqual(1);
  });
});
