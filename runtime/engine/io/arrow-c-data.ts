/**
 * Decoded Parquet columns read where parquet-wasm left them. Its Table is exported through the Arrow C Data
 * Interface (plain structs in wasm memory) and each column chunk is converted straight from wasm memory: no IPC
 * stream is written in wasm, copied out and parsed again. Only flat columns in the layouts the converter knows
 * are read this way; for anything else the caller falls back to the IPC hand-off.
 */
import { Type } from "apache-arrow";
import { type Table as WasmTable, wasmMemory } from "parquet-wasm";
import type { FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, type ColumnVector, concatColumns } from "../columnar/column-vector.js";
import type * as T from "../types/data-types.js";
import { type ArrowChunk, chunkColumn } from "./arrow-columns.js";

// Field offsets of struct ArrowSchema and struct ArrowArray on wasm32: 4-byte pointers, int64s aligned to 8.
const SCHEMA_FORMAT = 0;
const SCHEMA_NAME = 4;
const SCHEMA_N_CHILDREN = 24;
const SCHEMA_CHILDREN = 32;
const ARRAY_LENGTH = 0;
const ARRAY_NULL_COUNT = 8;
const ARRAY_OFFSET = 16;
const ARRAY_N_BUFFERS = 24;
const ARRAY_N_CHILDREN = 32;
const ARRAY_BUFFERS = 40;
const ARRAY_CHILDREN = 44;

type TypedArrayClass =
  | Int8ArrayConstructor
  | Int16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | BigInt64ArrayConstructor
  | Uint8ArrayConstructor;

/** How a format string's values are laid out, and the `unit` the converter reads for dates and timestamps. */
interface Layout {
  readonly values: TypedArrayClass;
  /** Elements of `values` per row (Decimal128: four 32-bit words). */
  readonly width: number;
  readonly offsets?: Int32ArrayConstructor | BigInt64ArrayConstructor;
  readonly bits?: true;
  readonly unit?: number;
}

const TIME_UNITS: Record<string, number> = { s: 0, m: 1, u: 2, n: 3 };

/** The layout of a column of engine type `type` exported with `format`, when the converter reads it as such. */
function layoutFor(type: T.DataType, format: string): Layout | undefined {
  switch (type.kind.case) {
    case "boolean":
      return format === "b" ? { values: Uint8Array, width: 1, bits: true } : undefined;
    case "byte":
      return format === "c" ? { values: Int8Array, width: 1 } : undefined;
    case "short":
      return format === "s" ? { values: Int16Array, width: 1 } : undefined;
    case "integer":
      return format === "i" ? { values: Int32Array, width: 1 } : undefined;
    case "date":
      if (format === "tdD") return { values: Int32Array, width: 1, unit: 0 };
      return format === "tdm" ? { values: BigInt64Array, width: 1, unit: 1 } : undefined;
    case "long":
      return format === "l" ? { values: BigInt64Array, width: 1 } : undefined;
    case "timestamp":
    case "timestampNtz": {
      const unit = /^ts([smun]):/.exec(format)?.[1];
      return unit === undefined ? undefined : { values: BigInt64Array, width: 1, unit: TIME_UNITS[unit] as number };
    }
    case "float":
      return format === "f" ? { values: Float32Array, width: 1 } : undefined;
    case "double":
      return format === "g" ? { values: Float64Array, width: 1 } : undefined;
    case "decimal":
      return /^d:\d+,\d+(,128)?$/.test(format) ? { values: Uint32Array, width: 4 } : undefined;
    case "string":
      if (format === "u") return { values: Uint8Array, width: 1, offsets: Int32Array };
      return format === "U" ? { values: Uint8Array, width: 1, offsets: BigInt64Array } : undefined;
    case "binary":
      return format === "z" ? { values: Uint8Array, width: 1, offsets: Int32Array } : undefined;
    default:
      return undefined;
  }
}

/** Reads the structs of one wasm memory snapshot (no wasm call may run while it is in use: memory can grow). */
class WasmStructs {
  private readonly view: DataView;
  private readonly bytes: Uint8Array;

  constructor(private readonly buffer: ArrayBuffer) {
    this.view = new DataView(buffer);
    this.bytes = new Uint8Array(buffer);
  }

  pointer(at: number): number {
    return this.view.getUint32(at, true);
  }

  int64(at: number): number {
    return Number(this.view.getBigInt64(at, true));
  }

  cString(at: number): string {
    let end = at;
    while (this.bytes[end] !== 0) end++;
    return Buffer.from(this.buffer, at, end - at).toString("utf8");
  }

  /** `count` elements at `address` as a view (copied when the address is not aligned for the element type). */
  typed<A>(Class: TypedArrayClass, address: number, count: number): A {
    if (count === 0 || address === 0) return new Class(0) as A;
    if (address % Class.BYTES_PER_ELEMENT === 0) return new Class(this.buffer, address, count) as A;
    const copy = this.bytes.slice(address, address + count * Class.BYTES_PER_ELEMENT);
    return new Class(copy.buffer, 0, count) as A;
  }

