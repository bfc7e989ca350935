/**
 * Parses Spark SQL type names (`int`, `decimal(10,2)`, `array<struct<a: int, b string COMMENT 'x'>>`,
 * `interval day to second`, `varchar(5)`, ...) into the Connect `DataType` message.
 *
 * TODO(dedupe): `runtime/types/` is growing a DDL parser of its own; once it lands, one of the two should go.
 */
import { create } from "@bufbuild/protobuf";
import { type DataType, DataTypeSchema } from "../../../generated/proto/spark/connect/types_pb.js";
import { invalidSql } from "./parse-error.js";
import type { TokenStream } from "./token-stream.js";

const YEAR_MONTH_FIELDS = ["YEAR", "MONTH"];
const DAY_TIME_FIELDS = ["DAY", "HOUR", "MINUTE", "SECOND"];

/** Constructors for the types the parser needs by name. */
export const DataTypes = {
  null: () => create(DataTypeSchema, { kind: { case: "null", value: {} } }),
  boolean: () => create(DataTypeSchema, { kind: { case: "boolean", value: {} } }),
  byte: () => create(DataTypeSchema, { kind: { case: "byte", value: {} } }),
  short: () => create(DataTypeSchema, { kind: { case: "short", value: {} } }),
  integer: () => create(DataTypeSchema, { kind: { case: "integer", value: {} } }),
  long: () => create(DataTypeSchema, { kind: { case: "long", value: {} } }),
  float: () => create(DataTypeSchema, { kind: { case: "float", value: {} } }),
  double: () => create(DataTypeSchema, { kind: { case: "double", value: {} } }),
  string: () => create(DataTypeSchema, { kind: { case: "string", value: {} } }),
  binary: () => create(DataTypeSchema, { kind: { case: "binary", value: {} } }),
  date: () => create(DataTypeSchema, { kind: { case: "date", value: {} } }),
  timestamp: () => create(DataTypeSchema, { kind: { case: "timestamp", value: {} } }),
  timestampNtz: () => create(DataTypeSchema, { kind: { case: "timestampNtz", value: {} } }),
  variant: () => create(DataTypeSchema, { kind: { case: "variant", value: {} } }),
  calendarInterval: () => create(DataTypeSchema, { kind: { case: "calendarInterval", value: {} } }),
  decimal: (precision: number, scale: number) =>
    create(DataTypeSchema, { kind: { case: "decimal", value: { precision, scale } } }),
  yearMonthInterval: (startField: number, endField: number) =>
    create(DataTypeSchema, { kind: { case: "yearMonthInterval", value: { startField, endField } } }),
  dayTimeInterval: (startField: number, endField: number) =>
    create(DataTypeSchema, { kind: { case: "dayTimeInterval", value: { startField, endField } } }),
};

/** Parses one data type at the stream's position. */
export function parseDataTypeAt(stream: TokenStream): DataType {
  const start = stream.peek();
  if (start.kind !== "word") throw stream.error();
  const name = stream.next().text.toUpperCase();
  switch (name) {
    case "BOOLEAN":
      return DataTypes.boolean();
    case "TINYINT":
    case "BYTE":
      return DataTypes.byte();
    case "SMALLINT":
    case "SHORT":
      return DataTypes.short();
    case "INT":
    case "INTEGER":
      return DataTypes.integer();
    case "BIGINT":
    case "LONG":
      return DataTypes.long();
    case "FLOAT":
    case "REAL":
      return DataTypes.float();
    case "DOUBLE":
      return DataTypes.double();
    case "DATE":
      return DataTypes.date();
    case "TIMESTAMP":
    case "TIMESTAMP_LTZ":
      return DataTypes.timestamp();
    case "TIMESTAMP_NTZ":
      return DataTypes.timestampNtz();
    case "BINARY":
      return DataTypes.binary();
    case "VOID":
      return DataTypes.null();
    case "VARIANT":
      return DataTypes.variant();
    case "STRING":
      return stringType(stream);
    case "CHAR":
    case "CHARACTER":
    case "VARCHAR": {
      const length = parenthesizedInts(stream, 1, 1)[0]!;
      return create(DataTypeSchema, { kind: { case: name === "VARCHAR" ? "varChar" : "char", value: { length } } });
    }
    case "DECIMAL":
    case "DEC":
    case "NUMERIC":
      return decimalType(stream, start);
    case "TIME": {
      const precision = stream.isOp("(") ? parenthesizedInts(stream, 1, 1)[0] : 6;
      return create(DataTypeSchema, { kind: { case: "time", value: { precision } } });
    }
    case "INTERVAL":
      return intervalType(stream);
    case "ARRAY": {
      stream.expectOp("<");
      const elementType = parseDataTypeAt(stream);
      closeAngle(stream);
      return create(DataTypeSchema, { kind: { case: "array", value: { elementType, containsNull: true } } });
    }
    case "MAP": {
      stream.expectOp("<");
      const keyType = parseDataTypeAt(stream);
      stream.expectOp(",");
      const valueType = parseDataTypeAt(stream);
      closeAngle(stream);
      return create(DataTypeSchema, { kind: { case: "map", value: { keyType, valueType, valueContainsNull: true } } });
    }
    case "STRUCT":
      return structType(stream);
    default:
      throw invalidSql(
        stream.sql,
        start,
        "UNSUPPORTED_DATATYPE",
        "0A000",
        `Unsupported data type "${start.text.toUpperCase()}".`,
        { typeName: `"${start.text.toUpperCase()}"` },
      );
  }
}

