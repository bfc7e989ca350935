/**
 * Arrow at the engine's edges: LocalRelation payloads come in as Arrow IPC streams and results leave as Arrow IPC
 * streams with the same Arrow types Spark's Connect server writes (date32, timestamp[us, session tz], decimal128).
 */
import {
  type DataType as ArrowType,
  Binary,
  Bool,
  type Data,
  DateDay,
  Decimal,
  Duration,
  Field,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  IntervalMonthDayNano,
  IntervalUnit,
  IntervalYearMonth,
  makeData,
  Null,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Timestamp,
  TimeUnit,
  Type,
  tableFromIPC,
  tableToIPC,
  Utf8,
  type Vector,
} from "apache-arrow";
import { UnsupportedOperationException } from "../../errors/index.js";
import * as T from "../types/data-types.js";
import { isNested } from "../types/nested-types.js";
import {
  allocateData,
  type Batch,
  type ColumnVector,
  columnFromScalars,
  concatColumns,
  type Scalar,
} from "./column-vector.js";
import { decimalColumnFromWords, decimalWordsOf } from "./compact-decimals.js";
import { nestedArrowData, nestedArrowType, nestedEngineType, nestedValuesFromArrow } from "./nested-arrow.js";

export interface FieldSpec {
  readonly name: string;
  readonly type: T.DataType;
  readonly nullable: boolean;
}

/** The engine type an incoming Arrow column maps to (the inverse of Spark's ArrowUtils mapping). */
export function engineTypeOf(type: ArrowType): T.DataType {
  switch (type.typeId) {
    case Type.Null:
      return T.NULL;
    case Type.Bool:
      return T.BOOLEAN;
    case Type.Int: {
      const bits = (type as unknown as { bitWidth: number }).bitWidth;
      return bits === 8 ? T.BYTE : bits === 16 ? T.SHORT : bits === 32 ? T.INT : T.LONG;
    }
    case Type.Float:
      return (type as Float32).precision === 1 ? T.FLOAT : T.DOUBLE;
    case Type.Utf8:
    case Type.LargeUtf8:
      return T.STRING;
    case Type.Binary:
    case Type.LargeBinary:
      return T.BINARY;
    case Type.Date:
      return T.DATE;
    case Type.Timestamp:
      return (type as Timestamp).timezone ? T.TIMESTAMP : T.TIMESTAMP_NTZ;
    case Type.Decimal:
      return T.decimalType((type as Decimal).precision, (type as Decimal).scale);
    // Arrow keeps no interval field range: the widest one, as Spark's own reader assumes.
    case Type.Duration:
      return T.dayTimeIntervalType();
    case Type.Interval:
      if ((type as IntervalYearMonth).unit === IntervalUnit.YEAR_MONTH) return T.yearMonthIntervalType();
      if ((type as IntervalMonthDayNano).unit === IntervalUnit.MONTH_DAY_NANO) return T.CALENDAR_INTERVAL;
      return unreadable(type);
    default: {
      const nested = nestedEngineType(type, engineTypeOf);
      if (nested !== null) return nested;
      return unreadable(type);
    }
  }
}

function unreadable(type: ArrowType): never {
  throw new UnsupportedOperationException(`The local engine cannot read Arrow type ${String(type)} yet.`, {
    errorClass: "UNSUPPORTED_ARROWTYPE",
    messageParameters: { typeName: String(type) },
  });
}

