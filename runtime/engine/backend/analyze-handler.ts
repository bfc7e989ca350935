/** AnalyzePlan answers: schema, explain, treeString, isLocal, isStreaming, version, DDL parsing, semantics. */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { AnalyzePlanResponseSchema, Plan } from "../../../generated/proto/spark/connect/base_pb.js";
import { AnalyzePlanRequest_Explain_ExplainMode } from "../../../generated/proto/spark/connect/base_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import type { AnalyzeRequest } from "../../backend.js";
import { AnalysisException } from "../../errors/index.js";
import { notSupportedLocally } from "../errors.js";
import { logicalTreeText } from "../explain/plan-text.js";
import { childrenOf, type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import type { QueryEngine } from "../query-engine.js";
import { NOT_PERSISTED, type PersistedPlans } from "../session/persisted-plans.js";
import { parseTypeString, treeString } from "../types/schema-strings.js";
import { inputFilesOf } from "./input-files.js";
import { schemaOf } from "./result-encoder.js";

type AnalyzeResult = MessageInitShape<typeof AnalyzePlanResponseSchema>["result"];

function rootOf(plan: { opType?: Plan["opType"] | { case?: string; value?: unknown } } | undefined): Relation {
  const op = plan?.opType;
  if (op?.case !== "root") throw new AnalysisException("This analysis needs a query plan (a root relation).");
  return op.value as Relation;
}

const MODES: Record<number, "simple" | "extended" | "codegen" | "cost" | "formatted"> = {
  [AnalyzePlanRequest_Explain_ExplainMode.UNSPECIFIED]: "simple",
  [AnalyzePlanRequest_Explain_ExplainMode.SIMPLE]: "simple",
  [AnalyzePlanRequest_Explain_ExplainMode.EXTENDED]: "extended",
  [AnalyzePlanRequest_Explain_ExplainMode.CODEGEN]: "codegen",
  [AnalyzePlanRequest_Explain_ExplainMode.COST]: "cost",
  [AnalyzePlanRequest_Explain_ExplainMode.FORMATTED]: "formatted",
};

/** The optimized plan with attribute ids renumbered by first appearance: equal for equal queries. */
export function canonical(engine: QueryEngine, relation: Relation): string {
  const plan = engine.optimize(engine.analyze(relation));
  // The tree text names a file scan by format only; its files tell reads of different paths apart.
  const text = `${logicalTreeText(plan)}\n${scannedFiles(plan).join("\n")}`;
  const ids = new Map<string, number>();
  return text.replace(/#(-?\d+)/g, (_m, id: string) => {
    if (!ids.has(id)) ids.set(id, ids.size);
    return `#${ids.get(id)}`;
  });
}

function scannedFiles(plan: LogicalPlan): string[] {
  const own = plan.kind === "fileScan" ? plan.source.files.map((f) => f.path) : [];
  return [...own, ...childrenOf(plan).flatMap(scannedFiles)];
}

function hash32(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

export function analyzePlan(request: AnalyzeRequest, engine: QueryEngine, persisted: PersistedPlans): AnalyzeResult {
  switch (request.case) {
    case "schema":
      return {
        case: "schema",
        value: { schema: schemaOf(outputOf(engine.analyze(rootOf(request.value.plan as never)))) },
      };
    case "explain": {
      const mode = MODES[request.value.explainMode ?? 0] ?? "simple";
      return { case: "explain", value: { explainString: engine.explain(rootOf(request.value.plan as never), mode) } };
    }
    case "treeString": {
      const output = outputOf(engine.analyze(rootOf(request.value.plan as never)));
      const fields = output.map((a) => ({ name: a.name, type: a.type, nullable: a.nullable }));
      return { case: "treeString", value: { treeString: treeString(fields, request.value.level) } };
    }
    case "isLocal":
      return {
        case: "isLocal",
        value: { isLocal: engine.analyze(rootOf(request.value.plan as never)).kind === "localRelation" },
      };
    case "isStreaming":
      engine.analyze(rootOf(request.value.plan as never));
      return { case: "isStreaming", value: { isStreaming: false } };
    case "inputFiles":
      return {
        case: "inputFiles",
        value: { files: inputFilesOf(engine.analyze(rootOf(request.value.plan as never))) },
      };
    case "sparkVersion":
      return { case: "sparkVersion", value: { version: "4.1.1" } };
    case "ddlParse":
      return { case: "ddlParse", value: { parsed: parseTypeString(request.value.ddlString ?? "") } };
    case "sameSemantics": {
      const same =
        canonical(engine, rootOf(request.value.targetPlan as never)) ===
        canonical(engine, rootOf(request.value.otherPlan as never));
      return { case: "sameSemantics", value: { result: same } };
    }
    case "semanticHash":
      return {
        case: "semanticHash",
        value: { result: hash32(canonical(engine, rootOf(request.value.plan as never))) },
      };
    case "persist": {
      const level = request.value.storageLevel;
      // Spark's default level for persist() without one is MEMORY_AND_DISK (deserialized).
      persisted.persist(canonical(engine, request.value.relation as Relation), {
        useDisk: level?.useDisk ?? true,
        useMemory: level?.useMemory ?? true,
        useOffHeap: level?.useOffHeap ?? false,
        deserialized: level?.deserialized ?? true,
        replication: level?.replication ?? 1,
      });
      return { case: "persist", value: {} };
    }
    case "unpersist":
      persisted.unpersist(canonical(engine, request.value.relation as Relation));
      return { case: "unpersist", value: {} };
    case "getStorageLevel": {
      const level = persisted.isEmpty
        ? NOT_PERSISTED
        : persisted.levelOf(canonical(engine, request.value.relation as Relation));
      return { case: "getStorageLevel", value: { storageLevel: level } };
    }
    default:
      throw notSupportedLocally(`the ${request.case ?? "empty"} analysis`);
  }
}
