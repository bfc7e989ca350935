/**
 * Feeds one operation's ExecutionProgress responses to the session's progress handlers while passing every
 * response on unchanged, and tells the handlers `done` when the stream ends, fails or is abandoned.
 */
import type { ExecutePlanResponse } from "../../generated/proto/spark/connect/base_pb.js";
import { operationEnded, operationStarted } from "./operation-start-times.js";
import type { ProgressHandlers } from "./progress-handlers.js";
import { progressFromProto, type StageInfo } from "./stage-info.js";

export async function* withProgress(
  responses: AsyncIterable<ExecutePlanResponse>,
  handlers: ProgressHandlers,
  operationId?: string,
): AsyncGenerator<ExecutePlanResponse> {
  let operation = operationId;
  let stages: readonly StageInfo[] = [];
  let inflight = 0;
  const notify = (done: boolean): void => {
    for (const handler of handlers.list()) handler(stages, inflight, operation, done);
  };
  if (operation) operationStarted(operation);
  try {
    for await (const response of responses) {
      if (!operation && response.operationId) operation = response.operationId;
      const body = response.responseType;
      if (body.case === "executionProgress") {
        const report = progressFromProto(body.value);
        // Like PySpark, a report without any task yet (nothing submitted) is not worth a notification.
        if (report.stages.some((stage) => stage.numTasks > 0)) {
          stages = report.stages;
          inflight = report.inflightTasks;
          notify(false);
        }
      }
      yield response;
    }
  } finally {
    notify(true);
    if (operation) operationEnded(operation);
  }
}
