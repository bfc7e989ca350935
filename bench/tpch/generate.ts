/**
 * Writes TPC-H-shaped data as Parquet: `npx tsx bench/tpch/generate.ts [scaleFactor=0.1] [seed]` →
 * `bench/data/sf<scale>/<table>/part-0000N.parquet` (large tables split into files of at most 1 M rows, so a
 * scan has several splits).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Table, tableToIPC } from "apache-arrow";
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from "parquet-wasm";
import { generateTables } from "./tables.js";

const ROWS_PER_FILE = 1_000_000;
const here = dirname(fileURLToPath(import.meta.url));

export const dataDir = (sf: number): string => join(here, "..", "data", `sf${sf}`);

function writeTable(dir: string, table: Table): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const properties = () => new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  for (let start = 0, file = 0; start < Math.max(1, table.numRows); start += ROWS_PER_FILE, file++) {
    const slice = table.slice(start, Math.min(table.numRows, start + ROWS_PER_FILE));
    const bytes = writeParquet(WasmTable.fromIPCStream(tableToIPC(slice, "stream")), properties());
    writeFileSync(join(dir, `part-${String(file).padStart(5, "0")}.parquet`), bytes);
  }
}

export function generate(sf: number, seed?: number): string {
  const out = dataDir(sf);
  const started = performance.now();
  const tables = generateTables(sf, seed);
  for (const [name, table] of Object.entries(tables)) writeTable(join(out, name), table);
  const rows = Object.entries(tables)
    .map(([n, t]) => `${n}=${t.numRows}`)
    .join(" ");
  console.log(`sf${sf}: ${rows} in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sf = Number(process.argv[2] ?? "0.1");
  if (!(sf > 0)) throw new Error(`the scale factor must be a positive number, not ${process.argv[2]}`);
  generate(sf, process.argv[3] === undefined ? undefined : Number(process.argv[3]));
}
