import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InterruptTarget } from "../../../runtime/backend.js";
import { OperationInterruptedError } from "../../../runtime/errors/index.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { sparkRemote } from "../../support/session-url.js";
import { collect, rpcCounter, sleepingPlan } from "./plans.js";

const SLEEP_MS = 60_000;
const counter = rpcCounter();
let backend: RemoteBackend;

beforeAll(async () => {
  backend = await RemoteBackend.connect(sparkRemote(), { onRpc: counter.onRpc });
});
afterAll(async () => {
  await backend.releaseSession().catch(() => undefined);
});

/** Repeats the interrupt until the server has registered the operation and reports it interrupted. */
async function interruptUntilHit(target: InterruptTarget, operationId: string): Promise<string[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ids = await backend.interrupt(target);
    if (ids.includes(operationId)) return ids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`operation ${operationId} was never interrupted`);
}

describe("Interrupt", () => {
  it.each<[string, (operationId: string, tag: string) => InterruptTarget]>([
    ["by operation id", (operationId) => ({ kind: "operation", operationId })],
    ["by tag", (_, tag) => ({ kind: "tag", tag })],
    ["of all operations", () => ({ kind: "all" })],
  ])("%s stops a running query and rejects its consumer", async (_, targetOf) => {
    const operationId = randomUUID();
    const tag = `sparkts-${randomUUID()}`;
    const started = Date.now();
    const running = collect(backend.execute(sleepingPlan(SLEEP_MS), { operationId, tags: [tag] }));
    const ids = await interruptUntilHit(targetOf(operationId, tag), operationId);
    expect(ids).toContain(operationId);
    await expect(running).rejects.toBeInstanceOf(OperationInterruptedError);
    await expect(running).rejects.toMatchObject({ errorClass: "OPERATION_CANCELED", sqlState: "HY008" });
    expect(Date.now() - started).toBeLessThan(SLEEP_MS / 2);
  });

  it("an AbortSignal interrupts the operation on the server and rejects with OperationInterruptedError", async () => {
    const controller = new AbortController();
    const operationId = randomUUID();
    const interruptsBefore = counter.of("interrupt");
    const started = Date.now();
    const running = collect(backend.execute(sleepingPlan(SLEEP_MS), { operationId, signal: controller.signal }));
    setTimeout(() => controller.abort(new Error("user pressed stop")), 500);
    await expect(running).rejects.toThrow(OperationInterruptedError);
    await expect(running).rejects.toThrow(/user pressed stop/);
    expect(Date.now() - started).toBeLessThan(SLEEP_MS / 2);
    await backend.settled();
    expect(counter.of("interrupt")).toBe(interruptsBefore + 1);
    // The server no longer runs it: interrupting it again finds nothing.
    expect(await backend.interrupt({ kind: "operation", operationId })).toEqual([]);
  });

  it("an already aborted signal sends nothing", async () => {
    const executesBefore = counter.of("executePlan");
    const signal = AbortSignal.abort(new Error("too late"));
    await expect(collect(backend.execute(sleepingPlan(SLEEP_MS), { signal }))).rejects.toThrow(
      OperationInterruptedError,
    );
    expect(counter.of("executePlan")).toBe(executesBefore);
  });

  it("rejects tags Spark would refuse, before sending anything", () => {
    expect(() => backend.execute(sleepingPlan(1), { tags: ["a,b"] })).toThrow(/must not contain ','/);
    expect(() => backend.execute(sleepingPlan(1), { operationId: "op-1" })).toThrow(/'op-1' is not a UUID/);
  });
});
