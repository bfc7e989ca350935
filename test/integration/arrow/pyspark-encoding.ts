/**
 * Our decoded values in the JSON encoding test/support/pyspark.ts uses for PySpark's values, so the two can be
 * compared with one deep equality. The Spark type steers the few cases where one JS form stands for two Python
 * ones.
 */

import { Table } from "apache-arrow";
import { StorageLevel } from "../../../runtime/api/storage-level.js";
import {
  CalendarInterval,
  DateValue,
  Decimal,
  Row,
  TimestampNTZValue,
  TimestampValue,
  TimeValue,
  VariantValue,
} from "../../../runtime/arrow/index.js";
import { type SparkDataType, StructType } from "../../../runtime/types/index.js";
import type { PySparkJson, SparkStructJson } from "../../support/pyspark.js";

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** `type` matters where one JS representation maps to two Python ones (bigint: int or timedelta µs). */
export function encodeLikePySpark(value: unknown, type: SparkDataType): PySparkJson {
  if (value !== null && type.kind === "day_time_interval") return { $duration_us: String(value as bigint) };
  if (value instanceof Row && type.kind === "struct") {
    return {
      $row: {
        names: [...value.fieldNames],
        values: value.values.map((v, i) => encodeLikePySpark(v, fieldType(type, i))),
      },
    };
  }
  if (Array.isArray(value) && type.kind === "array") return value.map((v) => encodeLikePySpark(v, type.elementType));
  if (value instanceof Map && type.kind === "map") {
    return {
      $map: [...value].map(([k, v]) => [encodeLikePySpark(k, type.keyType), encodeLikePySpark(v, type.valueType)]),
    };
  }
  return encodeScalar(value);
}

function fieldType(type: StructType, index: number): SparkDataType {
  const field = type.fields[index];
  if (field === undefined) throw new Error(`struct ${type.simpleString()} has no field ${index}`);
  return field.dataType;
}

function encodeScalar(value: unknown): PySparkJson {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { $float: "NaN" };
    if (!Number.isFinite(value)) return { $float: value > 0 ? "Infinity" : "-Infinity" };
    return value;
  }
  if (typeof value === "bigint") {
    // Python ints up to 2^53 - 1 are plain JSON numbers, larger ones exact decimal text.
    return value >= -(2n ** 53n - 1n) && value <= 2n ** 53n - 1n ? Number(value) : { $int: value.toString() };
  }
  if (value instanceof Decimal) return { $decimal: value.toString() };
  // TIMESTAMP: PySpark gives the UTC wall clock (its process runs with TZ=UTC), always six fraction digits.
  if (value instanceof TimestampValue) return { $timestamp: value.toISOString().slice(0, -1) };
  if (value instanceof TimestampNTZValue) return { $timestamp: value.toString() };
  if (value instanceof DateValue) return { $date: value.toString() };
  if (value instanceof TimeValue) {
    const text = value.toString();
    const [whole, fraction = ""] = text.split(".");
    return { $time: `${whole}.${fraction.padEnd(6, "0")}` };
  }
  if (value instanceof Uint8Array) return { $binary: base64(value) };
  if (value instanceof VariantValue) {
    return { $variant: { value: base64(value.value), metadata: base64(value.metadata), json: value.toJsonString() } };
  }
  if (value instanceof CalendarInterval) throw new Error("calendar intervals are compared against raw Arrow");
  throw new Error(`no PySpark encoding for ${String(value)}`);
}

/** A plain object literal (a catalog Table, Database, ...): PySpark's NamedTuple of the same fields. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * A value an action returned (rows, lists, tuples, schemas, scalars), encoded without a Spark type: Rows carry
 * their names, Maps and plain records become `$map`, StructTypes `$schema`, `undefined` (a void action)
 * PySpark's None.
 */
export function encodeUntypedLikePySpark(value: unknown): PySparkJson {
  if (value === undefined) return null;
  if (value instanceof Row) {
    return { $row: { names: [...value.fieldNames], values: value.values.map(encodeUntypedLikePySpark) } };
  }
  if (Array.isArray(value)) return value.map(encodeUntypedLikePySpark);
  if (value instanceof Map) {
    return { $map: [...value].map(([k, v]) => [encodeUntypedLikePySpark(k), encodeUntypedLikePySpark(v)]) };
  }
  if (value instanceof StructType) return { $schema: JSON.parse(value.json()) as SparkStructJson };
  if (value instanceof StorageLevel) {
    const { useDisk, useMemory, useOffHeap, deserialized, replication } = value;
    return { $record: { useDisk, useMemory, useOffHeap, deserialized, replication } };
  }
  if (value instanceof Table) {
    const names = value.schema.fields.map((field) => field.name);
    const rows = [...value].map((row) => names.map((name) => encodeUntypedLikePySpark(row?.[name] ?? null)));
    return { $arrow: { names, rows } };
  }
  if (isPlainRecord(value)) {
    return { $record: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeUntypedLikePySpark(v)])) };
  }
  return encodeScalar(value);
}
