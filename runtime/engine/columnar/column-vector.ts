/**
 * The engine's in-memory column: one typed array per column plus a byte-per-row validity mask. Kernels loop over
 * `data` directly; Arrow is only the wire format at the edges (input relations, results, thread hand-off).
 */
import { notSupportedLocally } from "../errors.js";
import { type DataType, typeName } from "../types/data-types.js";
import { compactDecimalColumn, compactDecimalsOf, concatCompact, takeCompact } from "./compact-decimals.js";

export type NumericArray = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array | BigInt64Array;
/** Booleans are a Uint8Array of 0/1; decimals are unscaled bigints; strings stay JS strings for now. */
export type ColumnData = NumericArray | Uint8Array | string[] | bigint[] | Uint8Array[] | NestedValue[];

export interface ColumnVector {
  readonly type: DataType;
  readonly length: number;
  readonly data: ColumnData;
  /** 1 = value present, 0 = null; `null` means no nulls at all. */
  readonly validity: Uint8Array | null;
}

export interface Batch {
  readonly columns: readonly ColumnVector[];
  readonly numRows: number;
}

export type Scalar = null | boolean | number | bigint | string | Uint8Array | NestedValue;

/**
 * Arrays and structs are JS arrays of their elements or fields, maps parallel key and value arrays. Inside them
 * values take the form `getScalar` returns (booleans as booleans, decimals unscaled, dates as days), nulls as null.
 */
export type NestedValue = readonly Scalar[] | MapValue;

export interface MapValue {
  readonly keys: readonly Scalar[];
  readonly values: readonly Scalar[];
}

const EMPTY_LIST: readonly Scalar[] = Object.freeze([]);
const EMPTY_MAP: MapValue = Object.freeze({ keys: EMPTY_LIST, values: EMPTY_LIST });
/**
 * A CalendarInterval value is the triple [months, days, microseconds] (numbers, numbers, bigint): the three
 * parts never convert into one another, so they stay apart as in Spark.
 */
export type CalendarIntervalValue = readonly [number, number, bigint];
const ZERO_CALENDAR_INTERVAL: CalendarIntervalValue = Object.freeze([0, 0, 0n] as const);

/** Allocates the storage a type uses, zero-filled. */
export function allocateData(type: DataType, length: number): ColumnData {
  switch (typeName(type)) {
    case "boolean":
    case "null":
      return new Uint8Array(length);
    case "byte":
      return new Int8Array(length);
    case "short":
      return new Int16Array(length);
    case "integer":
    case "date":
    case "yearMonthInterval":
      return new Int32Array(length);
    case "long":
    case "dayTimeInterval":
    case "timestamp":
    case "timestampNtz":
      return new BigInt64Array(length);
    case "float":
      return new Float32Array(length);
    case "double":
      return new Float64Array(length);
    case "decimal":
      return new Array<bigint>(length).fill(0n);
    case "string":
      return new Array<string>(length).fill("");
    case "binary":
      return new Array<Uint8Array>(length).fill(new Uint8Array(0));
    case "array":
    case "struct":
      return new Array<NestedValue>(length).fill(EMPTY_LIST);
    case "calendarInterval":
      return new Array<NestedValue>(length).fill(ZERO_CALENDAR_INTERVAL);
    case "map":
      return new Array<NestedValue>(length).fill(EMPTY_MAP);
    default:
      throw notSupportedLocally(`columns of type ${typeName(type)}`);
  }
}

export const isValid = (column: ColumnVector, row: number): boolean =>
  column.validity === null || column.validity[row] === 1;

/** Reads one value; for edges and slow paths only (kernels read `data` directly). */
export function getScalar(column: ColumnVector, row: number): Scalar {
  if (!isValid(column, row) || column.type.kind.case === "null") return null;
  const value = (column.data as ArrayLike<Scalar>)[row];
  if (value === undefined) return null;
  return column.type.kind.case === "boolean" ? value === 1 : value;
}

/** Builds a column from JS values (null = SQL NULL); values must already match the type's storage. */
export function columnFromScalars(type: DataType, values: readonly Scalar[]): ColumnVector {
  const length = values.length;
  const data = allocateData(type, length);
  let validity: Uint8Array | null = null;
  const target = data as unknown as Scalar[];
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      validity ??= new Uint8Array(length).fill(1);
      validity[i] = 0;
    } else {
      target[i] = typeof value === "boolean" ? (value ? 1 : 0) : value;
    }
  }
  if (type.kind.case === "null") validity = new Uint8Array(length);
  return { type, length, data, validity };
}

