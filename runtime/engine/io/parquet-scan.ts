/**
 * Lazy Parquet scans. Analysis reads only the first file's footer (the schema); the data is decoded later by the
 * task that scans one file, on whichever thread runs it, and only for the columns the query reads. A scan's
 * description is plain data, so it crosses to a worker thread as a few strings instead of decoded batches.
 */
import { closeSync, fstatSync, openAsBlob, openSync, readFileSync, readSync } from "node:fs";
import { type Table, tableFromIPC } from "apache-arrow";
import { ParquetFile, readSchema } from "parquet-wasm";
import { AnalysisException } from "../../errors/index.js";
import type { FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, type ColumnVector, emptyBatch, nullColumn } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { type DecodedColumns, wasmTableToBatch } from "./arrow-c-data.js";
import { fieldsOf, tableToBatch } from "./arrow-columns.js";
import type { DataFile } from "./file-listing.js";
import { decodeParquet, sparkTimestampKinds } from "./parquet-reader.js";
import { type PartitionLayout, partitionColumnsFor } from "./partition-discovery.js";

export interface ParquetScanSource {
  readonly format: "parquet";
  /** The relation's fields: the files' own columns first, then partition-directory columns. */
  readonly fields: readonly FieldSpec[];
  /** How many of `fields` come from inside the files. */
  readonly numDataFields: number;
  /** One scan task per file. */
  readonly files: readonly DataFile[];
  /** Partition columns (with their effective types) and each file's directory values. */
  readonly layout: PartitionLayout;
  readonly timeZone: string;
}

const MAGIC = "PAR1";
const TAIL_BYTES = 8;

/** A file's last bytes: the footer (Thrift FileMetaData), its length and the magic number. */
function readFooter(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size < MAGIC.length + TAIL_BYTES) throw new Error("the file is too short to be Parquet");
    const tail = Buffer.alloc(TAIL_BYTES);
    readSync(fd, tail, 0, TAIL_BYTES, size - TAIL_BYTES);
    if (tail.toString("latin1", 4) !== MAGIC) throw new Error("the file does not end with the Parquet magic number");
    const footerLength = tail.readUInt32LE(0);
    if (footerLength + TAIL_BYTES + MAGIC.length > size) throw new Error("the footer length is out of range");
    // The schema reader only looks at the end of the buffer: magic + footer + length + magic is a valid "file".
    const bytes = Buffer.alloc(MAGIC.length + footerLength + TAIL_BYTES);
    bytes.write(MAGIC, 0, "latin1");
    readSync(fd, bytes, MAGIC.length, footerLength + TAIL_BYTES, size - footerLength - TAIL_BYTES);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** A file's columns as engine fields, from its footer alone (no data is read or decoded). */
export function parquetFileFields(path: string): FieldSpec[] {
  let schemaIpc: Uint8Array;
  try {
    schemaIpc = readSchema(readFooter(path)).intoIPCStream();
  } catch (cause) {
    throw new AnalysisException(`Could not read the Parquet file ${path}: ${String(cause)}`, { cause });
  }
  const schemaOnly = tableFromIPC(schemaIpc);
  return fieldsOf(schemaOnly, sparkTimestampKinds(schemaOnly));
}

const isFixedWidth = (type: T.DataType): boolean => !T.isString(type) && type.kind.case !== "binary";

/** Which of a file's columns to decode for the wanted fields: those present, else the narrowest for the row count. */
function fileColumnsToRead(source: ParquetScanSource, fileFields: readonly FieldSpec[], columns: readonly number[]) {
  const fileIndex = (name: string) => fileFields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
  const present = new Set<number>();
  for (const c of columns) {
    if (c >= source.numDataFields) continue;
    const at = fileIndex((source.fields[c] as FieldSpec).name);
    if (at >= 0) present.add(at);
  }
  if (present.size === 0 && fileFields.length > 0) {
    const narrow = fileFields.findIndex((f) => isFixedWidth(f.type));
    present.add(Math.max(narrow, 0));
  }
  return [...present].sort((a, b) => a - b).map((i) => (fileFields[i] as FieldSpec).name);
}

const byName = (fields: readonly FieldSpec[], name: string) =>
  fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());

