/**
 * The questions a DataFrame asks its backend about its plan without running it (AnalyzePlan): schema, schema
 * tree, explain text, semantics, caching; and the view-creating command. The schema is cached, as PySpark caches it per DataFrame.
 */
import { AnalyzePlanRequest_Explain_ExplainMode as ExplainModeProto } from "../../generated/proto/spark/connect/base_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import type { ResultStream } from "../arrow/index.js";
import { ClientArgumentError } from "../errors/index.js";
import { commandPlan, queryPlan } from "../plan/plans.js";
import { dataTypeFromProto, type StructType } from "../types/index.js";
import type { ActionOptions } from "./action-options.js";
import { runCommand } from "./execution.js";
import type { SparkSession } from "./session.js";
import { StorageLevel } from "./storage-level.js";

export type ExplainMode = "simple" | "extended" | "codegen" | "cost" | "formatted";

const EXPLAIN_MODES: Record<ExplainMode, ExplainModeProto> = {
  simple: ExplainModeProto.SIMPLE,
  extended: ExplainModeProto.EXTENDED,
  codegen: ExplainModeProto.CODEGEN,
  cost: ExplainModeProto.COST,
  formatted: ExplainModeProto.FORMATTED,
};

export class DataFrameAnalysis {
  private cachedSchema: Promise<StructType> | undefined;
  /** The schema once fetched, for callers that must stay synchronous. */
  knownSchema: StructType | undefined;

  constructor(
    private readonly session: SparkSession,
    private readonly relation: Relation,
    knownSchema?: StructType,
  ) {
    if (knownSchema !== undefined) {
      this.knownSchema = knownSchema;
      this.cachedSchema = Promise.resolve(knownSchema);
    }
  }

  schema(): Promise<StructType> {
    if (this.cachedSchema === undefined) {
      const pending = this.fetchSchema();
      // A failed lookup is not cached: the next call asks again (the view may exist by then).
      pending.catch(() => {
        if (this.cachedSchema === pending) this.cachedSchema = undefined;
      });
      this.cachedSchema = pending;
    }
    return this.cachedSchema;
  }

  private async fetchSchema(): Promise<StructType> {
    const response = await this.session.backend.analyze({ case: "schema", value: { plan: queryPlan(this.relation) } });
    if (response.result.case !== "schema" || response.result.value.schema === undefined) {
      throw new Error("The backend answered a schema request without a schema");
    }
    const type = dataTypeFromProto(response.result.value.schema);
    if (type.kind !== "struct") throw new Error(`The backend described a DataFrame as ${type.simpleString()}`);
    this.knownSchema = type;
    return type;
  }

  async treeString(level?: number): Promise<string> {
    if (level !== undefined && (!Number.isInteger(level) || level < 1)) {
      throw new ClientArgumentError(`level must be a positive integer, got ${String(level)}.`);
    }
    const value = level === undefined ? { plan: queryPlan(this.relation) } : { plan: queryPlan(this.relation), level };
    const response = await this.session.backend.analyze({ case: "treeString", value });
    if (response.result.case !== "treeString")
      throw new Error("The backend answered a tree-string request with something else");
    return response.result.value.treeString;
  }

  async explainString(mode: ExplainMode | boolean | undefined): Promise<string> {
    const name: ExplainMode = mode === undefined || mode === false ? "simple" : mode === true ? "extended" : mode;
    const explainMode = EXPLAIN_MODES[name];
    if (explainMode === undefined) {
      throw new ClientArgumentError(
        `Unknown explain mode ${JSON.stringify(mode)}; use ${Object.keys(EXPLAIN_MODES).join(", ")}.`,
        {
          errorClass: "UNKNOWN_EXPLAIN_MODE",
        },
      );
    }
    const response = await this.session.backend.analyze({
      case: "explain",
      value: { plan: queryPlan(this.relation), explainMode },
    });
    if (response.result.case !== "explain")
      throw new Error("The backend answered an explain request with something else");
    return response.result.value.explainString;
  }

  async isLocal(): Promise<boolean> {
    const response = await this.session.backend.analyze({ case: "isLocal", value: { plan: queryPlan(this.relation) } });
    if (response.result.case !== "isLocal")
      throw new Error("The backend answered an isLocal request with something else");
    return response.result.value.isLocal;
  }

  async isStreaming(): Promise<boolean> {
    const response = await this.session.backend.analyze({
      case: "isStreaming",
      value: { plan: queryPlan(this.relation) },
    });
    if (response.result.case !== "isStreaming")
      throw new Error("The backend answered an isStreaming request with something else");
    return response.result.value.isStreaming;
  }

  async inputFiles(): Promise<string[]> {
    const response = await this.session.backend.analyze({
      case: "inputFiles",
      value: { plan: queryPlan(this.relation) },
    });
    if (response.result.case !== "inputFiles")
      throw new Error("The backend answered an inputFiles request with something else");
    return response.result.value.files;
  }

  async sameSemantics(other: Relation): Promise<boolean> {
    const response = await this.session.backend.analyze({
      case: "sameSemantics",
      value: { targetPlan: queryPlan(this.relation), otherPlan: queryPlan(other) },
    });
    if (response.result.case !== "sameSemantics")
      throw new Error("The backend answered a sameSemantics request with something else");
    return response.result.value.result;
  }

  async semanticHash(): Promise<number> {
    const response = await this.session.backend.analyze({
      case: "semanticHash",
      value: { plan: queryPlan(this.relation) },
    });
    if (response.result.case !== "semanticHash")
      throw new Error("The backend answered a semanticHash request with something else");
    return response.result.value.result;
  }

  async persist(level: StorageLevel): Promise<void> {
    await this.session.backend.analyze({
      case: "persist",
      value: { relation: this.relation, storageLevel: level.toProto() },
    });
  }

  async unpersist(blocking: boolean): Promise<void> {
    await this.session.backend.analyze({ case: "unpersist", value: { relation: this.relation, blocking } });
  }

  async storageLevel(): Promise<StorageLevel> {
    const response = await this.session.backend.analyze({
      case: "getStorageLevel",
      value: { relation: this.relation },
    });
    if (response.result.case !== "getStorageLevel" || response.result.value.storageLevel === undefined) {
      throw new Error("The backend answered a storage level request without a level");
    }
    return StorageLevel.fromProto(response.result.value.storageLevel);
  }

  /** Creates a (global) temporary view; the finished command stream carries what the server reported. */
  async createView(name: string, isGlobal: boolean, replace: boolean, options?: ActionOptions): Promise<ResultStream> {
    const plan = commandPlan({
      commandType: { case: "createDataframeView", value: { input: this.relation, name, isGlobal, replace } },
    });
    return runCommand(this.session.backend, plan, options);
  }
}
