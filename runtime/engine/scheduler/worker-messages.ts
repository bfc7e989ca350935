/**
 * What crosses the thread boundary: tasks go out by structured clone, results come back with their typed-array
 * buffers transferred (not copied), and errors travel as plain data and are rebuilt as the same exception class.
 */
import * as errors from "../../errors/index.js";
import type { Batch } from "../columnar/column-vector.js";
import type { TaskResult, TaskSpec } from "./task.js";

export interface TaskMessage {
  readonly id: number;
  readonly task: TaskSpec;
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly errorClass?: string | undefined;
  readonly sqlState?: string | undefined;
  readonly messageParameters?: Readonly<Record<string, string>>;
  readonly stack?: string | undefined;
}

export type ResultMessage =
  | { readonly id: number; readonly result: TaskResult }
  | { readonly id: number; readonly error: SerializedError };

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

/** The distinct ArrayBuffers behind a result's typed arrays, for the transfer list. */
export function transferablesOf(result: TaskResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (batch: Batch) => {
    for (const column of batch.columns) {
      if (ArrayBuffer.isView(column.data) && column.data.buffer instanceof ArrayBuffer) buffers.add(column.data.buffer);
      if (column.validity !== null && column.validity.buffer instanceof ArrayBuffer)
        buffers.add(column.validity.buffer);
    }
  };
  for (const blocks of result) for (const batch of blocks) visit(batch);
  return [...buffers];
}