/** The decoded columns of a table read over IPC, named in the decoder's order, with the footer's field types. */
function ipcColumns(decoded: Table, fileFields: readonly FieldSpec[]): DecodedColumns {
  const decodedFields = decoded.schema.fields.map((f) => fileFields[byName(fileFields, f.name)] as FieldSpec);
  return { names: decodedFields.map((f) => f.name), batch: tableToBatch(decoded, decodedFields) };
}

/** The wanted fields in order, from the decoded file columns, NULL for missing ones and the partition values. */
function assemble(
  source: ParquetScanSource,
  file: DataFile,
  columns: readonly number[],
  decoded: DecodedColumns | null,
): Batch {
  // The decoder may order the selected columns its own way: find each by name.
  const names = decoded?.names ?? [];
  const batch = decoded?.batch ?? { columns: [], numRows: 0 };
  const numRows = batch.numRows;
  const partitionValues =
    source.layout.columns.length === 0 ? [] : partitionColumnsFor(source.layout, file, numRows, source.timeZone);
  const out = columns.map((c): ColumnVector => {
    const field = source.fields[c] as FieldSpec;
    if (c >= source.numDataFields) return partitionValues[c - source.numDataFields] as ColumnVector;
    const at = names.findIndex((name) => name.toLowerCase() === field.name.toLowerCase());
    if (at < 0) return nullColumn(field.type, numRows);
    const column = batch.columns[at] as ColumnVector;
    if (!T.sameType(column.type, field.type)) {
      throw new AnalysisException(
        `The column ${field.name} in ${file.path} is ${T.simpleString(column.type)}, but the schema says ${T.simpleString(field.type)}.`,
      );
    }
    return column;
  });
  return { columns: out, numRows };
}

const emptySplit = (source: ParquetScanSource, columns: readonly number[]): Batch =>
  emptyBatch(columns.map((c) => (source.fields[c] as FieldSpec).type));

/**
 * Decodes the given fields (positions in `source.fields`) of one file, in that order, reading and decoding only
 * the column chunks of those fields. Columns the file lacks read as NULL; when no file column is wanted (say
 * `count(*)`), the narrowest one is decoded for the row count.
 */
export async function readParquetSplit(
  source: ParquetScanSource,
  split: number,
  columns: readonly number[],
): Promise<Batch> {
  const file = source.files[split];
  if (file === undefined) return emptySplit(source, columns);
  let reader: ParquetFile;
  try {
    reader = await ParquetFile.fromFile(await openAsBlob(file.path));
  } catch (cause) {
    throw new AnalysisException(`Could not read the Parquet file ${file.path}: ${String(cause)}`, { cause });
  }
  try {
    const schemaOnly = tableFromIPC(reader.schema().intoIPCStream());
    const fileFields = fieldsOf(schemaOnly, sparkTimestampKinds(schemaOnly));
    const names = fileColumnsToRead(source, fileFields, columns);
    let decoded: DecodedColumns | null = null;
    if (names.length > 0) {
      try {
        // Large batches: the default of 1024 rows makes hundreds of small chunks to stitch together afterwards.
        const table = await reader.read({ columns: names, batchSize: 1 << 20 });
        const typeOf = (name: string) => fileFields[byName(fileFields, name)]?.type;
        // In place from wasm memory when every column allows it; the IPC stream (which consumes the table) if not.
        const direct = wasmTableToBatch(table, typeOf);
        if (direct === undefined) decoded = ipcColumns(tableFromIPC(table.intoIPCStream()), fileFields);
        else {
          table.free();
          decoded = direct;
        }
      } catch (cause) {
        throw new AnalysisException(`Could not read the Parquet file ${file.path}: ${String(cause)}`, { cause });
      }
    }
    return assemble(source, file, columns, decoded);
  } finally {
    reader.free();
  }
}

/** The same split decoded synchronously from the whole file (for callers that cannot wait). */
export function readParquetSplitSync(source: ParquetScanSource, split: number, columns: readonly number[]): Batch {
  const file = source.files[split];
  if (file === undefined) return emptySplit(source, columns);
  const fileFields = parquetFileFields(file.path);
  const decoded = decodeParquet(readFileSync(file.path), file.path);
  return assemble(source, file, columns, ipcColumns(decoded, fileFields));
}
