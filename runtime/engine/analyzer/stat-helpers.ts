/**
 * Shared pieces of the DataFrame statistics relations (df.stat.*, describe, summary): Spark checks their
 * arguments with Scala `require`, which surfaces as an IllegalArgumentException without an error class, and
 * builds most of them as ordinary DataFrame operations over the input, which the analyzer then resolves.
 */
import { create } from "@bufbuild/protobuf";
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { IllegalArgumentException } from "../../errors/index.js";
import type { SparkConnectError } from "../../errors/spark-error.js";
import { outputOf } from "../logical/logical-plan.js";
import { attribute, nameParts } from "../sql/expression-builders.js";
import * as T from "../types/data-types.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";

/** What a failed Scala `require(condition, message)` raises. */
export function requirementFailed(message: string): SparkConnectError {
  return new IllegalArgumentException(`requirement failed: ${message}`);
}

/** A column reference by its (possibly dotted or quoted) name, as `col(name)` builds it. */
export const columnNamed = (name: string): Expression => attribute(nameParts(name));

/** The input relation every statistics relation carries. */
export function inputOf(rel: { input?: Relation | undefined }): Relation {
  if (rel.input === undefined) throw new Error("internal: a statistics relation without an input");
  return rel.input;
}

/** `input.select(expressions)` as a relation. */
export function selectFrom(input: Relation, expressions: readonly Expression[]): Relation {
  return create(RelationSchema, { relType: { case: "project", value: { input, expressions: [...expressions] } } });
}

/** The type of column `name` of `input`, resolved as Spark's `df.resolve(name)` does (unknown names fail). */
export function columnType(analyzer: RelationAnalyzer, input: Relation, name: string): T.DataType {
  const [column] = outputOf(analyzer.analyze(selectFrom(input, [columnNamed(name)])));
  if (column === undefined) throw new Error(`internal: selecting ${name} gave no column`);
  return column.type;
}

/** Spark's `catalogString` of a type (`int`, `string`, `array<int>`), as the statistics' messages show it. */
export function catalogString(type: T.DataType): string {
  return T.simpleString(type);
}

/** Scala's `toString` of a (non-nested) type, e.g. `StringType`, `DecimalType(10,2)`, as approxQuantile shows it. */
export function scalaTypeName(type: T.DataType): string {
  const kind = type.kind;
  switch (kind.case) {
    case "decimal":
      return `DecimalType(${kind.value.precision ?? 10},${kind.value.scale ?? 0})`;
    case "string":
      return "StringType";
    case "boolean":
      return "BooleanType";
    case "date":
      return "DateType";
    case "timestamp":
      return "TimestampType";
    case "timestampNtz":
      return "TimestampNTZType";
    case "binary":
      return "BinaryType";
    default:
      return T.simpleString(type);
  }
}
