/**
 * Conversion between the type model and the Spark Connect `DataType` proto message, in both directions.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { DataTypeSchema, type DataType as ProtoDataType } from "../../generated/proto/spark/connect/types_pb.js";
import {
  BinaryType,
  BooleanType,
  ByteType,
  CalendarIntervalType,
  DateType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  NullType,
  ShortType,
  TimestampNTZType,
  TimestampType,
  VariantType,
} from "./atomic-types.js";
import { ArrayType, MapType, StructField, StructType } from "./complex-types.js";
import type { JsonValue } from "./data-type.js";
import { parseDataType } from "./ddl-parser.js";
import {
  CharType,
  DayTimeIntervalType,
  DecimalType,
  StringType,
  TimeType,
  VarcharType,
  YearMonthIntervalType,
} from "./parameterized-types.js";
import { assertNever, type SparkDataType } from "./spark-data-type.js";
import { invalidType, unsupportedType } from "./type-errors.js";

export function dataTypeToProto(type: SparkDataType): ProtoDataType {
  return create(DataTypeSchema, { kind: kindInit(type) });
}

type KindInit = NonNullable<Exclude<MessageInitShape<typeof DataTypeSchema>, ProtoDataType>["kind"]>;

/** Types without parameters map one to one onto an empty proto message. */
const EMPTY_KIND = {
  null: "null",
  boolean: "boolean",
  byte: "byte",
  short: "short",
  integer: "integer",
  long: "long",
  float: "float",
  double: "double",
  binary: "binary",
  date: "date",
  timestamp: "timestamp",
  timestamp_ntz: "timestampNtz",
  calendar_interval: "calendarInterval",
  variant: "variant",
} as const;

function kindInit(type: SparkDataType): KindInit {
  switch (type.kind) {
    case "null":
    case "boolean":
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "binary":
    case "date":
    case "timestamp":
    case "timestamp_ntz":
    case "calendar_interval":
    case "variant":
      return { case: EMPTY_KIND[type.kind], value: {} };
    case "decimal":
      return { case: "decimal", value: { precision: type.precision, scale: type.scale } };
    case "string":
      return { case: "string", value: { collation: type.collation } };
    case "char":
      return { case: "char", value: { length: type.length } };
    case "varchar":
      return { case: "varChar", value: { length: type.length } };
    case "time":
      return { case: "time", value: { precision: type.precision } };
    case "year_month_interval":
      return { case: "yearMonthInterval", value: { startField: type.startField, endField: type.endField } };
    case "day_time_interval":
      return { case: "dayTimeInterval", value: { startField: type.startField, endField: type.endField } };
    case "array":
      return {
        case: "array",
        value: { elementType: dataTypeToProto(type.elementType), containsNull: type.containsNull },
      };
    case "map":
      return {
        case: "map",
        value: {
          keyType: dataTypeToProto(type.keyType),
          valueType: dataTypeToProto(type.valueType),
          valueContainsNull: type.valueContainsNull,
        },
      };
    case "struct":
      return {
        case: "struct",
        value: {
          fields: type.fields.map((f) => ({
            name: f.name,
            dataType: dataTypeToProto(f.dataType),
            nullable: f.nullable,
            ...(Object.keys(f.metadata).length > 0 ? { metadata: JSON.stringify(f.metadata) } : {}),
          })),
        },
      };
    default:
      return assertNever(type);
  }
}

export function dataTypeFromProto(proto: ProtoDataType): SparkDataType {
  const kind = proto.kind;
  switch (kind.case) {
    case "null":
      return NullType.instance;
    case "boolean":
      return BooleanType.instance;
    case "byte":
      return ByteType.instance;
    case "short":
      return ShortType.instance;
    case "integer":
      return IntegerType.instance;
    case "long":
      return LongType.instance;
    case "float":
      return FloatType.instance;
    case "double":
      return DoubleType.instance;
    case "binary":
      return BinaryType.instance;
    case "date":
      return DateType.instance;
    case "timestamp":
      return TimestampType.instance;
    case "timestampNtz":
      return TimestampNTZType.instance;
    case "calendarInterval":
      return CalendarIntervalType.instance;
    case "variant":
      return VariantType.instance;
    case "decimal":
      return new DecimalType(kind.value.precision ?? 10, kind.value.scale ?? 0);
    case "string":
      return kind.value.collation === "" ? StringType.instance : new StringType(kind.value.collation);
    case "char":
      return new CharType(kind.value.length);
    case "varChar":
      return new VarcharType(kind.value.length);
    case "time":
      return new TimeType(kind.value.precision ?? undefined);
    case "yearMonthInterval":
      return new YearMonthIntervalType(kind.value.startField ?? 0, kind.value.endField ?? 1);
    case "dayTimeInterval":
      return new DayTimeIntervalType(kind.value.startField ?? 0, kind.value.endField ?? 3);
    case "array":
      return new ArrayType(childFromProto(kind.value.elementType, "array element"), kind.value.containsNull);
    case "map":
      return new MapType(
        childFromProto(kind.value.keyType, "map key"),
        childFromProto(kind.value.valueType, "map value"),
        kind.value.valueContainsNull,
      );
    case "struct":
      return new StructType(
        kind.value.fields.map(
          (f) =>
            new StructField(
              f.name,
              childFromProto(f.dataType, `field ${f.name}`),
              f.nullable,
              metadataFromText(f.metadata),
            ),
        ),
      );
    case "unparsed":
      return parseDataType(kind.value.dataTypeString);
    case "udt":
      throw unsupportedType(`user-defined type ${kind.value.jvmClass ?? kind.value.pythonClass ?? kind.value.type}`);
    case "geometry":
      throw unsupportedType(`geometry(${kind.value.srid})`);
    case "geography":
      throw unsupportedType(`geography(${kind.value.srid})`);
    case undefined:
      throw invalidType("DataType proto has no kind set.", "INVALID_DATA_TYPE_PROTO");
    default:
      return assertNever(kind, "DataType proto kind");
  }
}

function childFromProto(proto: ProtoDataType | undefined, where: string): SparkDataType {
  if (proto === undefined) throw invalidType(`DataType proto lacks the ${where} type.`, "INVALID_DATA_TYPE_PROTO");
  return dataTypeFromProto(proto);
}

function metadataFromText(text: string | undefined): Record<string, JsonValue> {
  if (text === undefined || text === "") return {};
  const parsed = JSON.parse(text) as JsonValue;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw invalidType(`Struct field metadata must be a JSON object, got ${text}.`, "INVALID_DATA_TYPE_PROTO");
  }
  return parsed;
}
