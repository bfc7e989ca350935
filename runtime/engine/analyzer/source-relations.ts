/**
 * Leaf relations: local data (Arrow IPC with an optional DDL/JSON schema), file scans through runtime/engine/io,
 * temporary views read by name, and the `range(...)` table function of SQL.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Read } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { arrowIpcToBatch } from "../columnar/arrow-io.js";
import { concatBatches, emptyBatch } from "../columnar/column-vector.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import { lazyParquetSource, readDataSource } from "../io/data-source-reader.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { parseTypeString } from "../types/schema-strings.js";
import { parseIdentifier } from "./name-resolution.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";

export function analyzeLocalRelation(
  analyzer: RelationAnalyzer,
  data: Uint8Array | undefined,
  schema: string | undefined,
): LogicalPlan {
  const declared = schema === undefined ? undefined : parseTypeString(schema);
  const declaredFields =
    declared === undefined
      ? undefined
      : declared.kind.case === "struct"
        ? declared.kind.value.fields
        : [{ name: "value", dataType: declared, nullable: true }];
  if (data === undefined || data.length === 0) {
    if (declaredFields === undefined) throw new AnalysisException("A local relation needs data or a schema.");
    const output = declaredFields.map((f) => analyzer.attribute(f.name, f.dataType ?? T.NULL, f.nullable));
    return { kind: "localRelation", batch: emptyBatch(output.map((a) => a.type)), output };
  }
  const { fields, batch } = arrowIpcToBatch(data);
  const output = fields.map((f, i) => {
    const declaredField = declaredFields?.[i];
    return analyzer.attribute(declaredField?.name ?? f.name, f.type, declaredField?.nullable ?? f.nullable);
  });
  return { kind: "localRelation", batch, output };
}

/** A checkpointed result read back: its rows as materialised, in its partitions. */
export function analyzeCheckpointed(analyzer: RelationAnalyzer, relationId: string): LogicalPlan {
  const result = analyzer.options.lookupCheckpoint?.(relationId);
  if (result === undefined) {
    throw new AnalysisException(`No checkpointed relation ${relationId} in this session.`);
  }
  const output = result.fields.map((f) => analyzer.attribute(f.name, f.type, f.nullable));
  const types = output.map((a) => a.type);
  return { kind: "localRelation", batch: concatBatches(types, result.partitions), output, splits: result.partitions };
}

export function analyzeRead(analyzer: RelationAnalyzer, value: Read): LogicalPlan {
  const read = value.readType;
  if (read.case === "dataSource") {
    const lazy = lazyParquetSource(read.value, analyzer.options.timeZone);
    if (lazy !== null) {
      const output = lazy.fields.map((f) => analyzer.attribute(f.name, f.type, f.nullable));
      return { kind: "fileScan", source: lazy, columns: lazy.fields.map((_, i) => i), output };
    }
    const scan = readDataSource(read.value, analyzer.options.timeZone);
    const output = scan.fields.map((f) => analyzer.attribute(f.name, f.type, f.nullable));
    const batch = concatBatches(
      output.map((a) => a.type),
      scan.partitions,
    );
    return { kind: "localRelation", batch, output, splits: scan.partitions };
  }
  if (read.case !== "namedTable") throw notSupportedLocally(`reading ${read.case ?? "an unknown source"}`);
  const name = read.value.unparsedIdentifier;
  const found = analyzer.options.lookupView?.(name, analyzer.viewDatabase);
  if (found === undefined) {
    const relationName = parseIdentifier(name)
      .map((p) => `\`${p}\``)
      .join(".");
    throw sparkError(
      AnalysisException,
      "TABLE_OR_VIEW_NOT_FOUND",
      "42P01",
      `There is no table or view ${relationName}.`,
      { relationName },
    );
  }
  const child = analyzer.withViewDatabase(found.viewDatabase, () => analyzer.analyze(found.relation));
  const alias = parseIdentifier(name).at(-1) ?? name;
  return {
    kind: "subqueryAlias",
    child,
    alias,
    output: outputOf(child).map((a) => ({ ...a, qualifier: [alias] })),
  };
}

/** SQL's `range(end)` and `range(start, end[, step[, numPartitions]])`, with constant arguments. */
export function analyzeTableFunction(
  analyzer: RelationAnalyzer,
  functionName: string,
  args: readonly Expression[],
): LogicalPlan {
  if (functionName.toLowerCase() !== "range") throw notSupportedLocally(`the table function ${functionName}`);
  const values = args.map((a) => {
    const e = analyzer.exprs.resolve(a, analyzer.scopeOf());
    if (e.kind !== "literal" || e.value === null || !T.isIntegral(e.type)) {
      throw sparkError(
        AnalysisException,
        "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
        "42K09",
        "range() takes constant integers.",
      );
    }
    return BigInt(e.value as number | bigint);
  });
  const [a, b, c, d] = values;
  const [start, end] = b === undefined ? [0n, a ?? 0n] : [a ?? 0n, b];
  const numPartitions = d === undefined ? analyzer.options.defaultParallelism : Number(d);
  return {
    kind: "range",
    start,
    end,
    step: c ?? 1n,
    numPartitions,
    output: [analyzer.attribute("id", T.LONG, false)],
  };
}
