/**
 * Arrow vectors → engine columns without per-row `vector.get` on the hot types: fixed-width values are copied
 * as typed arrays, validity bitmaps are expanded once, ASCII string buffers are decoded once and sliced.
 */
import { type Table, type Timestamp, TimeUnit, Type, type Vector } from "apache-arrow";
import { UnsupportedOperationException } from "../../errors/index.js";
import { decodeVector, engineTypeOf, type FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, type ColumnVector, concatColumns } from "../columnar/column-vector.js";
import { decimalColumnFromWords } from "../columnar/compact-decimals.js";
import * as T from "../types/data-types.js";
import { isNested } from "../types/nested-types.js";

const utf8 = new TextDecoder();

/**
 * The parts of one Arrow array chunk the conversion reads: an apache-arrow `Data`, or a view of an array that
 * lives elsewhere (parquet-wasm's memory, through the C Data Interface). Buffers are unsliced; `offset` applies.
 */
export interface ArrowChunk {
  readonly length: number;
  readonly offset: number;
  readonly nullCount: number;
  readonly nullBitmap: Uint8Array | null | undefined;
  /** The data buffer as a typed array of the type's width (Decimal128: 32-bit words, four per value). */
  readonly values: unknown;
  /** Variable-width types: one offset per value plus one. */
  readonly valueOffsets?: unknown;
  /** Only its `unit` is read (dates and timestamps). */
  readonly type: unknown;
}

function validityOf(data: ArrowChunk): Uint8Array | null {
  if (
    data.nullCount === 0 ||
    data.nullBitmap === undefined ||
    data.nullBitmap === null ||
    data.nullBitmap.length === 0
  ) {
    return data.nullCount === data.length && data.length > 0 ? new Uint8Array(data.length) : null;
  }
  const out = new Uint8Array(data.length);
  const bitmap = data.nullBitmap;
  for (let i = 0; i < data.length; i++) {
    const bit = data.offset + i;
    out[i] = ((bitmap[bit >> 3] as number) >> (bit & 7)) & 1;
  }
  return out;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

function stringsOf(data: ArrowChunk): string[] {
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  const bytes = data.values as Uint8Array;
  const out = new Array<string>(data.length);
  const at = (i: number): number => Number(offsets[data.offset + i]);
  if (isAscii(bytes)) {
    const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    if (offsets instanceof Int32Array) return asciiStrings(whole, bytes, offsets, data.offset, data.length);
    for (let i = 0; i < data.length; i++) out[i] = whole.slice(at(i), at(i + 1));
  } else {
    for (let i = 0; i < data.length; i++) out[i] = utf8.decode(bytes.subarray(at(i), at(i + 1)));
  }
  return out;
}

/** Distinct values interned per chunk before giving up on a column (names, comments: all distinct). */
const MAX_INTERNED = 1024;
const INTERN_SLOTS = 4096;

/**
 * The strings of an ASCII chunk, one object per distinct value while there are few of them (flags, modes,
 * priorities, brands): fewer allocations, and later equality tests and hash lookups meet the same string object
 * (whose hash V8 caches). Rows are matched by their bytes, so no string is built to find its twin.
 */
function asciiStrings(whole: string, bytes: Uint8Array, offsets: Int32Array, offset: number, length: number): string[] {
  const out = new Array<string>(length);
  const slots = new Int32Array(INTERN_SLOTS).fill(-1); // row of a value's first occurrence
  let distinct = 0;
  let row = 0;
  for (; row < length && distinct <= MAX_INTERNED; row++) {
    const start = offsets[offset + row] as number;
    const end = offsets[offset + row + 1] as number;
    let hash = 0x811c9dc5 ^ (end - start);
    for (let b = start; b < end; b++) hash = Math.imul(hash ^ (bytes[b] as number), 0x01000193);
    let slot = (hash >>> 0) & (INTERN_SLOTS - 1);
    for (;;) {
      const first = slots[slot] as number;
      if (first < 0) {
        slots[slot] = row;
        distinct++;
        out[row] = whole.slice(start, end);
        break;
      }
      if (sameBytes(bytes, offsets[offset + first] as number, offsets[offset + first + 1] as number, start, end)) {
        out[row] = out[first] as string;
        break;
      }
      slot = (slot + 1) & (INTERN_SLOTS - 1);
    }
  }
  for (; row < length; row++) out[row] = whole.slice(offsets[offset + row], offsets[offset + row + 1]);
  return out;
}

function sameBytes(bytes: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (bytes[aStart + i] !== bytes[bStart + i]) return false;
  return true;
}

function microsOf(data: ArrowChunk, unit: TimeUnit): BigInt64Array {
  const values = (data.values as BigInt64Array).subarray(data.offset, data.offset + data.length);
  if (unit === TimeUnit.MICROSECOND) return values.slice();
  const out = new BigInt64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = values[i] as bigint;
    if (unit === TimeUnit.NANOSECOND) {
      // Floor division, so instants before 1970 round toward the past as Spark does.
      const q = v / 1000n;
      out[i] = v < 0n && q * 1000n !== v ? q - 1n : q;
    } else out[i] = unit === TimeUnit.MILLISECOND ? v * 1000n : v * 1_000_000n;
  }
  return out;
}

