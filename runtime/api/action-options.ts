/** Options every DataFrame action accepts, and their checking for plain JS callers. */
import type { ExecuteOptions } from "../backend.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";

export interface ActionOptions {
  /** Aborting interrupts the running operation and rejects the action. */
  readonly signal?: AbortSignal;
}

export function executeOptions(options: ActionOptions | undefined): ExecuteOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null) {
    throw new ClientArgumentError(`options must be an object like { signal }, got ${describeType(options)}.`);
  }
  const { signal } = options;
  if (signal === undefined) return {};
  if (!(signal instanceof AbortSignal)) {
    throw new ClientArgumentError(`options.signal must be an AbortSignal, got ${describeType(signal)}.`);
  }
  return { signal };
}

export function requireNonNegativeInteger(value: unknown, argName: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 2 ** 31 - 1) {
    throw new ClientArgumentError(`${argName} must be a non-negative 32-bit integer, got ${String(value)}.`, {
      errorClass: "NOT_INT",
      messageParameters: { arg_name: argName, arg_type: describeType(value) },
    });
  }
  return value;
}

export function requireBoolean(value: unknown, argName: string): boolean {
  if (typeof value !== "boolean") {
    throw new ClientArgumentError(`${argName} must be a boolean, got ${describeType(value)}.`, {
      errorClass: "NOT_BOOL",
      messageParameters: { arg_name: argName, arg_type: describeType(value) },
    });
  }
  return value;
}
