/**
 * The Backend seam: the shape of the Spark Connect service itself. `RemoteBackend` (runtime/transport) speaks it
 * to a Spark 4.1.1 server over gRPC; `LocalBackend` (runtime/engine) answers it in-process. The DataFrame API
 * only ever talks to this interface, so user code is shared 100% between the two.
 *
 * Requests are given as protobuf-es init shapes without the envelope (session id, user context, client type):
 * each backend fills those in itself.
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type {
  AddArtifactsResponse,
  AnalyzePlanRequestSchema,
  AnalyzePlanResponse,
  ConfigRequest_OperationSchema,
  ConfigResponse,
  ExecutePlanResponse,
  Plan,
} from "../generated/proto/spark/connect/base_pb.js";

export type BackendKind = "remote" | "local";

export interface ExecuteOptions {
  /** Client-made operation id (a UUID); the backend makes one when absent. */
  readonly operationId?: string;
  /** Operation tags (session tags plus per-call tags) used by interrupt-by-tag. */
  readonly tags?: readonly string[];
  /** Aborting interrupts the operation on the backend and rejects the consumer with an abort error. */
  readonly signal?: AbortSignal;
}

/** Options of an AnalyzePlan call. */
export interface AnalyzeOptions {
  /** Aborting cancels the request and rejects it with an OperationInterruptedError. */
  readonly signal?: AbortSignal;
}

/** The analysis oneof of AnalyzePlanRequest, e.g. `{ case: "schema", value: { plan } }`. */
export type AnalyzeRequest = NonNullable<MessageInitShape<typeof AnalyzePlanRequestSchema>["analyze"]>;
export type ConfigOperation = MessageInitShape<typeof ConfigRequest_OperationSchema>;

export type InterruptTarget =
  | { readonly kind: "all" }
  | { readonly kind: "tag"; readonly tag: string }
  | { readonly kind: "operation"; readonly operationId: string };

/** One artifact to upload: `name` is the server path such as `jars/x.jar`, `files/a.txt`, `cache/<sha256>`. */
export interface Artifact {
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * Rewrites a request just before it goes over the wire; the session uses it to swap large local data for
 * relations that name uploaded artifacts. Must return the request itself when it changes nothing.
 */
export type RequestPreparer = <T>(request: T) => Promise<T>;

export interface Backend {
  readonly kind: BackendKind;
  /** Client-side session id (a UUID). */
  readonly sessionId: string;

  /**
   * Runs a plan and streams every response until the operation completes. On the remote backend this is
   * reattachable execution with retries; the stream ends only after `result_complete`.
   */
  execute(plan: Plan, options?: ExecuteOptions): AsyncIterable<ExecutePlanResponse>;
  analyze(request: AnalyzeRequest, options?: AnalyzeOptions): Promise<AnalyzePlanResponse>;
  config(operation: ConfigOperation): Promise<ConfigResponse>;
  /** Returns the ids of the interrupted operations. */
  interrupt(target: InterruptTarget): Promise<string[]>;
  addArtifacts(artifacts: readonly Artifact[]): Promise<AddArtifactsResponse>;
  /** For each name, whether the server already holds it (only `cache/` artifacts are reported by Spark). */
  artifactStatus(names: readonly string[]): Promise<Map<string, boolean>>;
  /** A new backend over a server-side copy of this session (CloneSession RPC). */
  cloneSession(newSessionId?: string): Promise<Backend>;
  /** Releases the server-side session and closes the connection. */
  releaseSession(): Promise<void>;
  /** Closes the connection without releasing the session. */
  close(): void;
  /** Hands every plan-carrying request (ExecutePlan, AnalyzePlan) through `preparer`; optional for backends. */
  usePreparer?(preparer: RequestPreparer): void;
}
