/**
 * What crosses the thread boundary. The driver sends tasks (structured clone), the channels to the other
 * executors (and word when one is lost), blocks fetched from the driver's store and shuffle removals; an executor
 * sends results and fetch requests for the driver's blocks. Executors ask each other for shuffle blocks directly,
 * over their own channel, so blocks are copied once and never pass through the driver's thread. Buffers of
 * results and blocks are transferred rather than copied where the sender no longer needs them. Errors travel as
 * plain data and are rebuilt as the same exception class (a fetch failure as FetchFailedError). Batches travel in
 * their wire form (`batch-wire.ts`), so compact columns stay compact.
 */

import type { MessagePort } from "node:worker_threads";
import * as errors from "../../errors/index.js";
import type { BlockLocation } from "../shuffle/map-output-tracker.js";
import type { MapStatus } from "../shuffle/map-status.js";
import type { WireBatch } from "./batch-wire.js";
import { FetchFailedError } from "./fetch-failed.js";
import type { TaskSpec } from "./task.js";

/** A task's outcome on the wire: rows and observed metric states as wire batches. */
export type WireOutcome = (
  | { readonly kind: "rows"; readonly batches: WireBatch[] }
  | { readonly kind: "mapOutput"; readonly status: MapStatus }
) & { readonly observed?: readonly { readonly metricsId: number; readonly state: WireBatch }[] };

/** Driver → executor. */
export type ToExecutor =
  | { readonly kind: "task"; readonly id: number; readonly task: TaskSpec }
  /** This executor's end of a channel to another executor. */
  | { readonly kind: "peer"; readonly executorId: string; readonly port: MessagePort }
  /** An executor died: fetches from it fail (its channel may never answer). */
  | { readonly kind: "peerLost"; readonly executorId: string }
  /** The answer to this executor's fetch request for blocks in the driver's store. */
  | { readonly kind: "fetched"; readonly fetchId: number; readonly blocks: WireBatch[][] }
  | { readonly kind: "fetched"; readonly fetchId: number; readonly error: SerializedError }
  | { readonly kind: "removeShuffle"; readonly shuffleId: number };

/** Executor → driver. */
export type FromExecutor =
  | { readonly kind: "result"; readonly id: number; readonly result: WireOutcome }
  | { readonly kind: "result"; readonly id: number; readonly error: SerializedError }
  | {
      readonly kind: "fetch";
      readonly fetchId: number;
      readonly shuffleId: number;
      readonly reduce: number;
      readonly location: BlockLocation;
    };

/** Executor → executor, over the channel between them. */
export type PeerMessage =
  /** Send back the blocks of these maps for one reduce partition (a reduce task of the asking executor needs them). */
  | {
      readonly kind: "serve";
      readonly serveId: number;
      readonly shuffleId: number;
      readonly reduce: number;
      readonly maps: readonly number[];
    }
  /** Undefined blocks: the map outputs are not (or no longer) readable here. */
  | { readonly kind: "served"; readonly serveId: number; readonly blocks: WireBatch[][] | undefined };

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
