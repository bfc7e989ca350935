/**
 * Reads Spark's JSON schema format (`DataType.json`, `StructType.json`, the `schema` of many RPCs) back into
 * the type model, re-attaching collations that Spark moved into struct fields' `__COLLATIONS` metadata.
 */
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
import { ArrayType, COLLATIONS_METADATA_KEY, MapType, StructField, StructType } from "./complex-types.js";
import type { JsonValue } from "./data-type.js";
import {
  CharType,
  DAY_TIME_FIELDS,
  DayTimeIntervalType,
  DecimalType,
  StringType,
  TimeType,
  VarcharType,
  YEAR_MONTH_FIELDS,
  YearMonthIntervalType,
} from "./parameterized-types.js";
import type { SparkDataType } from "./spark-data-type.js";
import { invalidType, unsupportedType } from "./type-errors.js";

const ATOMIC_BY_NAME: Record<string, SparkDataType> = {
  void: NullType.instance,
  null: NullType.instance,
  boolean: BooleanType.instance,
  byte: ByteType.instance,
  short: ShortType.instance,
  integer: IntegerType.instance,
  long: LongType.instance,
  float: FloatType.instance,
  double: DoubleType.instance,
  string: StringType.instance,
  binary: BinaryType.instance,
  date: DateType.instance,
  timestamp: TimestampType.instance,
  timestamp_ntz: TimestampNTZType.instance,
  interval: CalendarIntervalType.instance,
  variant: VariantType.instance,
  decimal: new DecimalType(),
};

/** Parses the JSON text of a Spark data type (any type, not only structs). */
export function dataTypeFromJson(text: string): SparkDataType {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (cause) {
    throw invalidType(`Schema JSON is not valid JSON: ${(cause as Error).message}`, "INVALID_JSON_SCHEMA");
  }
  return dataTypeFromJsonValue(value);
}

export function dataTypeFromJsonValue(value: JsonValue): SparkDataType {
  if (typeof value === "string") return atomicFromName(value);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidType(`Cannot read a data type from JSON ${JSON.stringify(value)}.`, "INVALID_JSON_SCHEMA");
  }
  switch (value.type) {
    case "array":
      return new ArrayType(dataTypeFromJsonValue(required(value, "elementType")), value.containsNull !== false);
    case "map":
      return new MapType(
        dataTypeFromJsonValue(required(value, "keyType")),
        dataTypeFromJsonValue(required(value, "valueType")),
        value.valueContainsNull !== false,
      );
    case "struct": {
      const fields = required(value, "fields");
      if (!Array.isArray(fields)) throw invalidType("Struct `fields` must be a JSON array.", "INVALID_JSON_SCHEMA");
      return new StructType(fields.map(structFieldFromJsonValue));
    }
    case "udt":
      throw unsupportedType(`user-defined type ${JSON.stringify(value.class ?? value.pyClass ?? "?")}`);
    default:
      throw invalidType(`Unknown data type JSON ${JSON.stringify(value)}.`, "INVALID_JSON_SCHEMA");
  }
}

function required(object: { [key: string]: JsonValue }, key: string): JsonValue {
  const value = object[key];
  if (value === undefined)
    throw invalidType(`Data type JSON lacks "${key}": ${JSON.stringify(object)}.`, "INVALID_JSON_SCHEMA");
  return value;
}