  children(at: number, countAt: number, childrenAt: number): number[] {
    const count = this.int64(at + countAt);
    const list = this.pointer(at + childrenAt);
    return Array.from({ length: count }, (_, i) => this.pointer(list + 4 * i));
  }
}

/** One exported array (a column of one batch) as a chunk over wasm memory, or undefined when not flat. */
function chunkAt(structs: WasmStructs, array: number, layout: Layout): ArrowChunk | undefined {
  if (structs.int64(array + ARRAY_N_CHILDREN) !== 0) return undefined;
  const length = structs.int64(array + ARRAY_LENGTH);
  const offset = structs.int64(array + ARRAY_OFFSET);
  const buffers = structs.pointer(array + ARRAY_BUFFERS);
  const expectedBuffers = layout.offsets === undefined ? 2 : 3;
  if (structs.int64(array + ARRAY_N_BUFFERS) !== expectedBuffers) return undefined;
  const bitmapAddress = structs.pointer(buffers);
  const rows = offset + length;
  const nullBitmap = bitmapAddress === 0 ? null : structs.typed<Uint8Array>(Uint8Array, bitmapAddress, (rows + 7) >> 3);
  // -1 means "not computed": treat it as "has nulls" so the bitmap is read.
  const nullCount = structs.int64(array + ARRAY_NULL_COUNT);
  const type = { unit: layout.unit };
  if (layout.offsets !== undefined) {
    const valueOffsets = structs.typed<Int32Array | BigInt64Array>(
      layout.offsets,
      structs.pointer(buffers + 4),
      rows + 1,
    );
    const byteLength = rows === 0 ? 0 : Number(valueOffsets[rows]);
    const values = structs.typed<Uint8Array>(Uint8Array, structs.pointer(buffers + 8), byteLength);
    return { length, offset, nullCount, nullBitmap, values, valueOffsets, type };
  }
  const count = layout.bits === true ? (rows + 7) >> 3 : rows * layout.width;
  const values = structs.typed<unknown>(layout.values, structs.pointer(buffers + 4), count);
  return { length, offset, nullCount, nullBitmap, values, type };
}

export interface DecodedColumns {
  /** The decoded columns' names, in the decoder's order. */
  readonly names: string[];
  readonly batch: Batch;
}

/**
 * Converts a parquet-wasm table whose columns have the given engine types (looked up by name) without the IPC
 * round trip; undefined (the table untouched) when a column is nested, dictionary-encoded or in a layout the
 * converter does not read. The table is not consumed: the caller still frees it.
 */
export function wasmTableToBatch(
  table: WasmTable,
  typeOf: (name: string) => T.DataType | undefined,
): DecodedColumns | undefined {
  const exported = table.toFFI();
  try {
    const batchAddresses = [...exported.arrayAddrs()];
    const schemaAddress = exported.schemaAddr();
    const structs = new WasmStructs(wasmMemory().buffer as ArrayBuffer);
    const fieldSchemas = structs.children(schemaAddress, SCHEMA_N_CHILDREN, SCHEMA_CHILDREN);
    const fields: FieldSpec[] = [];
    const layouts: Layout[] = [];
    for (const schema of fieldSchemas) {
      const name = structs.cString(structs.pointer(schema + SCHEMA_NAME));
      const type = typeOf(name);
      const layout =
        type === undefined ? undefined : layoutFor(type, structs.cString(structs.pointer(schema + SCHEMA_FORMAT)));
      if (type === undefined || layout === undefined) return undefined;
      fields.push({ name, type, nullable: true });
      layouts.push(layout);
    }
    const chunks: ArrowChunk[][] = fields.map(() => []);
    let numRows = 0;
    for (const batch of batchAddresses) {
      if (structs.int64(batch + ARRAY_OFFSET) !== 0) return undefined;
      const batchRows = structs.int64(batch + ARRAY_LENGTH);
      const columns = structs.children(batch, ARRAY_N_CHILDREN, ARRAY_CHILDREN);
      if (columns.length !== fields.length) return undefined;
      for (let c = 0; c < columns.length; c++) {
        const chunk = chunkAt(structs, columns[c] as number, layouts[c] as Layout);
        if (chunk === undefined || chunk.length !== batchRows) return undefined;
        (chunks[c] as ArrowChunk[]).push(chunk);
      }
      numRows += batchRows;
    }
    // Every buffer is copied by the conversion, so nothing here points into wasm memory once it is freed.
    const columns = fields.map((field, c): ColumnVector => {
      const arrowType = field.type.kind.case === "date" ? Type.Date : Type.NONE;
      const parts = (chunks[c] as ArrowChunk[]).map((chunk) => chunkColumn(chunk, field.type, arrowType));
      return concatColumns(field.type, parts);
    });
    return { names: fields.map((f) => f.name), batch: { columns, numRows } };
  } finally {
    exported.free();
  }
}
