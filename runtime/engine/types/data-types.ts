/**
 * The engine speaks Spark's type model through the proto `DataType` message itself: it is already the exact
 * vocabulary both front ends produce, so the engine needs no second type hierarchy, only these helpers.
 */
import { create } from "@bufbuild/protobuf";
import { type DataType, DataTypeSchema } from "../../../generated/proto/spark/connect/types_pb.js";

export type { DataType };
export type TypeName = NonNullable<DataType["kind"]["case"]>;

function simple(name: "null" | "binary" | "boolean" | "byte" | "short" | "integer" | "long"): DataType;
function simple(name: "float" | "double" | "string" | "date" | "timestamp" | "timestampNtz"): DataType;
function simple(name: string): DataType {
  return create(DataTypeSchema, { kind: { case: name, value: {} } } as never);
}

export const NULL = simple("null");
export const BINARY = simple("binary");
export const BOOLEAN = simple("boolean");
export const BYTE = simple("byte");
export const SHORT = simple("short");
export const INT = simple("integer");
export const LONG = simple("long");
export const FLOAT = simple("float");
export const DOUBLE = simple("double");
/** Spark 4 reports the default collation explicitly on every string type. */
export const STRING = create(DataTypeSchema, { kind: { case: "string", value: { collation: "UTF8_BINARY" } } });
export const DATE = simple("date");
export const TIMESTAMP = simple("timestamp");
export const TIMESTAMP_NTZ = simple("timestampNtz");

/** Interval fields in Spark's numbering: YEAR=0, MONTH=1; DAY=0, HOUR=1, MINUTE=2, SECOND=3. */
export function yearMonthIntervalType(startField = 0, endField = 1): DataType {
  return create(DataTypeSchema, { kind: { case: "yearMonthInterval", value: { startField, endField } } });
}

export function dayTimeIntervalType(startField = 0, endField = 3): DataType {
  return create(DataTypeSchema, { kind: { case: "dayTimeInterval", value: { startField, endField } } });
}

export const CALENDAR_INTERVAL = create(DataTypeSchema, { kind: { case: "calendarInterval", value: {} } });

/** The start and end field of an ANSI interval type (the proto leaves them unset for the widest range). */
export function intervalFields(t: DataType): { start: number; end: number } {
  if (t.kind.case === "yearMonthInterval")
    return { start: t.kind.value.startField ?? 0, end: t.kind.value.endField ?? 1 };
  if (t.kind.case === "dayTimeInterval")
    return { start: t.kind.value.startField ?? 0, end: t.kind.value.endField ?? 3 };
  throw new TypeError(`not an ANSI interval: ${t.kind.case}`);
}

export const isAnsiInterval = (t: DataType): boolean =>
  t.kind.case === "yearMonthInterval" || t.kind.case === "dayTimeInterval";

export function decimalType(precision: number, scale: number): DataType {
  return create(DataTypeSchema, { kind: { case: "decimal", value: { precision, scale } } });
}

export interface StructFieldSpec {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
  /** Field metadata as JSON text, when there is any. */
  readonly metadata?: string | undefined;
}

export function structType(fields: readonly StructFieldSpec[]): DataType {
  return create(DataTypeSchema, {
    kind: {
      case: "struct",
      value: {
        fields: fields.map((f) => ({
          name: f.name,
          dataType: f.type,
          nullable: f.nullable,
          ...(f.metadata === undefined ? {} : { metadata: f.metadata }),
        })),
      },
    },
  });
}

export function typeName(type: DataType): TypeName {
  const name = type.kind.case;
  if (name === undefined) throw new TypeError("DataType without a kind");
  return name;
}

/** Integral types in widening order. */
const INTEGRAL_RANK: Partial<Record<TypeName, number>> = { byte: 1, short: 2, integer: 3, long: 4 };
const NUMERIC_RANK: Partial<Record<TypeName, number>> = { ...INTEGRAL_RANK, decimal: 5, float: 6, double: 7 };

export const isIntegral = (t: DataType): boolean => INTEGRAL_RANK[typeName(t)] !== undefined;
export const isNumeric = (t: DataType): boolean => NUMERIC_RANK[typeName(t)] !== undefined;
export const isFractional = (t: DataType): boolean => t.kind.case === "float" || t.kind.case === "double";
export const isString = (t: DataType): boolean => t.kind.case === "string";
export const isNullType = (t: DataType): boolean => t.kind.case === "null";
export const numericRank = (t: DataType): number => NUMERIC_RANK[typeName(t)] ?? 0;

