/**
 * Spark types from and to Arrow schemas. Spark's Arrow encoding (see runtime/arrow/README.md) is lossy in a few
 * places the reader cannot undo: char/varchar arrive as utf8, collations are dropped, TIME arrives as
 * time64[ns] without its precision, and year-month / day-time intervals lose their field range. Those map to
 * the widest Spark type (string, time(6), `interval year to month`, `interval day to second`); prefer the
 * `schema` the server sends in ExecutePlanResponse when it is available.
 */
import * as arrow from "apache-arrow";
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
import {
  DayTimeIntervalType,
  DecimalType,
  StringType,
  TimeType,
  YearMonthIntervalType,
} from "./parameterized-types.js";
import { assertNever, type SparkDataType } from "./spark-data-type.js";
import { unsupportedType } from "./type-errors.js";

/** Spark marks the `metadata` child of a variant struct with this field metadata. */
export const VARIANT_METADATA_KEY = "variant";

export function fromArrowSchema(schema: arrow.Schema): StructType {
  return new StructType(schema.fields.map((f) => new StructField(f.name, fromArrowType(f), f.nullable)));
}

export function fromArrowType(field: arrow.Field): SparkDataType {
  const type = field.type as arrow.DataType;
  if (arrow.DataType.isNull(type)) return NullType.instance;
  if (arrow.DataType.isBool(type)) return BooleanType.instance;
  if (arrow.DataType.isInt(type)) {
    if (!type.isSigned) throw unsupportedType(`unsigned arrow integer ${type}`);
    if (type.bitWidth === 8) return ByteType.instance;
    if (type.bitWidth === 16) return ShortType.instance;
    if (type.bitWidth === 32) return IntegerType.instance;
    return LongType.instance;
  }
  if (arrow.DataType.isFloat(type)) {
    if (type.precision === arrow.Precision.SINGLE) return FloatType.instance;
    if (type.precision === arrow.Precision.DOUBLE) return DoubleType.instance;
    throw unsupportedType("arrow float16");
  }
  if (arrow.DataType.isDecimal(type)) return new DecimalType(type.precision, type.scale);
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8(type)) return StringType.instance;
  if (arrow.DataType.isBinary(type) || arrow.DataType.isLargeBinary(type)) return BinaryType.instance;
  if (arrow.DataType.isDate(type)) return DateType.instance;
  if (arrow.DataType.isTimestamp(type)) {
    return type.timezone ? TimestampType.instance : TimestampNTZType.instance;
  }
  if (arrow.DataType.isTime(type)) return new TimeType();
  if (arrow.DataType.isInterval(type)) {
    if (type.unit === arrow.IntervalUnit.YEAR_MONTH) return new YearMonthIntervalType();
    if (type.unit === arrow.IntervalUnit.MONTH_DAY_NANO) return CalendarIntervalType.instance;
    throw unsupportedType("arrow interval<day_time>");
  }
  if (arrow.DataType.isDuration(type)) return new DayTimeIntervalType();
  if (arrow.DataType.isList(type)) {
    const child = type.children[0] as arrow.Field;
    return new ArrayType(fromArrowType(child), child.nullable);
  }
  if (arrow.DataType.isMap(type)) {
    const entries = type.children[0] as arrow.Field<arrow.Struct>;
    const [key, value] = entries.type.children as [arrow.Field, arrow.Field];
    return new MapType(fromArrowType(key), fromArrowType(value), value.nullable);
  }
  if (arrow.DataType.isStruct(type)) {
    if (isVariantStruct(type)) return VariantType.instance;
    return new StructType(type.children.map((c) => new StructField(c.name, fromArrowType(c), c.nullable)));
  }
  throw unsupportedType(`arrow ${type} in column ${field.name}`);
}

/** Variant travels as struct<value: binary, metadata: binary> with `variant=true` on the metadata child. */
export function isVariantStruct(type: arrow.Struct): boolean {
  const metadataChild = type.children.find((c) => c.name === "metadata");
  return (
    type.children.length === 2 &&
    type.children.some((c) => c.name === "value") &&
    metadataChild !== undefined &&
    metadataChild.metadata.get(VARIANT_METADATA_KEY) === "true"
  );
}

/** The Arrow field Spark would send for a column of this type (used by the embedded engine). */
export function toArrowField(name: string, type: SparkDataType, nullable: boolean): arrow.Field {
  return new arrow.Field(name, toArrowType(type), nullable);
}

export function toArrowSchema(schema: StructType): arrow.Schema {
  return new arrow.Schema(schema.fields.map((f) => toArrowField(f.name, f.dataType, f.nullable)));
}

export function toArrowType(type: SparkDataType): arrow.DataType {
  switch (type.kind) {
    case "null":
      return new arrow.Null();
    case "boolean":
      return new arrow.Bool();
    case "byte":
      return new arrow.Int8();
    case "short":
      return new arrow.Int16();
    case "integer":
      return new arrow.Int32();
    case "long":
      return new arrow.Int64();
    case "float":
      return new arrow.Float32();
    case "double":
      return new arrow.Float64();
    case "decimal":
      return new arrow.Decimal(type.scale, type.precision, 128);
    case "string":
    case "char":
    case "varchar":
      return new arrow.Utf8();
    case "binary":
      return new arrow.Binary();
    case "date":
      return new arrow.DateDay();
    case "timestamp":
      return new arrow.TimestampMicrosecond("Etc/UTC");
    case "timestamp_ntz":
      return new arrow.TimestampMicrosecond();
    case "time":
      return new arrow.TimeNanosecond();
    case "year_month_interval":
      return new arrow.IntervalYearMonth();
    case "day_time_interval":
      return new arrow.DurationMicrosecond();
    case "calendar_interval":
      return new arrow.IntervalMonthDayNano();
    case "variant":
      return new arrow.Struct([
        new arrow.Field("value", new arrow.Binary(), false),
        new arrow.Field("metadata", new arrow.Binary(), false, new Map([[VARIANT_METADATA_KEY, "true"]])),
      ]);
    case "array":
      return new arrow.List(new arrow.Field("element", toArrowType(type.elementType), type.containsNull));
    case "map":
      return new arrow.Map_(
        new arrow.Field(
          "entries",
          new arrow.Struct<{ key: arrow.DataType; value: arrow.DataType }>([
            new arrow.Field("key", toArrowType(type.keyType), false),
            new arrow.Field("value", toArrowType(type.valueType), type.valueContainsNull),
          ]),
          false,
        ),
      );
    case "struct":
      return new arrow.Struct(type.fields.map((f) => toArrowField(f.name, f.dataType, f.nullable)));
    default:
      return assertNever(type);
  }
}
