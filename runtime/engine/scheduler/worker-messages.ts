/**
 * What crosses the thread boundary. The driver sends tasks (structured clone), requests to serve blocks, fetched
 * blocks and shuffle removals; an executor sends results, block fetch requests and served blocks. Buffers of
 * results and blocks are transferred rather than copied where the sender no longer needs them. Errors travel as
 * plain data and are rebuilt as the same exception class (a fetch failure as FetchFailedError).
 */
import * as errors from "../../errors/index.js";
import type { Batch } from "../columnar/column-vector.js";
import type { BlockLocation } from "../shuffle/map-output-tracker.js";
import { FetchFailedError } from "./fetch-failed.js";
import type { TaskOutcome, TaskSpec } from "./task.js";

/** Driver → executor. */
export type ToExecutor =
  | { readonly kind: "task"; readonly id: number; readonly task: TaskSpec }
  /** Send back the blocks of these maps for one reduce partition (another executor's reduce task needs them). */
  | {
      readonly kind: "serve";
      readonly serveId: number;
      readonly shuffleId: number;
      readonly reduce: number;
      readonly maps: readonly number[];
    }
  /** The answer to this executor's fetch request. */
  | { readonly kind: "fetched"; readonly fetchId: number; readonly blocks: Batch[][] }
  | { readonly kind: "fetched"; readonly fetchId: number; readonly error: SerializedError }
  | { readonly kind: "removeShuffle"; readonly shuffleId: number };

/** Executor → driver. */
export type FromExecutor =
  | { readonly kind: "result"; readonly id: number; readonly result: TaskOutcome }
  | { readonly kind: "result"; readonly id: number; readonly error: SerializedError }
  | {
      readonly kind: "fetch";
      readonly fetchId: number;
      readonly shuffleId: number;
      readonly reduce: number;
      readonly location: BlockLocation;
    }
  | { readonly kind: "served"; readonly serveId: number; readonly blocks: Batch[][] | undefined };

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly errorClass?: string | undefined;
  readonly sqlState?: string | undefined;
  readonly messageParameters?: Readonly<Record<string, string>>;
  readonly stack?: string | undefined;
  readonly fetchFailed?: { readonly shuffleId: number; readonly executorId: string } | undefined;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof errors.SparkConnectError) {
    return {
      name: error.constructor.name,
      message: error.message,
      errorClass: error.errorClass,
      sqlState: error.sqlState,
      messageParameters: error.messageParameters,
      stack: error.stack,
    };
  }
  if (error instanceof FetchFailedError) {
    return {
      name: error.name,
      message: error.message,
      fetchFailed: { shuffleId: error.shuffleId, executorId: error.executorId },
    };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: "Error", message: e.message, stack: e.stack };
}

type ErrorClass = new (message: string, details: errors.SparkErrorDetails) => errors.SparkConnectError;

function isErrorClass(value: unknown): value is ErrorClass {
  return (
    typeof value === "function" &&
    (value === errors.SparkConnectError || value.prototype instanceof errors.SparkConnectError)
  );
}

export function deserializeError(data: SerializedError): Error {
  if (data.fetchFailed !== undefined) {
    const { shuffleId, executorId } = data.fetchFailed;
    const error = new FetchFailedError(shuffleId, executorId, "");
    error.message = data.message;
    return error;
  }
  const candidate: unknown = (errors as Record<string, unknown>)[data.name];
  if (isErrorClass(candidate)) {
    return new candidate(data.message, {
      errorClass: data.errorClass,
      sqlState: data.sqlState,
      messageParameters: data.messageParameters,
    });
  }
  const error = new Error(data.message);
  if (data.stack) error.stack = data.stack;
  return error;
}

/** The distinct ArrayBuffers behind some batches' typed arrays, for the transfer list. */
export function transferablesOf(batches: Iterable<Batch>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const batch of batches) {
    for (const column of batch.columns) {
      if (ArrayBuffer.isView(column.data) && column.data.buffer instanceof ArrayBuffer) buffers.add(column.data.buffer);
      if (column.validity !== null && column.validity.buffer instanceof ArrayBuffer)
        buffers.add(column.validity.buffer);
    }
  }
  return [...buffers];
}
