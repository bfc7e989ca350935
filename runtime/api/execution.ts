/**
 * Running plans for the DataFrame API: a query becomes a ResultStream (runtime/arrow) that decodes batches and
 * rows as they arrive; a command is run to completion and its stream kept for the side results it reported.
 * Every operation gets its id here, before it is sent, so the session's progress handlers can name it even
 * when it fails before the first response.
 */
import { randomUUID } from "node:crypto";
import type { ExecutePlanResponse, Plan } from "../../generated/proto/spark/connect/base_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import { ResultStream } from "../arrow/index.js";
import type { Backend } from "../backend.js";
import { queryPlan } from "../plan/plans.js";
import { progressHandlersOf, withProgress } from "../progress/index.js";
import { type ActionOptions, executeOptions } from "./action-options.js";
import { deliverObservedMetrics } from "./observed-metrics.js";
import { sessionTagsOf } from "./session-tags.js";

/** Starts a query; nothing is sent until the stream is consumed. */
export function runQuery(backend: Backend, relation: Relation, options?: ActionOptions): ResultStream {
  return new ResultStream(execute(backend, queryPlan(relation), options));
}

/** Runs a command plan to completion and returns the consumed stream (e.g. for its SQL command result). */
export async function runCommand(backend: Backend, plan: Plan, options?: ActionOptions): Promise<ResultStream> {
  const stream = new ResultStream(execute(backend, plan, options));
  for await (const _batch of stream) {
    // Batches of a command (e.g. SHOW TABLES output) are read again through the relation it returns.
  }
  return stream;
}

function execute(backend: Backend, plan: Plan, options: ActionOptions | undefined): AsyncIterable<ExecutePlanResponse> {
  const operationId = randomUUID();
  // The session's tags as they are now: a tag added later does not reach an operation already started.
  const tags = sessionTagsOf(backend).list();
  const responses = backend.execute(plan, {
    ...executeOptions(options),
    operationId,
    ...(tags.length > 0 ? { tags } : {}),
  });
  return deliverObservedMetrics(backend, withProgress(responses, progressHandlersOf(backend), operationId));
}
