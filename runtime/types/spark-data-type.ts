/**
 * The closed union of every Spark type, for exhaustive `switch (type.kind)` in converters and formatters.
 */
import type {
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
import type { ArrayType, MapType, StructType } from "./complex-types.js";
import type {
  CharType,
  DayTimeIntervalType,
  DecimalType,
  StringType,
  TimeType,
  VarcharType,
  YearMonthIntervalType,
} from "./parameterized-types.js";

export type SparkDataType =
  | NullType
  | BooleanType
  | ByteType
  | ShortType
  | IntegerType
  | LongType
  | FloatType
  | DoubleType
  | DecimalType
  | StringType
  | CharType
  | VarcharType
  | BinaryType
  | DateType
  | TimestampType
  | TimestampNTZType
  | TimeType
  | YearMonthIntervalType
  | DayTimeIntervalType
  | CalendarIntervalType
  | VariantType
  | ArrayType
  | MapType
  | StructType;

export type SparkTypeKind = SparkDataType["kind"];

/** Compile-time proof that a switch handled every kind. */
export function assertNever(value: never, what = "data type"): never {
  throw new TypeError(`unhandled ${what}: ${JSON.stringify(value)}`);
}