function arrowTypeOf(type: T.DataType, timeZone: string): ArrowType {
  switch (T.typeName(type)) {
    case "null":
      return new Null();
    case "boolean":
      return new Bool();
    case "byte":
      return new Int8();
    case "short":
      return new Int16();
    case "integer":
      return new Int32();
    case "long":
      return new Int64();
    case "float":
      return new Float32();
    case "double":
      return new Float64();
    case "string":
      return new Utf8();
    case "binary":
      return new Binary();
    case "date":
      return new DateDay();
    case "timestamp":
      return new Timestamp(TimeUnit.MICROSECOND, timeZone);
    case "timestampNtz":
      return new Timestamp(TimeUnit.MICROSECOND);
    case "decimal": {
      const { precision, scale } = T.decimalParts(type);
      return new Decimal(scale, precision, 128);
    }
    // Spark's ArrowUtils: year-month → interval[YEAR_MONTH], day-time → duration[us], calendar → MONTH_DAY_NANO.
    case "yearMonthInterval":
      return new IntervalYearMonth();
    case "dayTimeInterval":
      return new Duration(TimeUnit.MICROSECOND);
    case "calendarInterval":
      return new IntervalMonthDayNano();
    default: {
      const nested = nestedArrowType(type, (t) => arrowTypeOf(t, timeZone));
      if (nested !== null) return nested;
      throw new UnsupportedOperationException(`The local engine cannot write ${T.simpleString(type)} to Arrow yet.`);
    }
  }
}

function packValidity(validity: Uint8Array | null, length: number): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (validity === null || validity[i] === 1) bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
    else nullCount++;
  }
  return { bitmap, nullCount };
}

const encoder = new TextEncoder();

function toArrowData(column: ColumnVector, arrowType: ArrowType): Data {
  const length = column.length;
  const { bitmap, nullCount } = packValidity(column.validity, length);
  const base = { type: arrowType, length, nullCount, nullBitmap: nullCount > 0 ? bitmap : null };
  switch (arrowType.typeId) {
    case Type.Null:
      return makeData({ type: arrowType as Null, length, nullCount: length });
    case Type.Bool: {
      const bits = packValidity(column.data as Uint8Array, length).bitmap;
      return makeData({ ...base, type: arrowType as Bool, data: bits });
    }
    case Type.Utf8:
    case Type.Binary: {
      const values = column.data as (string | Uint8Array)[];
      const chunks = values.map((v) => (typeof v === "string" ? encoder.encode(v) : v));
      const offsets = new Int32Array(length + 1);
      let total = 0;
      for (let i = 0; i < length; i++) {
        total += (chunks[i] as Uint8Array).length;
        offsets[i + 1] = total;
      }
      const bytes = new Uint8Array(total);
      chunks.forEach((chunk, i) => {
        bytes.set(chunk, offsets[i] as number);
      });
      return makeData({ ...base, type: arrowType as Utf8, valueOffsets: offsets, data: bytes });
    }
    case Type.Decimal:
      return makeData({ ...base, type: arrowType as Decimal, data: decimalWordsOf(column) });
    case Type.Interval:
      if ((arrowType as IntervalYearMonth).unit === IntervalUnit.YEAR_MONTH)
        return makeData({ ...base, type: arrowType as IntervalYearMonth, data: column.data as Int32Array });
      return makeData({ ...base, type: arrowType as IntervalMonthDayNano, data: monthDayNanoWords(column) });
    case Type.List:
    case Type.Map:
    case Type.Struct:
      return nestedArrowData(column, arrowType, base, toArrowData);
    default:
      return makeData({ ...base, type: arrowType as Int32, data: column.data as Int32Array });
  }
}

/** Calendar intervals as Arrow's 16-byte MONTH_DAY_NANO slots: months, days (int32), nanoseconds (int64). */
function monthDayNanoWords(column: ColumnVector): Int32Array {
  const values = column.data as unknown as readonly (readonly [number, number, bigint] | undefined)[];
  const words = new Int32Array(column.length * 4);
  const nanos = new BigInt64Array(words.buffer);
  for (let i = 0; i < column.length; i++) {
    const value = values[i];
    if (value === undefined) continue;
    words[4 * i] = value[0];
    words[4 * i + 1] = value[1];
    nanos[2 * i + 1] = BigInt.asIntN(64, value[2] * 1000n);
  }
  return words;
}

/**
 * apache-arrow mixes up the types of fields that share a name (a join's two `id` columns come back from an IPC
 * round trip with one type), so repeated names are written as unique placeholders of the same UTF-8 length and patched back into
 * the schema message afterwards.
 */
