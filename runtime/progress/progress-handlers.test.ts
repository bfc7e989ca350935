import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { type ExecutePlanResponse, ExecutePlanResponseSchema } from "../../generated/proto/spark/connect/base_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { withProgress } from "./operation-progress.js";
import { ProgressHandlers } from "./progress-handlers.js";
import type { ProgressHandler, StageInfo } from "./stage-info.js";

interface Call {
  stages: readonly StageInfo[];
  inflight: number;
  operationId: string | undefined;
  done: boolean;
}

function recorder(): { calls: Call[]; handler: ProgressHandler } {
  const calls: Call[] = [];
  return {
    calls,
    handler: (stages, inflight, operationId, done) => calls.push({ stages, inflight, operationId, done }),
  };
}

const progress = (completed: bigint, inflight: bigint): ExecutePlanResponse =>
  create(ExecutePlanResponseSchema, {
    operationId: "op-7",
    responseType: {
      case: "executionProgress",
      value: {
        stages: [
          { stageId: 3n, numTasks: 4n, numCompletedTasks: completed, inputBytesRead: 100n, done: completed === 4n },
        ],
        numInflightTasks: inflight,
      },
    },
  });
const complete = create(ExecutePlanResponseSchema, {
  operationId: "op-7",
  responseType: { case: "resultComplete", value: {} },
});

async function* responses(items: ExecutePlanResponse[], failAtEnd?: Error): AsyncIterable<ExecutePlanResponse> {
  yield* items;
  if (failAtEnd) throw failAtEnd;
}

async function drain(stream: AsyncIterable<ExecutePlanResponse>): Promise<ExecutePlanResponse[]> {
  const out: ExecutePlanResponse[] = [];
  for await (const r of stream) out.push(r);
  return out;
}

describe("progress handlers", () => {
  it("keeps one copy of a handler registered twice, and removes it", () => {
    const handlers = new ProgressHandlers();
    const { handler } = recorder();
    handlers.register(handler);
    handlers.register(handler);
    expect(handlers.list()).toEqual([handler]);
    handlers.remove(handler);
    expect(handlers.list()).toEqual([]);
  });

  it("fails clearly when removing a handler that is not registered, or registering a non-function", () => {
    const handlers = new ProgressHandlers();
    expect(() => handlers.remove(recorder().handler)).toThrow(ClientArgumentError);
    expect(() => handlers.register("log" as unknown as ProgressHandler)).toThrow(/takes a function.*got string/);
  });

  it("clears every handler", () => {
    const handlers = new ProgressHandlers();
    handlers.register(recorder().handler);
    handlers.register(recorder().handler);
    handlers.clear();
    expect(handlers.list()).toEqual([]);
  });
});

describe("operation progress", () => {
  it("passes every response on and tells each handler the stages, tasks in flight, operation and the end", async () => {
    const handlers = new ProgressHandlers();
    const first = recorder();
    const second = recorder();
    handlers.register(first.handler);
    handlers.register(second.handler);
    const items = [progress(1n, 3n), progress(4n, 0n), complete];
    expect(await drain(withProgress(responses(items), handlers))).toEqual(items);
    expect(first.calls.map((c) => [c.stages[0]?.numCompletedTasks, c.inflight, c.operationId, c.done])).toEqual([
      [1, 3, "op-7", false],
      [4, 0, "op-7", false],
      [4, 0, "op-7", true],
    ]);
    expect(first.calls[0]?.stages[0]).toEqual({
      stageId: 3,
      numTasks: 4,
      numCompletedTasks: 1,
      numBytesRead: 100,
      done: false,
    });
    expect(second.calls).toEqual(first.calls);
  });

  it("reports done with the client's operation id when the operation fails before any response", async () => {
    const handlers = new ProgressHandlers();
    const { calls, handler } = recorder();
    handlers.register(handler);
    await expect(drain(withProgress(responses([], new Error("boom")), handlers, "client-op"))).rejects.toThrow("boom");
    expect(calls).toEqual([{ stages: [], inflight: 0, operationId: "client-op", done: true }]);
  });

  it("reports done when the consumer stops reading early", async () => {
    const handlers = new ProgressHandlers();
    const { calls, handler } = recorder();
    handlers.register(handler);
    for await (const _ of withProgress(responses([progress(1n, 1n), complete]), handlers)) break;
    expect(calls.map((c) => c.done)).toEqual([false, true]);
  });
});