export function structFieldFromJsonValue(value: JsonValue): StructField {
  if (value === null || typeof value !== "object" || Array.isArray(value) || typeof value.name !== "string") {
    throw invalidType(`Cannot read a struct field from JSON ${JSON.stringify(value)}.`, "INVALID_JSON_SCHEMA");
  }
  const rawMetadata = value.metadata;
  const metadata: Record<string, JsonValue> =
    rawMetadata !== null && typeof rawMetadata === "object" && !Array.isArray(rawMetadata) ? { ...rawMetadata } : {};
  let type = dataTypeFromJsonValue(required(value, "type"));
  const collations = metadata[COLLATIONS_METADATA_KEY];
  if (collations !== undefined && collations !== null && typeof collations === "object" && !Array.isArray(collations)) {
    for (const [path, name] of Object.entries(collations)) {
      if (typeof name !== "string") continue;
      const relative = path === value.name ? [] : path.slice(value.name.length + 1).split(".");
      type = withCollation(type, relative, name.replace(/^[a-z]+\./, ""));
    }
    delete metadata[COLLATIONS_METADATA_KEY];
  }
  return new StructField(value.name, type, value.nullable !== false, metadata);
}

function withCollation(type: SparkDataType, path: readonly string[], collation: string): SparkDataType {
  const [step, ...rest] = path;
  if (step === undefined) {
    if (type.kind !== "string")
      throw invalidType(`Collation ${collation} set on non-string type ${type.simpleString()}.`, "INVALID_JSON_SCHEMA");
    return new StringType(collation);
  }
  if (type.kind === "array" && step === "element") {
    return new ArrayType(withCollation(type.elementType, rest, collation), type.containsNull);
  }
  if (type.kind === "map" && step === "key") {
    return new MapType(withCollation(type.keyType, rest, collation), type.valueType, type.valueContainsNull);
  }
  if (type.kind === "map" && step === "value") {
    return new MapType(type.keyType, withCollation(type.valueType, rest, collation), type.valueContainsNull);
  }
  throw invalidType(`Collation path step "${step}" does not match type ${type.simpleString()}.`, "INVALID_JSON_SCHEMA");
}

/** Readers for the parameterized names, tried in order after the fixed names. */
const NAMED_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => SparkDataType | undefined]> = [
  [/^decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)$/, (m) => new DecimalType(Number(m[1]), Number(m[2]))],
  [/^char\(\s*(\d+)\s*\)$/, (m) => new CharType(Number(m[1]))],
  [/^varchar\(\s*(\d+)\s*\)$/, (m) => new VarcharType(Number(m[1]))],
  [/^time\(\s*(\d+)\s*\)$/, (m) => new TimeType(Number(m[1]))],
  [/^string collate (\S+)$/, (m) => new StringType(m[1])],
  [/^interval (\w+)(?: to (\w+))?$/, (m) => intervalFromFields(m[1] as string, m[2])],
];

function atomicFromName(name: string): SparkDataType {
  const atomic = ATOMIC_BY_NAME[name];
  if (atomic !== undefined) return atomic;
  for (const [pattern, build] of NAMED_PATTERNS) {
    const match = pattern.exec(name);
    const type = match ? build(match) : undefined;
    if (type !== undefined) return type;
  }
  throw invalidType(`Unknown data type name "${name}".`, "INVALID_JSON_SCHEMA");
}

/** `year`/`month` or `day`..`second` field names to an interval type, or undefined when they do not fit. */
export function intervalFromFields(from: string, to: string | undefined): SparkDataType | undefined {
  const lowerFrom = from.toLowerCase();
  const lowerTo = (to ?? from).toLowerCase();
  const ymStart = YEAR_MONTH_FIELDS.indexOf(lowerFrom as (typeof YEAR_MONTH_FIELDS)[number]);
  const ymEnd = YEAR_MONTH_FIELDS.indexOf(lowerTo as (typeof YEAR_MONTH_FIELDS)[number]);
  if (ymStart >= 0 && ymEnd >= ymStart) return new YearMonthIntervalType(ymStart, ymEnd);
  const dtStart = DAY_TIME_FIELDS.indexOf(lowerFrom as (typeof DAY_TIME_FIELDS)[number]);
  const dtEnd = DAY_TIME_FIELDS.indexOf(lowerTo as (typeof DAY_TIME_FIELDS)[number]);
  if (dtStart >= 0 && dtEnd >= dtStart) return new DayTimeIntervalType(dtStart, dtEnd);
  return undefined;
}