function stringType(stream: TokenStream): DataType {
  // `STRING COLLATE name` picks a collation; the default (UTF8_BINARY) is left empty as PySpark does.
  if (stream.matchKeywords("COLLATE")) {
    const collation = stream.identifier();
    return create(DataTypeSchema, { kind: { case: "string", value: { collation: collation.toUpperCase() } } });
  }
  return DataTypes.string();
}

function decimalType(stream: TokenStream, start: ReturnType<TokenStream["peek"]>): DataType {
  const [precision = 10, scale = 0] = stream.isOp("(") ? parenthesizedInts(stream, 1, 2) : [];
  if (precision < 1 || precision > 38 || scale > precision) {
    throw invalidSql(
      stream.sql,
      start,
      "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
      "22003",
      `Decimal precision ${precision} exceeds max precision 38.`,
      { precision: String(precision), maxPrecision: "38" },
    );
  }
  return DataTypes.decimal(precision, scale);
}

function intervalType(stream: TokenStream): DataType {
  const from = stream.peek().text.toUpperCase();
  const fields = YEAR_MONTH_FIELDS.includes(from) ? YEAR_MONTH_FIELDS : DAY_TIME_FIELDS;
  if (!fields.includes(from)) return DataTypes.calendarInterval();
  stream.next();
  let to = from;
  if (stream.matchKeywords("TO")) {
    const end = stream.peek();
    to = end.text.toUpperCase();
    if (!fields.includes(to) || fields.indexOf(to) < fields.indexOf(from)) throw stream.error(end);
    stream.next();
  }
  const startField = fields.indexOf(from);
  const endField = fields.indexOf(to);
  return fields === YEAR_MONTH_FIELDS
    ? DataTypes.yearMonthInterval(startField, endField)
    : DataTypes.dayTimeInterval(startField, endField);
}

function structType(stream: TokenStream): DataType {
  // `struct<>` lexes as the `<>` operator.
  if (stream.matchOp("<>")) return create(DataTypeSchema, { kind: { case: "struct", value: { fields: [] } } });
  stream.expectOp("<");
  const fields: { name: string; dataType: DataType; nullable: boolean; metadata?: string }[] = [];
  if (!stream.isOp(">") && !stream.isOp(">>")) {
    do {
      fields.push(structField(stream));
    } while (stream.matchOp(","));
  }
  closeAngle(stream);
  return create(DataTypeSchema, { kind: { case: "struct", value: { fields } } });
}

/** `name [:] type [NOT NULL] [COMMENT 'text']`. */
function structField(stream: TokenStream): { name: string; dataType: DataType; nullable: boolean; metadata?: string } {
  const name = stream.identifier();
  // `a:int` lexes as the named parameter marker `:int`; split it back into `:` and `int`.
  if (stream.peek().kind === "namedParam") stream.splitNext();
  stream.matchOp(":");
  return finishField(stream, name, parseDataTypeAt(stream));
}

function finishField(
  stream: TokenStream,
  name: string,
  dataType: DataType,
): { name: string; dataType: DataType; nullable: boolean; metadata?: string } {
  let nullable = true;
  if (stream.matchKeywords("NOT", "NULL")) nullable = false;
  if (stream.matchKeywords("COMMENT")) {
    const comment = stream.stringLiteral();
    return { name, dataType, nullable, metadata: JSON.stringify({ comment }) };
  }
  return { name, dataType, nullable };
}

function parenthesizedInts(stream: TokenStream, min: number, max: number): number[] {
  const values = stream.parenthesizedList(() => {
    const token = stream.next();
    if (token.kind !== "number" || !/^\d+$/.test(token.text)) throw stream.error(token);
    return Number(token.text);
  });
  if (values.length < min || values.length > max) throw stream.error(stream.previous());
  return values;
}

/** Closes a `<...>`; a `>>` token closes two levels at once, so it is split. */
function closeAngle(stream: TokenStream): void {
  if (stream.isOp(">>") || stream.isOp(">>>")) stream.splitNext();
  stream.expectOp(">");
}
