import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from "parquet-wasm";
import { describe, expect, it } from "vitest";
import { batchToArrowIpc, type FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { lazyParquetSource } from "./data-source-reader.js";
import { parquetFileFields, readParquetSplit, readParquetSplitSync } from "./parquet-scan.js";

const FIELDS: FieldSpec[] = [
  { name: "id", type: T.LONG, nullable: true },
  { name: "name", type: T.STRING, nullable: true },
  { name: "price", type: T.decimalType(15, 2), nullable: true },
];

function writeFile(path: string, ids: readonly (bigint | null)[]): void {
  const batch: Batch = {
    columns: [
      columnFromScalars(T.LONG, ids),
      columnFromScalars(
        T.STRING,
        ids.map((id) => (id === null ? null : `n${id}`)),
      ),
      columnFromScalars(
        T.decimalType(15, 2),
        ids.map((id) => (id === null ? null : id * 100n + 5n)),
      ),
    ],
    numRows: ids.length,
  };
  const properties = new WriterPropertiesBuilder().setCompression(Compression.UNCOMPRESSED).build();
  writeFileSync(path, writeParquet(WasmTable.fromIPCStream(batchToArrowIpc(batch, FIELDS, "UTC")), properties));
}

const rows = (batch: Batch): Scalar[][] =>
  Array.from({ length: batch.numRows }, (_, r) => batch.columns.map((c) => getScalar(c, r)));

describe("lazy Parquet scan", () => {
  it("takes the schema from the footer alone: a file whose data pages are garbage still describes itself", () => {
    const dir = mkdtempSync(join(tmpdir(), "sparkts-scan-"));
    const path = join(dir, "a.parquet");
    writeFile(
      path,
      Array.from({ length: 2000 }, (_, i) => BigInt(i)),
    );
    const bytes = readFileSync(path);
    // Overwrite the middle of the file (column chunks), leaving the footer at the end intact.
    bytes.fill(0xee, 16, Math.floor(bytes.length / 2));
    writeFileSync(path, bytes);
    expect(parquetFileFields(path).map((f) => [f.name, T.simpleString(f.type)])).toEqual([
      ["id", "bigint"],
      ["name", "string"],
      ["price", "decimal(15,2)"],
    ]);
    const source = lazyParquetSource({ format: "parquet", paths: [dir] }, "UTC");
    expect(source?.fields.map((f) => f.name)).toEqual(["id", "name", "price"]);
    expect(() => readParquetSplitSync(source as NonNullable<typeof source>, 0, [0])).toThrow();
  });

  it("decodes only the selected columns, in the asked order, with nulls kept", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sparkts-scan-"));
    writeFile(join(dir, "a.parquet"), [1n, null, 3n]);
    const source = lazyParquetSource({ format: "parquet", paths: [dir] }, "UTC");
    if (source === null) throw new Error("parquet is read lazily");
    const batch = await readParquetSplit(source, 0, [2, 0]);
    expect(batch.columns.map((c) => T.simpleString(c.type))).toEqual(["decimal(15,2)", "bigint"]);
    expect(rows(batch)).toEqual([
      [105n, 1n],
      [null, null],
      [305n, 3n],
    ]);
    expect(rows(readParquetSplitSync(source, 0, [2, 0]))).toEqual(rows(batch));
  });

  it("counts rows when no column is wanted, and fills partition columns and missing columns", async () => {
    const root = mkdtempSync(join(tmpdir(), "sparkts-scan-"));
    mkdirSync(join(root, "k=7"));
    mkdirSync(join(root, "k=8"));
    writeFile(join(root, "k=7", "a.parquet"), [1n, 2n]);
    writeFile(join(root, "k=8", "b.parquet"), [3n, 4n, 5n]);
    const source = lazyParquetSource(
      { format: "parquet", paths: [root], schema: "id BIGINT, extra STRING, k INT" },
      "UTC",
    );
    if (source === null) throw new Error("parquet is read lazily");
    expect(source.files.length).toBe(2);
    const counts = await Promise.all(source.files.map((_, i) => readParquetSplit(source, i, [])));
    expect(counts.map((b) => [b.numRows, b.columns.length])).toEqual([
      [2, 0],
      [3, 0],
    ]);
    const all = await Promise.all(source.files.map((_, i) => readParquetSplit(source, i, [0, 1, 2])));
    expect(all.flatMap(rows)).toEqual([
      [1n, null, 7],
      [2n, null, 7],
      [3n, null, 8],
      [4n, null, 8],
      [5n, null, 8],
    ]);
  });
});
