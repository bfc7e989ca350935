/**
 * Turns one Arrow `Data` chunk into JS values for a Spark type (the representation table is in README.md).
 * Nested types decode their children once per chunk and then slice, so cost stays linear in the data size.
 */
import * as arrow from "apache-arrow";
import { assertNever, BinaryType, isVariantStruct, type SparkDataType, type StructType } from "../types/index.js";
import { arrowMismatch } from "./arrow-mismatch.js";
import {
  decodeBinary,
  decodeBoolean,
  decodeCalendarInterval,
  decodeDate,
  decodeDayTimeInterval,
  decodeDecimal,
  decodeFloating,
  decodeLong,
  decodeSmallInt,
  decodeString,
  decodeTime,
  decodeTimestamp,
  decodeYearMonthInterval,
  mapValid,
} from "./primitive-decoders.js";
import { type Row, rowClassFor } from "./row.js";
import { VariantValue } from "./variant-value.js";

export function decodeColumn(data: arrow.Data, type: SparkDataType): unknown[] {
  switch (type.kind) {
    case "null":
      return new Array<null>(data.length).fill(null);
    case "boolean":
      return decodeBoolean(data, type);
    case "byte":
    case "short":
    case "integer":
      return decodeSmallInt(data, type);
    case "long":
      return decodeLong(data, type);
    case "float":
    case "double":
      return decodeFloating(data, type);
    case "decimal":
      return decodeDecimal(data, type);
    case "string":
    case "char":
    case "varchar":
      return decodeString(data, type);
    case "binary":
      return decodeBinary(data, type);
    case "date":
      return decodeDate(data, type);
    case "timestamp":
    case "timestamp_ntz":
      return decodeTimestamp(data, type);
    case "time":
      return decodeTime(data, type);
    case "year_month_interval":
      return decodeYearMonthInterval(data, type);
    case "day_time_interval":
      return decodeDayTimeInterval(data, type);
    case "calendar_interval":
      return decodeCalendarInterval(data, type);
    case "variant":
      return decodeVariantColumn(data, type);
    case "array":
      return decodeArray(data, type);
    case "map":
      return decodeMap(data, type);
    case "struct":
      return decodeStruct(data, type);
    default:
      return assertNever(type);
  }
}

function decodeVariantColumn(data: arrow.Data, type: SparkDataType): Array<VariantValue | null> {
  if (!arrow.DataType.isStruct(data.type) || !isVariantStruct(data.type)) throw arrowMismatch(type, data);
  const names = data.type.children.map((c) => c.name);
  const binary = BinaryType.instance;
  const values = decodeColumn(data.children[names.indexOf("value")] as arrow.Data, binary) as Uint8Array[];
  const metadata = decodeColumn(data.children[names.indexOf("metadata")] as arrow.Data, binary) as Uint8Array[];
  return mapValid(data, (i) => new VariantValue(values[i] as Uint8Array, metadata[i] as Uint8Array));
}

/** The child range a list-like chunk refers to, decoded once, with offsets rebased to it. */
function decodeListChild(data: arrow.Data, child: arrow.Data, decode: (slice: arrow.Data) => unknown[]) {
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  const start = data.length === 0 ? 0 : Number(offsets[0]);
  const end = data.length === 0 ? 0 : Number(offsets[data.length]);
  const values = decode(start === 0 && end === child.length ? child : child.slice(start, end - start));
  return { offsets, start, values };
}

function decodeArray(data: arrow.Data, type: SparkDataType & { kind: "array" }): Array<unknown[] | null> {
  if (!arrow.DataType.isList(data.type) && !arrow.DataType.isLargeList(data.type)) throw arrowMismatch(type, data);
  const child = data.children[0] as arrow.Data;
  const { offsets, start, values } = decodeListChild(data, child, (slice) => decodeColumn(slice, type.elementType));
  return mapValid(data, (i) => values.slice(Number(offsets[i]) - start, Number(offsets[i + 1]) - start));
}

function decodeMap(data: arrow.Data, type: SparkDataType & { kind: "map" }): Array<Map<unknown, unknown> | null> {
  if (!arrow.DataType.isMap(data.type)) throw arrowMismatch(type, data);
  const entries = data.children[0] as arrow.Data;
  let keys: unknown[] = [];
  const { offsets, start, values } = decodeListChild(data, entries, (slice) => {
    keys = decodeColumn(slice.children[0] as arrow.Data, type.keyType);
    return decodeColumn(slice.children[1] as arrow.Data, type.valueType);
  });
  return mapValid(data, (i) => {
    const map = new Map<unknown, unknown>();
    for (let j = Number(offsets[i]) - start; j < Number(offsets[i + 1]) - start; j++) map.set(keys[j], values[j]);
    return map;
  });
}

function decodeStruct(data: arrow.Data, type: StructType): Array<Row | null> {
  if (!arrow.DataType.isStruct(data.type) || data.children.length !== type.fields.length) {
    throw arrowMismatch(type, data, "the field counts differ");
  }
  const columns = type.fields.map((field, j) => decodeColumn(data.children[j] as arrow.Data, field.dataType));
  const RowClass = rowClassOf(type);
  return mapValid(data, (i) => new RowClass(valuesAt(columns, i)));
}

/** Rows of a whole record batch; `schema` is the Spark schema of its columns, in order. */
export function decodeBatchRows(batch: arrow.RecordBatch, schema: StructType): Row[] {
  const children = batch.data.children;
  if (children.length !== schema.fields.length) {
    throw arrowMismatch(
      schema,
      batch.data,
      `the batch has ${children.length} columns, the schema ${schema.fields.length}`,
    );
  }
  const columns = schema.fields.map((field, j) => decodeColumn(children[j] as arrow.Data, field.dataType));
  const RowClass = rowClassOf(schema);
  const rows = new Array<Row>(batch.numRows);
  for (let i = 0; i < batch.numRows; i++) rows[i] = new RowClass(valuesAt(columns, i));
  return rows;
}

function valuesAt(columns: readonly unknown[][], index: number): unknown[] {
  const values = new Array<unknown>(columns.length);
  for (let j = 0; j < columns.length; j++) values[j] = (columns[j] as unknown[])[index];
  return values;
}

const rowClasses = new WeakMap<StructType, ReturnType<typeof rowClassFor>>();

/** One Row class per struct type object, so the rows of every batch of a result share one prototype. */
function rowClassOf(type: StructType): ReturnType<typeof rowClassFor> {
  let rowClass = rowClasses.get(type);
  if (rowClass === undefined) {
    rowClass = rowClassFor(type.fieldNames());
    rowClasses.set(type, rowClass);
  }
  return rowClass;
}
