/**
 * A Backend that forwards everything to a real backend and remembers the plans it was asked to execute, so a
 * test can compare what an action sent with what PySpark sends for the same action.
 */
import type { Plan } from "../../../generated/proto/spark/connect/base_pb.js";
import type {
  AnalyzeOptions,
  AnalyzeRequest,
  Artifact,
  Backend,
  ConfigOperation,
  ExecuteOptions,
  InterruptTarget,
} from "../../../runtime/backend.js";

function isCheckpointRelease(plan: Plan): boolean {
  return plan.opType.case === "command" && plan.opType.value.commandType.case === "removeCachedRemoteRelationCommand";
}

export class RecordingBackend implements Backend {
  readonly executed: Plan[] = [];
  /** The operation id of each execute, in order (the client picks it, so a test can name a running query). */
  readonly operationIds: string[] = [];

  constructor(private readonly inner: Backend) {}

  get kind() {
    return this.inner.kind;
  }

  get sessionId() {
    return this.inner.sessionId;
  }

  execute(plan: Plan, options?: ExecuteOptions) {
    // A checkpoint is released when the garbage collector finds its DataFrames unreachable, which can happen
    // during any later action; that command belongs to no action, so it is not recorded.
    if (!isCheckpointRelease(plan)) this.executed.push(plan);
    if (options?.operationId !== undefined) this.operationIds.push(options.operationId);
    return this.inner.execute(plan, options);
  }

  analyze(request: AnalyzeRequest, options?: AnalyzeOptions) {
    return this.inner.analyze(request, options);
  }

  config(operation: ConfigOperation) {
    return this.inner.config(operation);
  }

  interrupt(target: InterruptTarget) {
    return this.inner.interrupt(target);
  }

  addArtifacts(artifacts: readonly Artifact[]) {
    return this.inner.addArtifacts(artifacts);
  }

  artifactStatus(names: readonly string[]) {
    return this.inner.artifactStatus(names);
  }

  cloneSession(newSessionId?: string) {
    return this.inner.cloneSession(newSessionId);
  }

  releaseSession() {
    return this.inner.releaseSession();
  }

  close() {
    this.inner.close();
  }
}
