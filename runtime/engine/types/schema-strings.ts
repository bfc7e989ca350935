/**
 * Bridges to the shared type model in runtime/types: DDL and JSON schema strings (LocalRelation schemas, cast
 * targets given as text) become proto DataTypes, and schemas render as printSchema trees.
 */
import { create } from "@bufbuild/protobuf";
import { type DataType, DataTypeSchema } from "../../../generated/proto/spark/connect/types_pb.js";
import { ParseException } from "../../errors/index.js";
import { dataTypeFromJson, dataTypeFromProto, dataTypeToProto, formatTreeStringOf, parseDDL } from "./type-model.js";

/** A schema or type string as the front ends send it: DDL (`a INT, b STRING`, `int`) or Spark's JSON form. */
export function parseTypeString(text: string): DataType {
  try {
    const parsed = text.trimStart().startsWith("{") ? dataTypeFromJson(text) : parseDDL(text);
    return dataTypeToProto(parsed);
  } catch (error) {
    if (error instanceof Error && "errorClass" in error) throw error;
    throw new ParseException(`Cannot parse the data type or schema ${JSON.stringify(text)}.`, {
      errorClass: "PARSE_SYNTAX_ERROR",
      sqlState: "42601",
      cause: error,
    });
  }
}

export function treeString(
  fields: readonly { name: string; type: DataType; nullable: boolean }[],
  level?: number,
): string {
  const struct = create(DataTypeSchema, {
    kind: {
      case: "struct",
      value: { fields: fields.map((f) => ({ name: f.name, dataType: f.type, nullable: f.nullable })) },
    },
  });
  return formatTreeStringOf(dataTypeFromProto(struct), level);
}
