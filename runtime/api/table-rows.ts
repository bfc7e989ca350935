/**
 * Rows of an Arrow result as `Row`s. This is the stop-gap decoder the DataFrame uses until runtime/arrow's
 * lossless decoder is wired in: longs stay `bigint`, structs become Rows, lists arrays and maps Maps.
 */
import { type RecordBatch, type Table, Vector } from "apache-arrow";
import { type Row, rowClassFor } from "../arrow/row.js";

export type { Row };

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Vector) return Array.from(value, plain);
  if (typeof value === "object" && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    const maybeRow = value as { toJSON?: () => unknown };
    if (typeof maybeRow.toJSON === "function") {
      const json = maybeRow.toJSON();
      if (json instanceof Map) return new Map(Array.from(json, ([k, v]) => [plain(k), plain(v)]));
      if (typeof json === "object" && json !== null) {
        const entries = Object.entries(json);
        const RowClass = rowClassFor(entries.map(([k]) => k));
        return new RowClass(entries.map(([, v]) => plain(v)));
      }
      return json;
    }
  }
  return value;
}

export function tableRows(table: Table | RecordBatch): Row[] {
  const names = table.schema.fields.map((field) => field.name);
  const columns = names.map((_, index) => table.getChildAt(index));
  const RowClass = rowClassFor(names);
  const rows: Row[] = [];
  for (let i = 0; i < table.numRows; i++) {
    rows.push(new RowClass(columns.map((column) => plain(column?.get(i)))));
  }
  return rows;
}
