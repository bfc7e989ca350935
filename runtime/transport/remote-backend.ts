/**
 * The Spark Connect backend: speaks the SparkConnectService of a Spark 4.1.1 server over gRPC. Every call carries
 * the session envelope, runs under the retry policy, checks the server-side session id of the answer, and turns
 * failures into the exception classes PySpark raises.
 */
import { randomUUID } from "node:crypto";
import { create } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import {
  AddArtifactsRequestSchema,
  type AddArtifactsResponse,
  AnalyzePlanRequestSchema,
  type AnalyzePlanResponse,
  ArtifactStatusesRequestSchema,
  CloneSessionRequestSchema,
  ConfigRequestSchema,
  type ConfigResponse,
  type ExecutePlanResponse,
  FetchErrorDetailsRequestSchema,
  type FetchErrorDetailsResponse,
  type Plan,
  ReleaseSessionRequestSchema,
} from "../../generated/proto/spark/connect/base_pb.js";
import type {
  AnalyzeOptions,
  AnalyzeRequest,
  Artifact,
  Backend,
  ConfigOperation,
  ExecuteOptions,
  InterruptTarget,
  RequestPreparer,
} from "../backend.js";
import {
  ConnectionError,
  errorFromGrpc,
  ServerSessionChangedError,
  SparkConnectError,
  throwIfAnalysisAborted,
} from "../errors/index.js";
import { artifactPayloads } from "./artifact-requests.js";
import { clientType } from "./client-type.js";
import { type ConnectionEnvironment, type ConnectionString, resolveConnectionString } from "./connection-string.js";
import { GrpcClient, type RpcName, type RpcRequest, type RpcResponse, type UnaryRpc } from "./grpc-client.js";
import {
  checkTag,
  checkUuid,
  executePlanRequest,
  interruptRequest,
  type ResultChunking,
  reattachRequest,
  releaseRequest,
} from "./operation-requests.js";
import { reattachableExecute } from "./reattach.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, realSleep, withRetries } from "./retry-policy.js";
import { resolveUserId, Session } from "./session.js";

/** Long enough for a TLS handshake to a remote cluster, short enough that a wrong address fails fast. */
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export interface RemoteBackendOptions {
  /** How long `connect` waits for the channel to come up before failing with ConnectionError. Default 5 s. */
  readonly connectTimeoutMs?: number;
  readonly retryPolicy?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Where SPARK_REMOTE, SPARK_USER, USER and SPARK_CONNECT_AUTHENTICATE_TOKEN are read. Default process.env. */
  readonly env?: ConnectionEnvironment & { readonly SPARK_USER?: string; readonly USER?: string };
  readonly channelOptions?: grpc.ChannelOptions;
  /** Told about every RPC attempt (diagnostics and tests). */
  readonly onRpc?: (rpc: RpcName) => void;
  /**
   * Let the server split large Arrow batches into chunks (`chunk_index`/`num_chunks_in_batch`), as PySpark
   * does by default; whoever decodes results must reassemble them. Default true.
   */
  readonly allowArrowBatchChunking?: boolean;
  /** Preferred chunk size in bytes when chunking is allowed; the server's default when absent. */
  readonly preferredArrowChunkSize?: bigint;
}

interface Wiring {
  readonly connection: ConnectionString;
  readonly client: GrpcClient;
  readonly session: Session;
  readonly options: RemoteBackendOptions;
}

export class RemoteBackend implements Backend {
  readonly kind = "remote" as const;
  private readonly connection: ConnectionString;
  private readonly client: GrpcClient;
  private readonly session: Session;
  private readonly options: RemoteBackendOptions;
  private readonly background = new Set<Promise<unknown>>();
  private preparer: RequestPreparer | undefined;
  private closed = false;

  private constructor(wiring: Wiring) {
    this.connection = wiring.connection;
    this.client = wiring.client;
    this.session = wiring.session;
    this.options = wiring.options;
  }

  /** Connects to `connectionString` (default: SPARK_REMOTE) and fails fast if the endpoint cannot be reached. */
  static async connect(connectionString?: string, options: RemoteBackendOptions = {}): Promise<RemoteBackend> {
    const env = options.env ?? process.env;
    const connection = resolveConnectionString(connectionString, env);
    const session = new Session(
      connection.sessionId ?? randomUUID(),
      resolveUserId(connection.userId, env),
      clientType(connection.userAgent),
    );
    return RemoteBackend.open(connection, session, options);
  }

