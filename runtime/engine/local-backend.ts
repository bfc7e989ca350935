/**
 * The embedded engine behind the Backend seam: it takes the same proto Plan a Spark Connect server would and
 * answers with the same response shapes (schema, Arrow batches with row counts and offsets, result_complete),
 * the same analysis results, config semantics and error classes.
 */
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { create } from "@bufbuild/protobuf";
import {
  type AddArtifactsResponse,
  type AnalyzePlanResponse,
  AnalyzePlanResponseSchema,
  type ConfigResponse,
  ConfigResponseSchema,
  type ExecutePlanResponse,
  ExecutePlanResponseSchema,
  type Plan,
} from "../../generated/proto/spark/connect/base_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import type {
  AnalyzeOptions,
  AnalyzeRequest,
  Artifact,
  Backend,
  ConfigOperation,
  ExecuteOptions,
  InterruptTarget,
} from "../backend.js";
import { ClientArgumentError, throwIfAnalysisAborted, UnsupportedOperationException } from "../errors/index.js";
import { checkUuid } from "../transport/operation-requests.js";
import { analyzePlan, canonical } from "./backend/analyze-handler.js";
import { runCatalogOperation } from "./backend/catalog-handler.js";
import { runCommand } from "./backend/command-handler.js";
import { configure } from "./backend/config-handler.js";
import { OperationRegistry } from "./backend/operation-registry.js";
import { ProgressChannel, reportIntervalMs } from "./backend/progress-channel.js";
import { resultResponses, schemaOf } from "./backend/result-encoder.js";
import { showStringOutput, showStringResult } from "./backend/show-string-handler.js";
import { notSupportedLocally } from "./errors.js";
import { outputOf } from "./logical/logical-plan.js";
import { QueryEngine, type QueryResult } from "./query-engine.js";
import type { JobProgressListener } from "./scheduler/job-progress.js";
import { PersistedPlans } from "./session/persisted-plans.js";
import { SessionCatalog } from "./session/session-catalog.js";
import { sqlExpression, sqlQueryRelation } from "./session/sql-front-end.js";

export interface LocalBackendOptions {
  /** `local`, `local[N]` or `local[*]`. */
  readonly master: string;
  /** Where managed tables live (`spark.sql.warehouse.dir`); Spark's default is `spark-warehouse` in the cwd. */
  readonly warehouseDir?: string;
}

export function parallelismOf(master: string): number {
  const match = /^local(?:\[(\d+|\*)\])?$/.exec(master);
  if (!match) {
    throw new ClientArgumentError(`master must be "local", "local[N]" or "local[*]", got "${master}".`, {
      errorClass: "INVALID_MASTER",
      messageParameters: { master },
    });
  }
  const spec = match[1];
  if (spec === undefined) return 1;
  if (spec === "*") return Math.max(1, availableParallelism());
  const n = Number(spec);
  if (n < 1)
    throw new ClientArgumentError(`local[N] needs N ≥ 1, got ${spec}.`, {
      errorClass: "INVALID_MASTER",
      messageParameters: { master },
    });
  return n;
}

export class LocalBackend implements Backend {
  readonly kind = "local" as const;
  readonly sessionId: string;
  /** The engine has no server; a stable id stands in for Spark's server-side session id. */
  readonly serverSideSessionId = randomUUID();
  readonly engine: QueryEngine;
  readonly catalog: SessionCatalog;
  private readonly persisted = new PersistedPlans();
  private readonly operations = new OperationRegistry();
  /** Plan ids of catalog relations already run: like Spark's plan cache, running one again reads its result. */
  private readonly ranCatalogPlans = new Set<bigint>();

  constructor(
    private readonly options: LocalBackendOptions,
    sessionId: string = randomUUID(),
  ) {
    this.sessionId = sessionId;
    this.catalog = new SessionCatalog(options.warehouseDir ?? "spark-warehouse");
    this.engine = new QueryEngine({
      master: options.master,
      parallelism: parallelismOf(options.master),
      lookupView: (name, viewDatabase) => this.catalog.lookup(name, viewDatabase),
      parseSql: sqlQueryRelation,
      parseExpression: sqlExpression,
    });
    this.engine.conf.setStatic("spark.sql.warehouse.dir", `file:${this.catalog.warehouse.root}`);
  }

  private envelope() {
    return { sessionId: this.sessionId, serverSideSessionId: this.serverSideSessionId };
  }