/** One chunk as an engine column of `type`; every buffer is copied, so the chunk may be freed afterwards. */
export function chunkColumn(data: ArrowChunk, type: T.DataType, arrowTypeId: Type): ColumnVector {
  const length = data.length;
  const validity = validityOf(data);
  const slice = <A extends { subarray(a: number, b: number): A; slice(): A }>(values: A): A =>
    values.subarray(data.offset, data.offset + length).slice();
  switch (type.kind.case) {
    case "boolean": {
      const bits = data.values as Uint8Array;
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        const bit = data.offset + i;
        out[i] = ((bits[bit >> 3] as number) >> (bit & 7)) & 1;
      }
      return { type, length, data: out, validity };
    }
    case "byte":
      return { type, length, data: slice(data.values as Int8Array), validity };
    case "short":
      return { type, length, data: slice(data.values as Int16Array), validity };
    case "integer":
    case "date":
      if (arrowTypeId === Type.Date && (data.type as { unit?: number }).unit === 1) {
        const ms = (data.values as BigInt64Array).subarray(data.offset, data.offset + length);
        return { type, length, data: Int32Array.from(ms, (v) => Number(v / 86_400_000n)), validity };
      }
      return { type, length, data: slice(data.values as Int32Array), validity };
    case "long":
      return { type, length, data: slice(data.values as BigInt64Array), validity };
    case "timestamp":
    case "timestampNtz":
      return { type, length, data: microsOf(data, (data.type as Timestamp).unit), validity };
    case "float":
      return { type, length, data: slice(data.values as Float32Array), validity };
    case "double":
      return { type, length, data: slice(data.values as Float64Array), validity };
    case "decimal":
      // Compact (doubles) when every value is exact as one, as all money columns are.
      return decimalColumnFromWords(type, data.values as Uint32Array, data.offset, length, validity);
    case "string":
      return { type, length, data: stringsOf(data), validity };
    case "binary": {
      const offsets = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      const out = new Array<Uint8Array>(length);
      for (let i = 0; i < length; i++) {
        out[i] = bytes.slice(offsets[data.offset + i] as number, offsets[data.offset + i + 1] as number);
      }
      return { type, length, data: out, validity };
    }
    default:
      throw new UnsupportedOperationException(
        `The local engine cannot hold ${T.simpleString(type)} columns read from files yet.`,
        { errorClass: "UNSUPPORTED_DATATYPE", messageParameters: { typeName: T.sqlTypeName(type) } },
      );
  }
}

/** Dictionary-encoded columns are rare from our writers; decode them value by value. */
function dictionaryColumn(vector: Vector, type: T.DataType): ColumnVector {
  const length = vector.length;
  const out: (string | null)[] = new Array(length);
  const validity = new Uint8Array(length).fill(1);
  for (let i = 0; i < length; i++) {
    const v: unknown = vector.get(i);
    if (v === null) validity[i] = 0;
    out[i] = v === null ? "" : String(v);
  }
  return { type, length, data: out as string[], validity };
}

/** The engine type of an Arrow field; `override` wins (Spark's own schema stored in the file). */
export function fieldsOf(table: Table, override?: ReadonlyMap<string, T.DataType>): FieldSpec[] {
  return table.schema.fields.map((f) => {
    const declared = override?.get(f.name);
    if (declared !== undefined) return { name: f.name, type: declared, nullable: true };
    if (f.type.typeId === Type.Dictionary) return { name: f.name, type: T.STRING, nullable: true };
    // Spark reads every file column as nullable, whatever the file says.
    return { name: f.name, type: engineTypeOf(f.type), nullable: true };
  });
}

/** Converts a whole Arrow table into one engine batch with the given field types. */
export function tableToBatch(table: Table, fields: readonly FieldSpec[]): Batch {
  const columns = fields.map((field, i) => {
    const vector = table.getChildAt(i);
    if (vector === null) throw new TypeError(`Arrow column ${i} is missing`);
    if (vector.type.typeId === Type.Dictionary) return dictionaryColumn(vector, field.type);
    // Nested columns are rare in scans; the general decoder handles them.
    if (isNested(field.type)) return decodeVector(vector, field.type);
    const parts = vector.data.map((chunk) => chunkColumn(chunk, field.type, vector.type.typeId));
    return concatColumns(field.type, parts);
  });
  return { columns, numRows: table.numRows };
}
