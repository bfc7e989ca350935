/**
 * Arrow data to JS rows. The Spark schema decides the JS representation (README.md has the table); when none is
 * given it is read from the Arrow schema, which cannot recover char/varchar, collations, TIME precision or
 * interval field ranges (those then decode as string, time(6) and the widest interval, with the same values).
 */
import type * as arrow from "apache-arrow";
import { fromArrowSchema, type SparkDataType, type StructType } from "../types/index.js";
import { decodeBatchRows, decodeColumn } from "./column-decoder.js";
import type { Row } from "./row.js";

export function batchToRows(batch: arrow.RecordBatch, schema: StructType = fromArrowSchema(batch.schema)): Row[] {
  return decodeBatchRows(batch, schema);
}

export function tableToRows(table: arrow.Table, schema: StructType = fromArrowSchema(table.schema)): Row[] {
  const rows: Row[] = [];
  for (const batch of table.batches) {
    for (const row of decodeBatchRows(batch, schema)) rows.push(row);
  }
  return rows;
}

/** All values of one column (any number of chunks) as JS values of the given Spark type. */
export function vectorToValues(vector: arrow.Vector, type: SparkDataType): unknown[] {
  const out: unknown[] = [];
  for (const chunk of vector.data) {
    for (const value of decodeColumn(chunk, type)) out.push(value);
  }
  return out;
}