  private static async open(
    connection: ConnectionString,
    session: Session,
    options: RemoteBackendOptions,
  ): Promise<RemoteBackend> {
    const headers = { ...connection.headers };
    if (connection.token !== undefined) headers.authorization = `Bearer ${connection.token}`;
    const client = new GrpcClient({
      endpoint: connection.endpoint,
      credentials: connection.useTls ? grpc.credentials.createSsl() : grpc.credentials.createInsecure(),
      headers,
      onRpc: options.onRpc,
      ...(options.channelOptions === undefined ? {} : { channelOptions: options.channelOptions }),
    });
    const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    try {
      await client.waitForReady(timeoutMs);
    } catch (error) {
      client.close();
      throw new ConnectionError(
        `Could not connect to the Spark Connect server at ${connection.endpoint} within ${timeoutMs} ms ` +
          `(${connection.useTls ? "TLS" : "plaintext"}). Is the server running and reachable?`,
        { cause: error },
      );
    }
    return new RemoteBackend({ connection, client, session, options });
  }

  get sessionId(): string {
    return this.session.sessionId;
  }

  /** The server's id for this session, once any response has named it. */
  get serverSideSessionId(): string | undefined {
    return this.session.serverSideSessionId;
  }

  usePreparer(preparer: RequestPreparer): void {
    this.preparer = preparer;
  }

  execute(plan: Plan, options: ExecuteOptions = {}): AsyncIterable<ExecutePlanResponse> {
    const operationId = options.operationId ?? randomUUID();
    checkUuid("operationId", operationId);
    const tags = options.tags ?? [];
    tags.forEach(checkTag);
    const { preparer } = this;
    if (preparer === undefined) return this.executePrepared(plan, operationId, tags, options);
    const prepareThenExecute = async function* (backend: RemoteBackend) {
      yield* backend.executePrepared(await preparer(plan), operationId, tags, options);
    };
    return prepareThenExecute(this);
  }

  private executePrepared(
    plan: Plan,
    operationId: string,
    tags: readonly string[],
    options: ExecuteOptions,
  ): AsyncIterable<ExecutePlanResponse> {
    const parts = { operationId, plan, tags, chunking: this.resultChunking() };
    return reattachableExecute({
      operationId,
      signal: options.signal,
      openExecute: () => this.client.serverStream("executePlan", executePlanRequest(this.session.envelope(), parts)),
      openReattach: (lastResponseId) =>
        this.client.serverStream(
          "reattachExecute",
          reattachRequest(this.session.envelope(), operationId, lastResponseId),
        ),
      release: (target) =>
        this.retrying(() =>
          this.client.unary("releaseExecute", releaseRequest(this.session.envelope(), operationId, target)),
        ),
      interrupt: () => this.interrupt({ kind: "operation", operationId }),
      retry: (attempt) => this.retrying(attempt, options.signal),
      toError: (error) => this.toError(error),
      observe: (response) => this.session.observe(response),
      track: (work) => this.track(work),
    });
  }

  async analyze(request: AnalyzeRequest, options: AnalyzeOptions = {}): Promise<AnalyzePlanResponse> {
    const { signal } = options;
    throwIfAnalysisAborted(signal);
    const analyze = this.preparer === undefined ? request : await this.preparer(request);
    throwIfAnalysisAborted(signal);
    try {
      return await this.call(
        "analyzePlan",
        create(AnalyzePlanRequestSchema, { ...this.session.envelope(), analyze }),
        signal,
      );
    } catch (error) {
      // The cancelled call fails with CANCELLED; the caller asked for it, so it gets the interruption instead.
      throwIfAnalysisAborted(signal);
      throw error;
    }
  }

  async config(operation: ConfigOperation): Promise<ConfigResponse> {
    return this.call("config", create(ConfigRequestSchema, { ...this.session.envelope(), operation }));
  }

  async interrupt(target: InterruptTarget): Promise<string[]> {
    return (await this.call("interrupt", interruptRequest(this.session.envelope(), target))).interruptedIds;
  }

