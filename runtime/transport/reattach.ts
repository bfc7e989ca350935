/**
 * Reattachable execution: the client names the operation, asks the server to keep its results, and treats the
 * response stream as finished only at `result_complete`. A stream that just ends, or breaks with a retryable
 * error, is resumed with ReattachExecute from the last response consumed, however many times that takes. If the
 * server never saw the operation (it reports OPERATION_NOT_FOUND before any response arrived), the ExecutePlan is
 * sent again. Consumed responses are released in the background.
 */
import type { ExecutePlanResponse } from "../../generated/proto/spark/connect/base_pb.js";
import { isGrpcFailure, OperationInterruptedError, SparkConnectError, statusMessage } from "../errors/index.js";
import type { ServerStream } from "./grpc-client.js";
import { ReleaseQueue, type ReleaseTarget } from "./release-queue.js";
import { RetryImmediately } from "./retry-policy.js";

/** What the reattach loop needs from its backend; each function makes one RPC. */
export interface ReattachableOperation {
  readonly operationId: string;
  openExecute(): ServerStream<ExecutePlanResponse>;
  openReattach(lastResponseId: string | undefined): ServerStream<ExecutePlanResponse>;
  release(target: ReleaseTarget): Promise<unknown>;
  /** Sends Interrupt for this operation (used when the caller's AbortSignal fires). */
  interrupt(): Promise<unknown>;
  /** Runs one attempt under the retry policy. */
  retry<T>(attempt: () => Promise<T>): Promise<T>;
  /** Converts a final failure into the exception to raise. */
  toError(error: unknown): Promise<Error>;
  /** Checks each response (server-side session pinning); throws to stop the operation. */
  observe(response: ExecutePlanResponse): void;
  /** Registers background work (releases, interrupts) so closing can wait for it. */
  track(work: Promise<unknown>): void;
  readonly signal?: AbortSignal | undefined;
}

const OPERATION_MISSING = ["INVALID_HANDLE.OPERATION_NOT_FOUND", "INVALID_HANDLE.SESSION_NOT_FOUND"];

export async function* reattachableExecute(operation: ReattachableOperation): AsyncGenerator<ExecutePlanResponse> {
  const { signal } = operation;
  if (signal?.aborted) throw interrupted(operation.operationId, signal.reason);
  const releases = new ReleaseQueue(operation.release, operation.track);
  let stream: ServerStream<ExecutePlanResponse> | undefined;
  let lastResponseId: string | undefined;
  let complete = false;
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    stream?.cancel();
    operation.track(operation.interrupt().catch(() => undefined));
  };
  signal?.addEventListener("abort", onAbort, { once: true });

  const nextResponse = async (): Promise<IteratorResult<ExecutePlanResponse>> => {
    if (aborted) throw interrupted(operation.operationId, signal?.reason);
    stream ??= operation.openReattach(lastResponseId);
    try {
      return await stream.messages.next();
    } catch (error) {
      stream = undefined;
      if (!aborted && isOperationMissing(error)) {
        if (lastResponseId !== undefined) {
          throw new SparkConnectError(
            `The server lost operation ${operation.operationId} after sending part of its results; ` +
              "it cannot be resumed.",
            { errorClass: "RESPONSE_ALREADY_RECEIVED", cause: error },
          );
        }
        stream = operation.openExecute();
        throw new RetryImmediately("the server never received the ExecutePlan; sent it again");
      }
      throw error;
    }
  };

  try {
    stream = operation.openExecute();
    while (!complete) {
      let next: IteratorResult<ExecutePlanResponse>;
      try {
        next = await operation.retry(nextResponse);
      } catch (error) {
        if (aborted) throw interrupted(operation.operationId, signal?.reason);
        throw await operation.toError(error);
      }
      if (next.done) {
        // The server closed the stream before result_complete: there is more, so reattach.
        stream = undefined;
        continue;
      }
      const response = next.value;
      operation.observe(response);
      lastResponseId = response.responseId;
      if (response.responseType.case === "resultComplete") {
        complete = true;
        releases.releaseAll();
      } else {
        releases.releaseUntil(lastResponseId);
      }
      yield response;
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (!complete) {
      stream?.cancel();
      releases.releaseAll();
    }
  }
}

function isOperationMissing(error: unknown): boolean {
  if (!isGrpcFailure(error)) return false;
  const message = statusMessage(error);
  return OPERATION_MISSING.some((errorClass) => message.includes(errorClass));
}

function interrupted(operationId: string, reason: unknown): OperationInterruptedError {
  const why = reason instanceof Error ? reason.message : reason === undefined ? "aborted" : String(reason);
  return new OperationInterruptedError(`Operation ${operationId} was interrupted: ${why}.`, { cause: reason });
}