  async *execute(plan: Plan, options: ExecuteOptions = {}): AsyncIterable<ExecutePlanResponse> {
    const operationId = options.operationId ?? randomUUID();
    const operation = this.operations.start(operationId, options.tags ?? [], options.signal);
    try {
      const op = plan.opType;
      const planId = op.case === "root" ? op.value.common?.planId : undefined;
      if (op.case === "root" && op.value.relType.case === "catalog" && !this.ranCatalogPlans.has(planId ?? -1n)) {
        if (planId !== undefined) this.ranCatalogPlans.add(planId);
        // Catalog operations run once, now, and answer with their own small table.
        for (const response of await runCatalogOperation(
          op.value.relType.value,
          this.catalog,
          this.engine,
          this.persisted,
        ))
          yield create(ExecutePlanResponseSchema, {
            ...this.envelope(),
            operationId,
            responseId: randomUUID(),
            ...response,
          });
      } else if (op.case === "root") {
        yield* this.executeRelation(op.value, operationId, operation.signal);
      } else if (op.case === "command") {
        const extra = await runCommand(op.value, this.engine, this.catalog);
        for (const response of extra)
          yield create(ExecutePlanResponseSchema, {
            ...this.envelope(),
            operationId,
            responseId: randomUUID(),
            ...response,
          });
      } else {
        throw notSupportedLocally(`plans of kind ${op.case ?? "empty"}`);
      }
      yield create(ExecutePlanResponseSchema, {
        ...this.envelope(),
        operationId,
        responseId: randomUUID(),
        responseType: { case: "resultComplete", value: {} },
      });
    } finally {
      this.operations.finish(operationId);
    }
  }

  private async *executeRelation(
    relation: Relation,
    operationId: string,
    signal: AbortSignal,
  ): AsyncIterable<ExecutePlanResponse> {
    const progress = new ProgressChannel(reportIntervalMs(this.engine.conf));
    const show = relation.relType.case === "showString" ? relation.relType.value : undefined;
    const job = show
      ? showStringResult(show, this.engine, signal, progress.push)
      : this.run(relation, signal, progress.push);
    const reports = progress.drain(job);
    let schemaSent = false;
    let next = await reports.next();
    while (!next.done) {
      // Spark sends the schema before any progress report; it is only worked out here for jobs that report.
      if (!schemaSent) {
        schemaSent = true;
        const schema = show ? schemaOf(showStringOutput) : schemaOf(outputOf(this.engine.analyze(relation)));
        yield create(ExecutePlanResponseSchema, { ...this.envelope(), operationId, responseId: randomUUID(), schema });
      }
      yield create(ExecutePlanResponseSchema, {
        ...this.envelope(),
        operationId,
        responseId: randomUUID(),
        responseType: { case: "executionProgress", value: { ...next.value, stages: [...next.value.stages] } },
      });
      next = await reports.next();
    }
    for (const response of resultResponses(next.value, this.engine.conf.timeZone)) {
      if (schemaSent && response.schema) continue;
      yield create(ExecutePlanResponseSchema, {
        ...this.envelope(),
        operationId,
        responseId: randomUUID(),
        ...response,
      });
    }
  }

  /** Runs a query, or reads its kept result when the same plan was persisted. */
  private async run(relation: Relation, signal: AbortSignal, onProgress: JobProgressListener): Promise<QueryResult> {
    const compute = () => this.engine.execute(relation, signal, onProgress);
    if (this.persisted.isEmpty) return compute();
    const kept = await this.persisted.resultFor(canonical(this.engine, relation), compute, this.engine.conf.timeZone);
    return kept ?? compute();
  }

  /** Analysis runs synchronously here, so an AbortSignal can only refuse to start it. */
  async analyze(request: AnalyzeRequest, options: AnalyzeOptions = {}): Promise<AnalyzePlanResponse> {
    throwIfAnalysisAborted(options.signal);
    const result = analyzePlan(request, this.engine, this.persisted);
    return create(AnalyzePlanResponseSchema, { ...this.envelope(), result } as never);
  }

  async config(operation: ConfigOperation): Promise<ConfigResponse> {
    return create(ConfigResponseSchema, { ...this.envelope(), ...configure(operation, this.engine.conf) });
  }

  async interrupt(target: InterruptTarget): Promise<string[]> {
    return this.operations.interrupt(target);
  }

  async addArtifacts(_artifacts: readonly Artifact[]): Promise<AddArtifactsResponse> {
    throw unsupported("addArtifacts");
  }

  async artifactStatus(_names: readonly string[]): Promise<Map<string, boolean>> {
    throw unsupported("artifactStatus");
  }

  /**
   * A new session as Spark's clone makes one: the same warehouse and global temporary views (process-wide state),
   * a copy of this session's configuration, temporary views and current database; changes to either session stay
   * with it. Cached plans and checkpoints are not carried over.
   */
  async cloneSession(newSessionId?: string): Promise<Backend> {
    // The same client-side check the remote backend makes.
    if (newSessionId !== undefined) checkUuid("newSessionId", newSessionId);
    const clone = new LocalBackend({ ...this.options, warehouseDir: this.catalog.warehouse.root }, newSessionId);
    clone.engine.conf.copyFrom(this.engine.conf);
    clone.catalog.copyFrom(this.catalog);
    return clone;
  }

  async releaseSession(): Promise<void> {
    this.operations.interrupt({ kind: "all" });
    this.persisted.close();
    this.engine.close();
  }

  close(): void {
    this.persisted.close();
    this.engine.close();
  }
}

function unsupported(operation: string): UnsupportedOperationException {
  return new UnsupportedOperationException(`The local engine does not support ${operation}.`, {
    errorClass: "UNSUPPORTED_FEATURE.LOCAL_ENGINE",
    sqlState: "0A000",
    messageParameters: { feature: operation },
  });
}