export function decimalParts(t: DataType): { precision: number; scale: number } {
  if (t.kind.case !== "decimal") throw new TypeError(`not a decimal: ${simpleString(t)}`);
  return { precision: t.kind.value.precision ?? 10, scale: t.kind.value.scale ?? 0 };
}

/** The precision/scale an integral type needs when it meets a decimal (as Spark's DecimalType.forType). */
export function decimalForIntegral(t: DataType): DataType {
  const digits: Partial<Record<TypeName, number>> = { byte: 3, short: 5, integer: 10, long: 20 };
  return decimalType(digits[typeName(t)] ?? 38, 0);
}

/** Equal types, nested ones field by field; nullability flags inside arrays, maps and structs count too. */
export function sameType(a: DataType, b: DataType): boolean {
  if (a.kind.case !== b.kind.case) return false;
  if (a.kind.case === "decimal") {
    const pa = decimalParts(a);
    const pb = decimalParts(b);
    return pa.precision === pb.precision && pa.scale === pb.scale;
  }
  if (isAnsiInterval(a)) {
    const [x, y] = [intervalFields(a), intervalFields(b)];
    return x.start === y.start && x.end === y.end;
  }
  if (a.kind.case === "array" && b.kind.case === "array") {
    const [x, y] = [a.kind.value, b.kind.value];
    return x.containsNull === y.containsNull && sameOptional(x.elementType, y.elementType);
  }
  if (a.kind.case === "map" && b.kind.case === "map") {
    const [x, y] = [a.kind.value, b.kind.value];
    return (
      x.valueContainsNull === y.valueContainsNull &&
      sameOptional(x.keyType, y.keyType) &&
      sameOptional(x.valueType, y.valueType)
    );
  }
  if (a.kind.case === "struct" && b.kind.case === "struct") {
    const fa = a.kind.value.fields;
    const fb = b.kind.value.fields;
    return (
      fa.length === fb.length &&
      fa.every((f, i) => {
        const g = fb[i];
        return (
          g !== undefined && f.name === g.name && f.nullable === g.nullable && sameOptional(f.dataType, g.dataType)
        );
      })
    );
  }
  return true;
}

function sameOptional(a: DataType | undefined, b: DataType | undefined): boolean {
  return a !== undefined && b !== undefined && sameType(a, b);
}

const SIMPLE_NAMES: Partial<Record<TypeName, string>> = {
  null: "void",
  binary: "binary",
  boolean: "boolean",
  byte: "tinyint",
  short: "smallint",
  integer: "int",
  long: "bigint",
  float: "float",
  double: "double",
  string: "string",
  date: "date",
  timestamp: "timestamp",
  timestampNtz: "timestamp_ntz",
};

/** Spark's `simpleString` (the name used in SQL, DDL and error messages). */
export function simpleString(t: DataType): string {
  const known = SIMPLE_NAMES[typeName(t)];
  if (known !== undefined) return known;
  switch (t.kind.case) {
    case "decimal": {
      const { precision, scale } = decimalParts(t);
      return `decimal(${precision},${scale})`;
    }
    case "array":
      return `array<${t.kind.value.elementType ? simpleString(t.kind.value.elementType) : "?"}>`;
    case "map":
      return `map<${t.kind.value.keyType ? simpleString(t.kind.value.keyType) : "?"},${
        t.kind.value.valueType ? simpleString(t.kind.value.valueType) : "?"
      }>`;
    case "yearMonthInterval":
    case "dayTimeInterval": {
      const units = t.kind.case === "yearMonthInterval" ? ["year", "month"] : ["day", "hour", "minute", "second"];
      const { start, end } = intervalFields(t);
      return start === end ? `interval ${units[start]}` : `interval ${units[start]} to ${units[end]}`;
    }
    case "calendarInterval":
      return "interval";
    case "struct":
      return `struct<${t.kind.value.fields
        .map((f) => `${f.name}:${f.dataType ? simpleString(f.dataType) : "?"}`)
        .join(",")}>`;
    default:
      return typeName(t);
  }
}

/** Spark's SQL type name in upper case, as used inside error message parameters (`"INT"`, `"BIGINT"`). */
export const sqlTypeName = (t: DataType): string => `"${simpleString(t).toUpperCase()}"`;
