import { status as GrpcStatus } from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { grpcFailure } from "./grpc-failure.test-helper.js";
import {
  DEFAULT_RETRY_POLICY,
  isRetryableByDefault,
  RetryImmediately,
  RetrySchedule,
  withRetries,
} from "./retry-policy.js";

describe("isRetryableByDefault", () => {
  it("retries UNAVAILABLE", () => {
    expect(isRetryableByDefault(grpcFailure(GrpcStatus.UNAVAILABLE, "connection refused"))).toBe(true);
  });
  it("retries INTERNAL only when it reports a disconnected cursor", () => {
    expect(isRetryableByDefault(grpcFailure(GrpcStatus.INTERNAL, "[INVALID_CURSOR.DISCONNECTED] gone"))).toBe(true);
    expect(isRetryableByDefault(grpcFailure(GrpcStatus.INTERNAL, "boom"))).toBe(false);
  });
  it("retries any code when the server attached a RetryInfo", () => {
    expect(isRetryableByDefault(grpcFailure(GrpcStatus.RESOURCE_EXHAUSTED, "busy", { retryDelayMs: 10 }))).toBe(true);
    expect(isRetryableByDefault(grpcFailure(GrpcStatus.RESOURCE_EXHAUSTED, "busy"))).toBe(false);
  });
  it("does not retry analysis errors or non-gRPC errors", () => {
    expect(isRetryableByDefault(grpcFailure(GrpcStatus.INTERNAL, "[UNRESOLVED_COLUMN] x"))).toBe(false);
    expect(isRetryableByDefault(new Error("UNAVAILABLE"))).toBe(false);
  });
});

describe("RetrySchedule", () => {
  const unavailable = grpcFailure(GrpcStatus.UNAVAILABLE, "down");

  it("backs off 50 ms ×4 up to 60 s, 15 times, without jitter below 2 s", () => {
    const schedule = new RetrySchedule(DEFAULT_RETRY_POLICY, () => 0);
    const waits = Array.from({ length: 16 }, () => schedule.nextWait(unavailable));
    expect(waits).toEqual([50, 200, 800, 3200, 12800, 51200, ...Array(9).fill(60_000), undefined]);
  });

  it("adds up to 500 ms of jitter only once the wait reaches 2 s", () => {
    const schedule = new RetrySchedule(DEFAULT_RETRY_POLICY, () => 0.999);
    const waits = Array.from({ length: 5 }, () => schedule.nextWait(unavailable));
    expect(waits).toEqual([50, 200, 800, 3699, 13299]);
  });

  it("waits for a larger server delay, capped at 10 minutes, without changing the backoff sequence", () => {
    const schedule = new RetrySchedule(DEFAULT_RETRY_POLICY, () => 0);
    expect(schedule.nextWait(grpcFailure(GrpcStatus.UNAVAILABLE, "x", { retryDelayMs: 1500 }))).toBe(1500);
    expect(schedule.nextWait(grpcFailure(GrpcStatus.UNAVAILABLE, "x", { retryDelayMs: 100 }))).toBe(200);
    expect(schedule.nextWait(grpcFailure(GrpcStatus.UNAVAILABLE, "x", { retryDelayMs: 3_600_000 }))).toBe(600_000);
    expect(schedule.nextWait(unavailable)).toBe(3200);
  });
});

describe("withRetries", () => {
  function recorder() {
    const waits: number[] = [];
    return { waits, sleep: async (ms: number) => void waits.push(ms), random: () => 0 };
  }

  it("retries retryable failures and returns the first success", async () => {
    const env = recorder();
    let calls = 0;
    const result = await withRetries(async () => {
      calls += 1;
      if (calls < 4) throw grpcFailure(GrpcStatus.UNAVAILABLE, "down");
      return "ok";
    }, env);
    expect(result).toBe("ok");
    expect(env.waits).toEqual([50, 200, 800]);
  });

  it("rethrows a non-retryable error at once", async () => {
    const env = recorder();
    const failure = grpcFailure(GrpcStatus.INVALID_ARGUMENT, "bad plan");
    await expect(withRetries(async () => Promise.reject(failure), env)).rejects.toBe(failure);
    expect(env.waits).toEqual([]);
  });

  it("gives up with the last error after 15 retries", async () => {
    const env = recorder();
    let calls = 0;
    const failure = grpcFailure(GrpcStatus.UNAVAILABLE, "down");
    await expect(
      withRetries(async () => {
        calls += 1;
        throw failure;
      }, env),
    ).rejects.toBe(failure);
    expect(calls).toBe(16);
    expect(env.waits).toHaveLength(15);
  });

  it("repeats at once, without spending budget, on RetryImmediately", async () => {
    const env = recorder();
    let calls = 0;
    const result = await withRetries(async () => {
      calls += 1;
      if (calls < 30) throw new RetryImmediately("resend");
      return calls;
    }, env);
    expect(result).toBe(30);
    expect(env.waits).toEqual([]);
  });

  it("stops waiting between attempts when the signal aborts", async () => {
    const controller = new AbortController();
    const failure = grpcFailure(GrpcStatus.UNAVAILABLE, "down");
    let calls = 0;
    const neverWakes = () => new Promise<void>(() => undefined);
    const attempt = withRetries(
      async () => {
        calls += 1;
        throw failure;
      },
      { sleep: neverWakes, signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 10);
    await expect(attempt).rejects.toBe(failure);
    expect(calls).toBe(1);
  });
});
