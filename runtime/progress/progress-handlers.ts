/**
 * The progress handlers of one session (`spark.registerProgressHandler` and friends), kept per Backend so the
 * code that runs plans, which only sees the backend, finds them. Semantics follow PySpark: registering a
 * handler twice keeps one copy, removing one that is not registered is an error.
 */
import type { Backend } from "../backend.js";
import { ClientArgumentError } from "../errors/index.js";
import type { ProgressHandler } from "./stage-info.js";

export class ProgressHandlers {
  private readonly handlers: ProgressHandler[] = [];

  register(handler: ProgressHandler): void {
    requireHandler(handler);
    if (!this.handlers.includes(handler)) this.handlers.push(handler);
  }

  remove(handler: ProgressHandler): void {
    const index = this.handlers.indexOf(handler);
    if (index < 0) {
      throw new ClientArgumentError("removeProgressHandler: this handler is not registered on the session.", {
        errorClass: "PROGRESS_HANDLER_NOT_REGISTERED",
      });
    }
    this.handlers.splice(index, 1);
  }

  clear(): void {
    this.handlers.length = 0;
  }

  /** A copy, so a handler that registers or removes handlers does not disturb the current notification. */
  list(): readonly ProgressHandler[] {
    return [...this.handlers];
  }
}

const byBackend = new WeakMap<Backend, ProgressHandlers>();

/** The handlers registered for the session running on `backend` (made on first use). */
export function progressHandlersOf(backend: Backend): ProgressHandlers {
  let handlers = byBackend.get(backend);
  if (!handlers) {
    handlers = new ProgressHandlers();
    byBackend.set(backend, handlers);
  }
  return handlers;
}

function requireHandler(handler: unknown): asserts handler is ProgressHandler {
  if (typeof handler !== "function") {
    throw new ClientArgumentError(
      `registerProgressHandler takes a function (stages, inflightTasks, operationId, done), got ${typeof handler}.`,
      { errorClass: "NOT_CALLABLE", messageParameters: { arg_name: "handler", arg_type: typeof handler } },
    );
  }
}
