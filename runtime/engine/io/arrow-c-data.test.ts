import { tableFromIPC } from "apache-arrow";
import { Compression, readParquet, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from "parquet-wasm";
import { describe, expect, it } from "vitest";
import { batchToArrowIpc, type FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { wasmTableToBatch } from "./arrow-c-data.js";
import { tableToBatch } from "./arrow-columns.js";

const FIELDS: FieldSpec[] = [
  { name: "flag", type: T.BOOLEAN, nullable: true },
  { name: "tiny", type: T.BYTE, nullable: true },
  { name: "small", type: T.SHORT, nullable: true },
  { name: "int", type: T.INT, nullable: true },
  { name: "long", type: T.LONG, nullable: true },
  { name: "float", type: T.FLOAT, nullable: true },
  { name: "double", type: T.DOUBLE, nullable: true },
  { name: "money", type: T.decimalType(15, 2), nullable: true },
  { name: "wide", type: T.decimalType(38, 4), nullable: true },
  { name: "day", type: T.DATE, nullable: true },
  { name: "at", type: T.TIMESTAMP, nullable: true },
  { name: "text", type: T.STRING, nullable: true },
  { name: "bytes", type: T.BINARY, nullable: true },
];

const ROWS = 2500;

/** Row i of FIELDS: every seventh row NULL in each column (shifted per column), negative and non-ASCII values. */
function sampleValue(field: number, i: number): Scalar {
  if ((i + field) % 7 === 0) return null;
  const sign = i % 2 === 0 ? 1 : -1;
  switch (field) {
    case 0:
      return i % 3 === 0;
    case 1:
      return sign * (i % 128);
    case 2:
      return sign * i;
    case 3:
      return sign * i * 1000;
    case 4:
      return BigInt(sign * i) * 10_000_000_000n;
    case 5:
      return Math.fround(sign * i * 0.25);
    case 6:
      return i === 5 ? Number.NaN : sign * i * 1.5;
    case 7:
      return BigInt(sign * i * 101);
    case 8:
      // Past 2^53 on some rows: those chunks take the BigInt form.
      return BigInt(sign * i) * 10n ** 30n + 7n;
    case 9:
      return sign * i;
    case 10:
      return BigInt(sign * i) * 1_000_003n;
    case 11:
      return i % 11 === 0 ? `é${i}ü` : `s${i % 5}`;
    case 12:
      return new Uint8Array([i % 256, 0, 255]);
    default:
      throw new Error(`no field ${field}`);
  }
}

function parquetBytes(): Uint8Array {
  const batch: Batch = {
    columns: FIELDS.map((f, c) =>
      columnFromScalars(
        f.type,
        Array.from({ length: ROWS }, (_, i) => sampleValue(c, i)),
      ),
    ),
    numRows: ROWS,
  };
  // Small row groups, so the decoded table has several batches.
  const properties = new WriterPropertiesBuilder()
    .setCompression(Compression.UNCOMPRESSED)
    .setMaxRowGroupSize(1000)
    .build();
  return writeParquet(WasmTable.fromIPCStream(batchToArrowIpc(batch, FIELDS, "UTC")), properties);
}

const rows = (batch: Batch): Scalar[][] =>
  Array.from({ length: batch.numRows }, (_, r) => batch.columns.map((c) => getScalar(c, r)));

const typeByName = (name: string) => FIELDS.find((f) => f.name === name)?.type;

describe("parquet-wasm tables read in place through the C Data Interface", () => {
  it("gives the same columns as the IPC hand-off for every flat type, with nulls, over several batches", () => {
    const bytes = parquetBytes();
    const viaIpc = tableToBatch(tableFromIPC(readParquet(bytes, { batchSize: 700 }).intoIPCStream()), FIELDS);
    const table = readParquet(bytes, { batchSize: 700 });
    expect(table.numBatches).toBeGreaterThan(1);
    const direct = wasmTableToBatch(table, typeByName);
    table.free();
    expect(direct?.names).toEqual(FIELDS.map((f) => f.name));
    expect(direct?.batch.numRows).toBe(ROWS);
    const expected = rows(viaIpc);
    expect(rows(direct?.batch as Batch)).toEqual(expected);
    // And both equal what was written.
    expect(expected[5]).toEqual(FIELDS.map((_, c) => sampleValue(c, 5)));
    expect(expected[ROWS - 1]).toEqual(FIELDS.map((_, c) => sampleValue(c, ROWS - 1)));
  });

  it("declines (leaving the table usable) when a column's layout is not one it reads", () => {
    const table = readParquet(parquetBytes());
    // The engine types say string, the file holds other layouts: not read in place.
    expect(wasmTableToBatch(table, () => T.STRING)).toBeUndefined();
    const fallback = tableFromIPC(table.intoIPCStream());
    expect(fallback.numRows).toBe(ROWS);
  });
});