  async addArtifacts(artifacts: readonly Artifact[]): Promise<AddArtifactsResponse> {
    const requests = artifactPayloads(artifacts).map((payload) =>
      create(AddArtifactsRequestSchema, { ...this.session.envelope(), payload }),
    );
    const response = await this.guarded(() => this.client.clientStream("addArtifacts", requests));
    this.session.observe(response);
    const corrupted = response.artifacts.filter((summary) => !summary.isCrcSuccessful).map((summary) => summary.name);
    if (corrupted.length > 0) {
      throw new SparkConnectError(`The server received corrupted data (CRC mismatch) for: ${corrupted.join(", ")}.`);
    }
    return response;
  }

  async artifactStatus(names: readonly string[]): Promise<Map<string, boolean>> {
    const response = await this.call(
      "artifactStatus",
      create(ArtifactStatusesRequestSchema, { ...this.session.envelope(), names: [...names] }),
    );
    return new Map(names.map((name) => [name, response.statuses[name]?.exists ?? false]));
  }

  async cloneSession(newSessionId?: string): Promise<RemoteBackend> {
    if (newSessionId !== undefined) checkUuid("newSessionId", newSessionId);
    const response = await this.call(
      "cloneSession",
      create(CloneSessionRequestSchema, {
        ...this.session.envelope(),
        ...(newSessionId === undefined ? {} : { newSessionId }),
      }),
    );
    const cloned = new Session(
      response.newSessionId,
      this.session.userId,
      this.session.clientType,
      response.newServerSideSessionId,
    );
    // Over this backend's channel: a clone is another session on the same server, not another connection.
    return new RemoteBackend({
      connection: this.connection,
      client: this.client.retain(),
      session: cloned,
      options: this.options,
    });
  }

  /**
   * Releases the server-side session and closes the connection. With `allowReconnect` the server lets the same
   * session id be used again later (it then starts a fresh server-side session).
   */
  async releaseSession(options: { readonly allowReconnect?: boolean } = {}): Promise<void> {
    try {
      await this.settled();
      const { sessionId, userContext, clientType } = this.session.envelope();
      await this.call(
        "releaseSession",
        create(ReleaseSessionRequestSchema, {
          sessionId,
          userContext,
          clientType,
          allowReconnect: options.allowReconnect ?? false,
        }),
      );
    } finally {
      this.close();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.client.close();
  }

  /** Resolves when background releases and interrupts have finished. */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /** The full description of a server error (FetchErrorDetails); used when converting failures. */
  async fetchErrorDetails(errorId: string): Promise<FetchErrorDetailsResponse> {
    return this.client.unary(
      "fetchErrorDetails",
      create(FetchErrorDetailsRequestSchema, { ...this.session.envelope(), errorId }),
    );
  }

  private resultChunking(): ResultChunking {
    const { allowArrowBatchChunking = true, preferredArrowChunkSize } = this.options;
    return preferredArrowChunkSize === undefined
      ? { allowArrowBatchChunking }
      : { allowArrowBatchChunking, preferredArrowChunkSize };
  }

  private async call<K extends UnaryRpc>(
    rpc: K,
    request: RpcRequest<K>,
    signal?: AbortSignal,
  ): Promise<RpcResponse<K>> {
    const response = await this.guarded(() => this.client.unary(rpc, request, signal), signal);
    this.session.observe(response);
    return response;
  }

  /** Retries (until `signal` aborts), then converts whatever is left into our exception family. */
  private async guarded<T>(attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await this.retrying(attempt, signal);
    } catch (error) {
      throw await this.toError(error);
    }
  }

  private retrying<T>(attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withRetries(attempt, {
      policy: this.options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      sleep: this.options.sleep ?? realSleep,
      signal,
    });
  }

  private async toError(error: unknown): Promise<Error> {
    const converted = await errorFromGrpc(error, (errorId) => this.fetchErrorDetails(errorId));
    // The server saw that our pinned server-side session is gone: like PySpark, stop using this session.
    if (converted instanceof ServerSessionChangedError) this.session.markLost(converted);
    return converted;
  }

  private track(work: Promise<unknown>): void {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }
}
