export {
  fromArrowSchema,
  fromArrowType,
  isVariantStruct,
  toArrowField,
  toArrowSchema,
  toArrowType,
} from "./arrow-schema.js";
export {
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
export {
  ArrayType,
  COLLATIONS_METADATA_KEY,
  type FieldMetadata,
  MapType,
  StructField,
  StructType,
} from "./complex-types.js";
export { DataType, type JsonValue } from "./data-type.js";
export { parseDataType, parseDDL, parseSchema } from "./ddl-parser.js";
export {
  CharType,
  DayTimeIntervalType,
  DEFAULT_COLLATION,
  DecimalType,
  MAX_DECIMAL_PRECISION,
  StringType,
  TimeType,
  VarcharType,
  YearMonthIntervalType,
} from "./parameterized-types.js";
export { assertNever, type SparkDataType, type SparkTypeKind } from "./spark-data-type.js";
export { dataTypeFromJson, dataTypeFromJsonValue } from "./type-json.js";
export { dataTypeFromProto, dataTypeToProto } from "./type-proto.js";