function placeholderNames(fields: readonly FieldSpec[]): { names: string[]; patches: [string, string][] } {
  const seen = new Set<string>();
  const all = new Set(fields.map((f) => f.name));
  const patches: [string, string][] = [];
  let counter = 0;
  const names = fields.map((f) => {
    if (!seen.has(f.name)) {
      seen.add(f.name);
      return f.name;
    }
    const length = encoder.encode(f.name).length;
    let candidate: string;
    do {
      candidate = (counter++).toString(36).padStart(length, "~");
    } while (all.has(candidate) || candidate.length !== length);
    all.add(candidate);
    patches.push([candidate, f.name]);
    return candidate;
  });
  return { names, patches };
}

/** Replaces a length-prefixed flatbuffer string in the first (schema) message of an IPC stream. */
function patchSchemaString(bytes: Uint8Array, from: string, to: string): void {
  const needle = encoder.encode(from);
  const replacement = encoder.encode(to);
  const schemaEnd = 8 + new DataView(bytes.buffer, bytes.byteOffset + 4, 4).getInt32(0, true);
  for (let i = 12; i + needle.length < schemaEnd; i++) {
    const lengthPrefix = new DataView(bytes.buffer, bytes.byteOffset + i - 4, 4).getUint32(0, true);
    if (lengthPrefix !== needle.length || bytes[i + needle.length] !== 0) continue;
    if (needle.every((b, k) => bytes[i + k] === b)) {
      bytes.set(replacement, i);
      return;
    }
  }
  throw new Error(`internal: could not restore the Arrow field name ${JSON.stringify(to)}`);
}

/** Encodes one batch as a complete Arrow IPC stream (schema message + one record batch). */
export function batchToArrowIpc(batch: Batch, fields: readonly FieldSpec[], timeZone: string): Uint8Array {
  const { names, patches } = placeholderNames(fields);
  const arrowFields = fields.map((f, i) => new Field(names[i] as string, arrowTypeOf(f.type, timeZone), f.nullable));
  const schema = new Schema(arrowFields);
  const children = batch.columns.map((column, i) => toArrowData(column, (arrowFields[i] as Field).type));
  const structData = makeData({
    type: new Struct(arrowFields),
    length: batch.numRows,
    nullCount: 0,
    children,
  });
  const bytes = tableToIPC(new Table([new RecordBatch(schema, structData)]), "stream");
  for (const [placeholder, name] of patches) patchSchemaString(bytes, placeholder, name);
  return bytes;
}

function decimalFromWords(words: Uint32Array, at: number): bigint {
  let v = 0n;
  for (let w = 3; w >= 0; w--) v = (v << 32n) | BigInt(words[at * 4 + w] as number);
  return BigInt.asIntN(128, v);
}

function scalarsOf(vector: Vector, type: T.DataType): Scalar[] {
  if (isNested(type)) return nestedValuesFromArrow(vector, type, decodeVector);
  const out: Scalar[] = new Array(vector.length);
  let row = 0;
  for (const data of vector.data) {
    for (let i = 0; i < data.length; i++, row++) {
      if (!data.getValid(i)) {
        out[row] = null;
        continue;
      }
      switch (type.kind.case) {
        case "decimal":
          out[row] = decimalFromWords(data.values as Uint32Array, data.offset + i);
          break;
        case "long":
        case "timestamp":
        case "timestampNtz":
        case "dayTimeInterval":
          out[row] = (data.values as BigInt64Array)[data.offset + i] as bigint;
          break;
        case "calendarInterval": {
          const at = (data.offset + i) * 4;
          const words = data.values as Int32Array;
          const nanos = new BigInt64Array(words.buffer, words.byteOffset + (at + 2) * 4, 1)[0] as bigint;
          out[row] = [words[at] as number, words[at + 1] as number, nanos / 1000n];
          break;
        }
        case "yearMonthInterval":
        case "date":
          out[row] = (data.values as Int32Array)[data.offset + i] as number;
          break;
        default: {
          const value: unknown = vector.get(row);
          out[row] = value as Scalar;
        }
      }
    }
  }
  return out;
}

const decoder = new TextDecoder();

function validityOf(data: Data, out: Uint8Array, at: number): boolean {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || bitmap === undefined || bitmap === null || bitmap.length === 0) return false;
  for (let i = 0; i < data.length; i++) {
    const bit = data.offset + i;
    out[at + i] = ((bitmap[bit >> 3] as number) >> (bit & 7)) & 1;
  }
  return true;
}