export function nullColumn(type: DataType, length: number): ColumnVector {
  return { type, length, data: allocateData(type, length), validity: new Uint8Array(length) };
}

/** Gathers rows by index; an index of -1 yields NULL (used by outer joins). */
export function takeRows(column: ColumnVector, indices: Int32Array): ColumnVector {
  const compact = compactDecimalsOf(column);
  if (compact !== undefined) return takeCompact(column, compact, indices);
  const length = indices.length;
  const source = column.data as unknown as ArrayLike<Scalar>;
  const data = allocateData(column.type, length);
  const target = data as unknown as Scalar[];
  const sourceValidity = column.validity;
  let validity: Uint8Array | null = null;
  for (let i = 0; i < length; i++) {
    const from = indices[i] as number;
    if (from < 0 || (sourceValidity !== null && sourceValidity[from] === 0)) {
      validity ??= new Uint8Array(length).fill(1);
      validity[i] = 0;
    } else {
      target[i] = source[from] as Scalar;
    }
  }
  return { type: column.type, length, data, validity };
}

export function concatColumns(type: DataType, parts: readonly ColumnVector[]): ColumnVector {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  if (type.kind.case === "decimal" && parts.length > 0) {
    const compact = concatCompact(type, parts, length);
    if (compact !== undefined) return compact;
  }
  const data = allocateData(type, length);
  const anyNulls = parts.some((part) => part.validity !== null);
  const validity = anyNulls ? new Uint8Array(length).fill(1) : null;
  let offset = 0;
  for (const part of parts) {
    if (ArrayBuffer.isView(data) && ArrayBuffer.isView(part.data)) {
      (data as Uint8Array).set(part.data as Uint8Array, offset);
    } else {
      const target = data as unknown as Scalar[];
      const source = part.data as unknown as ArrayLike<Scalar>;
      for (let i = 0; i < part.length; i++) target[offset + i] = source[i] as Scalar;
    }
    if (validity !== null && part.validity !== null) validity.set(part.validity, offset);
    offset += part.length;
  }
  return { type, length, data, validity };
}

export function sliceColumn(column: ColumnVector, start: number, end: number): ColumnVector {
  const compact = compactDecimalsOf(column);
  if (compact !== undefined) {
    const validity = column.validity === null ? null : column.validity.slice(start, end);
    return compactDecimalColumn(column.type, compact.slice(start, end), validity);
  }
  const data = column.data as unknown as { slice(a: number, b: number): ColumnData };
  return {
    type: column.type,
    length: end - start,
    data: data.slice(start, end),
    validity: column.validity === null ? null : column.validity.slice(start, end),
  };
}

export function emptyBatch(types: readonly DataType[]): Batch {
  return {
    columns: types.map((type) => ({ type, length: 0, data: allocateData(type, 0), validity: null })),
    numRows: 0,
  };
}

export function sliceBatch(batch: Batch, start: number, end: number): Batch {
  return { columns: batch.columns.map((c) => sliceColumn(c, start, end)), numRows: end - start };
}

export function takeBatch(batch: Batch, indices: Int32Array): Batch {
  return { columns: batch.columns.map((c) => takeRows(c, indices)), numRows: indices.length };
}

/** Concatenates batches of one schema into a single batch. */
export function concatBatches(types: readonly DataType[], batches: readonly Batch[]): Batch {
  if (batches.length === 1 && batches[0] !== undefined) return batches[0];
  if (batches.length === 0) return emptyBatch(types);
  const columns = types.map((type, c) =>
    concatColumns(
      type,
      batches.map((b) => b.columns[c] as ColumnVector),
    ),
  );
  return { columns, numRows: batches.reduce((sum, b) => sum + b.numRows, 0) };
}

/** Indices of rows where a boolean column is TRUE (NULL and FALSE drop out, as in a SQL WHERE). */
export function selectTrue(mask: ColumnVector): Int32Array {
  const data = mask.data as Uint8Array;
  const validity = mask.validity;
  const out = new Int32Array(mask.length);
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (data[i] === 1 && (validity === null || validity[i] === 1)) out[n++] = i;
  }
  return out.subarray(0, n);
}
