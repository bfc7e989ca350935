/**
 * When and how long to wait before retrying a failed call, following PySpark's default policy: retry UNAVAILABLE,
 * INTERNAL errors reporting `INVALID_CURSOR.DISCONNECTED`, and any error carrying a server `RetryInfo`; up to 15
 * retries with exponential backoff (50 ms × 4, capped at 60 s), 0–500 ms of jitter once the wait reaches 2 s, and
 * a server-requested delay honoured when larger (capped at 10 min).
 */
import { status as GrpcStatus } from "@grpc/grpc-js";
import { type GrpcFailure, isGrpcFailure, readStatusDetails, serverRetryDelayMs } from "../errors/index.js";

export interface RetryPolicy {
  readonly maxRetries: number;
  readonly initialBackoffMs: number;
  readonly backoffMultiplier: number;
  readonly maxBackoffMs: number;
  /** Upper bound of the uniform random jitter added to a wait. */
  readonly jitterMs: number;
  /** Jitter is only added to waits at least this long. */
  readonly minJitterThresholdMs: number;
  readonly maxServerRetryDelayMs: number;
  /** Which errors this policy retries. */
  readonly canRetry: (error: unknown) => boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 15,
  initialBackoffMs: 50,
  backoffMultiplier: 4,
  maxBackoffMs: 60_000,
  jitterMs: 500,
  minJitterThresholdMs: 2_000,
  maxServerRetryDelayMs: 10 * 60 * 1000,
  canRetry: isRetryableByDefault,
};

export function isRetryableByDefault(error: unknown): boolean {
  if (!isGrpcFailure(error)) return false;
  if (error.code === GrpcStatus.UNAVAILABLE) return true;
  if (error.code === GrpcStatus.INTERNAL && failureText(error).includes("INVALID_CURSOR.DISCONNECTED")) return true;
  return readStatusDetails(error)?.retryInfo !== undefined;
}

function failureText(error: GrpcFailure): string {
  return `${error.details} ${readStatusDetails(error)?.status.message ?? ""}`;
}

/**
 * Thrown inside a retried block to ask for an immediate new attempt that does not use up the retry budget (the
 * reattach logic uses it after re-sending an ExecutePlan the server never saw).
 */
export class RetryImmediately extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RetryImmediately";
  }
}

/** The wait sequence for one retried call. */
export class RetrySchedule {
  private attempt = 0;
  private nextWaitMs: number;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly random: () => number = Math.random,
  ) {
    this.nextWaitMs = policy.initialBackoffMs;
  }

  /** Milliseconds to wait before the next attempt, or undefined when the retry budget is spent. */
  nextWait(error?: unknown): number | undefined {
    if (this.attempt >= this.policy.maxRetries) return undefined;
    this.attempt += 1;
    let waitMs = this.nextWaitMs;
    this.nextWaitMs = Math.min(this.policy.maxBackoffMs, waitMs * this.policy.backoffMultiplier);
    const serverDelay = isGrpcFailure(error) ? serverRetryDelayMs(error) : undefined;
    if (serverDelay !== undefined) waitMs = Math.max(waitMs, Math.min(serverDelay, this.policy.maxServerRetryDelayMs));
    if (waitMs >= this.policy.minJitterThresholdMs) waitMs += this.random() * this.policy.jitterMs;
    return Math.floor(waitMs);
  }
}

export interface RetryEnvironment {
  readonly policy?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Stops waiting between attempts: the last error is rethrown as soon as this aborts. */
  readonly signal?: AbortSignal | undefined;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, a non-retryable error is thrown, or the budget is spent (then the last error
 * is rethrown unchanged, so callers can still convert it).
 */
export async function withRetries<T>(attempt: () => Promise<T>, environment: RetryEnvironment = {}): Promise<T> {
  const policy = environment.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = environment.sleep ?? realSleep;
  const schedule = new RetrySchedule(policy, environment.random);
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof RetryImmediately) continue;
      if (!policy.canRetry(error)) throw error;
      const waitMs = schedule.nextWait(error);
      if (waitMs === undefined || environment.signal?.aborted) throw error;
      if (!(await sleepUnlessAborted(sleep, waitMs, environment.signal))) throw error;
    }
  }
}

/** Sleeps; resolves false early if `signal` aborts meanwhile. */
async function sleepUnlessAborted(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (signal === undefined) {
    await sleep(ms);
    return true;
  }
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<false>((resolve) => {
    onAbort = () => resolve(false);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([sleep(ms).then(() => true as const), aborted]);
  } finally {
    if (onAbort !== undefined) signal.removeEventListener("abort", onAbort);
  }
}