/**
 * Copies a column chunk by chunk straight from Arrow's buffers (typed-array copies, UTF-8 decoded from the
 * offsets), without per-row `get`; null when the layout is one this fast path does not cover.
 */
function columnFromArrow(vector: Vector, type: T.DataType): ColumnVector | null {
  const kind = type.kind.case;
  const length = vector.length;
  const validity = new Uint8Array(length).fill(1);
  let anyNull = false;
  let data: ColumnVector["data"];
  if (kind === "string") {
    const strings = new Array<string>(length);
    let row = 0;
    for (const chunk of vector.data) {
      const offsets = chunk.valueOffsets as Int32Array | undefined;
      const bytes = chunk.values as Uint8Array;
      if (offsets === undefined || !(offsets instanceof Int32Array)) return null;
      for (let i = 0; i < chunk.length; i++) {
        const start = offsets[chunk.offset + i] as number;
        const end = offsets[chunk.offset + i + 1] as number;
        strings[row + i] = decoder.decode(bytes.subarray(start, end));
      }
      anyNull = validityOf(chunk, validity, row) || anyNull;
      row += chunk.length;
    }
    data = strings;
  } else if (
    ["byte", "short", "integer", "long", "float", "double", "date", "timestamp", "timestampNtz"].includes(kind ?? "")
  ) {
    const target = allocateData(type, length) as Int32Array;
    let row = 0;
    for (const chunk of vector.data) {
      const arrowType = chunk.type as unknown as { unit?: number; typeId: number };
      const microseconds = arrowType.typeId !== Type.Timestamp || arrowType.unit === TimeUnit.MICROSECOND;
      const days = arrowType.typeId !== Type.Date || arrowType.unit === 0;
      const source = chunk.values as unknown as Int32Array;
      if (!microseconds || !days || source.constructor !== target.constructor) return null;
      target.set(source.subarray(chunk.offset, chunk.offset + chunk.length), row);
      anyNull = validityOf(chunk, validity, row) || anyNull;
      row += chunk.length;
    }
    data = target;
  } else {
    return null;
  }
  return { type, length, data, validity: anyNull ? validity : null };
}

/** Decodes an Arrow IPC stream (a LocalRelation payload) into the engine's batch and fields. */
export function arrowIpcToBatch(bytes: Uint8Array): { fields: FieldSpec[]; batch: Batch } {
  const table = tableFromIPC(bytes);
  // Types come from the column data: apache-arrow's reader reports one type for all fields sharing a name.
  const fields = table.schema.fields.map((f, i) => ({
    name: f.name,
    type: engineTypeOf(table.getChildAt(i)?.type ?? f.type),
    nullable: f.nullable,
  }));
  const columns = fields.map((field, i) => {
    const vector = table.getChildAt(i);
    if (vector === null) throw new TypeError(`Arrow column ${i} is missing`);
    return decodeVector(vector, field.type);
  });
  return { fields, batch: { columns, numRows: table.numRows } };
}

/** One Arrow vector (every chunk) as an engine column of `type`; handles every type, nested ones included. */
export function decodeVector(vector: Vector, type: T.DataType): ColumnVector {
  const plainDecimals = (chunk: Data) =>
    chunk.values instanceof Uint32Array && (chunk.nullCount === 0 || (chunk.nullBitmap?.length ?? 0) > 0);
  if (type.kind.case === "decimal" && vector.data.every(plainDecimals)) {
    // Decimal128 words straight to a column (compact when exact), without a BigInt assembled per value.
    const parts = vector.data.map((chunk) => {
      const validity = new Uint8Array(chunk.length).fill(1);
      const anyNull = validityOf(chunk, validity, 0);
      return decimalColumnFromWords(
        type,
        chunk.values as Uint32Array,
        chunk.offset,
        chunk.length,
        anyNull ? validity : null,
      );
    });
    return concatColumns(type, parts);
  }
  return columnFromArrow(vector, type) ?? columnFromScalars(type, scalarsOf(vector, type));
}
