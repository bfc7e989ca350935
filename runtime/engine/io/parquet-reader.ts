/**
 * Parquet files through parquet-wasm (Rust's arrow-rs compiled to WebAssembly): the file is decoded to Arrow in
 * wasm memory, handed over as one IPC stream, then converted column by column. Spark's own schema, which Spark
 * writes into the file's key-value metadata, settles what Parquet alone cannot say (INT96 is a TIMESTAMP).
 */
import { readFileSync } from "node:fs";
import { type Table, tableFromIPC } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import { AnalysisException } from "../../errors/index.js";
import type { FieldSpec } from "../columnar/arrow-io.js";
import type { Batch } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { fieldsOf, tableToBatch } from "./arrow-columns.js";

const SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

export interface ParquetContents {
  readonly fields: FieldSpec[];
  readonly batch: Batch;
}

/** Timestamp columns Spark's schema (in the file's key-value metadata) marks as TIMESTAMP or TIMESTAMP_NTZ. */
export function sparkTimestampKinds(table: Table): Map<string, T.DataType> {
  const kinds = new Map<string, T.DataType>();
  const json = table.schema.metadata.get(SPARK_SCHEMA_KEY);
  if (json === undefined) return kinds;
  const parsed = JSON.parse(json) as { fields?: { name: string; type: unknown }[] };
  for (const field of parsed.fields ?? []) {
    if (field.type === "timestamp") kinds.set(field.name, T.TIMESTAMP);
    else if (field.type === "timestamp_ntz") kinds.set(field.name, T.TIMESTAMP_NTZ);
  }
  return kinds;
}

export function decodeParquet(bytes: Uint8Array, path: string, columns?: readonly string[]): Table {
  try {
    // Large batches: the default of 1024 rows makes hundreds of small chunks to stitch together afterwards.
    const wasmTable = readParquet(bytes, {
      batchSize: 1 << 20,
      ...(columns === undefined ? {} : { columns: [...columns] }),
    });
    return tableFromIPC(wasmTable.intoIPCStream());
  } catch (cause) {
    throw new AnalysisException(`Could not read the Parquet file ${path}: ${String(cause)}`, { cause });
  }
}

export function readParquetFile(path: string): ParquetContents {
  const table = decodeParquet(readFileSync(path), path);
  const fields = fieldsOf(table, sparkTimestampKinds(table));
  return { fields, batch: tableToBatch(table, fields) };
}
