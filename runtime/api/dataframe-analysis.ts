/**
 * The questions a DataFrame asks its backend about its plan without running it (AnalyzePlan): schema, schema
 * tree, explain text, semantics, caching; and the view-creating command. The schema is cached, as PySpark caches it per DataFrame.
 */
import { AnalyzePlanRequest_Explain_ExplainMode as ExplainModeProto } from "../../generated/proto/spark/connect/base_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import type { ResultStream } from "../arrow/index.js";
import type { AnalyzeRequest } from "../backend.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import { commandPlan, queryPlan } from "../plan/plans.js";
import { dataTypeFromProto, type StructType } from "../types/index.js";
import { type ActionOptions, executeOptions } from "./action-options.js";
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

/**
 * The explain mode of PySpark's `explain(extended, mode)`: neither (simple), a boolean `extended` (extended or
 * simple), a mode string in either place; both at once is an error, as in PySpark.
 */
export function explainModeOf(
  extended: ExplainMode | boolean | null | undefined,
  mode: ExplainMode | null | undefined,
): ExplainMode | boolean | undefined {
  const hasExtended = extended !== undefined && extended !== null;
  const hasMode = mode !== undefined && mode !== null;
  if (hasExtended && hasMode) {
    throw new ClientArgumentError("extended and mode should not be set together.", {
      errorClass: "CANNOT_SET_TOGETHER",
      messageParameters: { arg_list: "extended and mode" },
    });
  }
  const given = hasMode ? mode : hasExtended ? extended : undefined;
  const valid = hasMode
    ? typeof mode === "string"
    : given === undefined || ["boolean", "string"].includes(typeof given);
  if (!valid) {
    throw new ClientArgumentError(
      `extended (optional) and mode (optional) should be a bool or str, got ${describeType(given)}.`,
      {
        errorClass: "NOT_BOOL_OR_STR",
        messageParameters: { arg_name: "extended (optional) and mode (optional)", arg_type: describeType(given) },
      },
    );
  }
  return given;
}

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

  /** One AnalyzePlan call; the options' AbortSignal cancels it. */
  private ask(request: AnalyzeRequest, options?: ActionOptions) {
    return this.session.backend.analyze(request, executeOptions(options));
  }

  async treeString(level?: number, options?: ActionOptions): Promise<string> {
    if (level !== undefined && (!Number.isInteger(level) || level < 1)) {
      throw new ClientArgumentError(`level must be a positive integer, got ${String(level)}.`);
    }
    const value = level === undefined ? { plan: queryPlan(this.relation) } : { plan: queryPlan(this.relation), level };
    const response = await this.ask({ case: "treeString", value }, options);
    if (response.result.case !== "treeString")
      throw new Error("The backend answered a tree-string request with something else");
    return response.result.value.treeString;
  }

  async explainString(mode: ExplainMode | boolean | undefined, options?: ActionOptions): Promise<string> {
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
    const response = await this.ask(
      { case: "explain", value: { plan: queryPlan(this.relation), explainMode } },
      options,
    );
    if (response.result.case !== "explain")
      throw new Error("The backend answered an explain request with something else");
    return response.result.value.explainString;
  }

  async isLocal(options?: ActionOptions): Promise<boolean> {
    const response = await this.ask({ case: "isLocal", value: { plan: queryPlan(this.relation) } }, options);
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

  async inputFiles(options?: ActionOptions): Promise<string[]> {
    const response = await this.ask({ case: "inputFiles", value: { plan: queryPlan(this.relation) } }, options);
    if (response.result.case !== "inputFiles")
      throw new Error("The backend answered an inputFiles request with something else");
    return response.result.value.files;
  }

  async sameSemantics(other: Relation, options?: ActionOptions): Promise<boolean> {
    const response = await this.ask(
      { case: "sameSemantics", value: { targetPlan: queryPlan(this.relation), otherPlan: queryPlan(other) } },
      options,
    );
    if (response.result.case !== "sameSemantics")
      throw new Error("The backend answered a sameSemantics request with something else");
    return response.result.value.result;
  }

  async semanticHash(options?: ActionOptions): Promise<number> {
    const response = await this.ask({ case: "semanticHash", value: { plan: queryPlan(this.relation) } }, options);
    if (response.result.case !== "semanticHash")
      throw new Error("The backend answered a semanticHash request with something else");
    return response.result.value.result;
  }

  async persist(level: StorageLevel, options?: ActionOptions): Promise<void> {
    await this.ask({ case: "persist", value: { relation: this.relation, storageLevel: level.toProto() } }, options);
  }

  async unpersist(blocking: boolean, options?: ActionOptions): Promise<void> {
    await this.ask({ case: "unpersist", value: { relation: this.relation, blocking } }, options);
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
