/**
 * `createDataFrame(arrowTable, schema)` with a StructType or DDL schema. As in PySpark, the schema must name the
 * table's columns in order (it casts the table by name); the columns take the schema's nullability, and the
 * LocalRelation carries the schema, so the server casts each column to its declared type. PySpark casts the table
 * itself before sending it; the server's cast gives the same frame.
 */
import { Field, makeData, RecordBatch, Schema, Struct, Table, tableToIPC } from "apache-arrow";
import { ClientArgumentError } from "../errors/index.js";
import type { StructType } from "../types/index.js";
import { type EncodedLocalData, encodeArrowTable } from "./local-data.js";

export function encodeArrowTableAs(table: Table, schema: StructType): EncodedLocalData {
  const plain = encodeArrowTable(table).table;
  const tableNames = plain.schema.fields.map((field) => field.name);
  const schemaNames = schema.fields.map((field) => field.name);
  const sameNames = tableNames.length === schemaNames.length && tableNames.every((name, i) => name === schemaNames[i]);
  if (!sameNames) {
    throw new ClientArgumentError(
      `Target schema's field names are not matching the table's field names: ${JSON.stringify(tableNames)}, ${JSON.stringify(schemaNames)}.`,
    );
  }
  const fields = plain.schema.fields.map((field, index) => {
    const declared = schema.fields[index]!;
    if (!declared.nullable && plain.getChildAt(index)!.nullCount > 0) {
      throw new ClientArgumentError(`Column ${declared.name} is declared non-nullable but has null values.`, {
        errorClass: "FIELD_NOT_NULLABLE",
      });
    }
    return new Field(declared.name, field.type, declared.nullable, field.metadata);
  });
  const renamed = new Schema(fields, plain.schema.metadata);
  // The same column data under the declared nullability: only the schema of each batch changes.
  const batches = plain.batches.map(
    (batch) =>
      new RecordBatch(
        renamed,
        makeData({ type: new Struct(fields), length: batch.numRows, nullCount: 0, children: batch.data.children }),
      ),
  );
  const result = new Table(renamed, batches);
  return { ipc: tableToIPC(result, "stream"), schema, table: result };
}
