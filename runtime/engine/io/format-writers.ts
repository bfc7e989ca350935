/**
 * One batch → the bytes of one output file, per format: Parquet (parquet-wasm, snappy), CSV (Spark's quoting:
 * a value is quoted when it holds the separator, a quote, a newline, or is empty; quotes inside are escaped
 * with `\`), JSON Lines (NULL fields left out, as Spark's ignoreNullFields default), text (the one string column).
 */
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from "parquet-wasm";
import { AnalysisException } from "../../errors/index.js";
import { batchToArrowIpc, type FieldSpec } from "../columnar/arrow-io.js";
import type { Batch, ColumnVector } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import type { FileFormat } from "./data-source-reader.js";
import type { SourceOptions } from "./source-options.js";
import { textEncoder } from "./text-encoders.js";

export const FILE_EXTENSIONS: Record<FileFormat, string> = {
  parquet: ".snappy.parquet",
  csv: ".csv",
  json: ".json",
  text: ".txt",
};

function parquetBytes(batch: Batch, fields: readonly FieldSpec[], timeZone: string): Uint8Array {
  const ipc = batchToArrowIpc(batch, fields, timeZone);
  const properties = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  return writeParquet(WasmTable.fromIPCStream(ipc), properties);
}

function csvText(batch: Batch, fields: readonly FieldSpec[], options: SourceOptions, timeZone: string): string {
  const sep = options.char("sep", options.char("delimiter", ","));
  const quote = options.char("quote", '"');
  const escapeChar = options.char("escape", "\\");
  const nullValue = options.string("nullValue", "");
  const quoteAll = options.boolean("quoteAll", false);
  const needsQuotes = (text: string): boolean =>
    quoteAll ||
    text === "" ||
    text.includes(sep) ||
    text.includes(quote) ||
    /[\r\n]/.test(text) ||
    text.startsWith(" ") ||
    text.endsWith(" ");
  const field = (text: string | null): string => {
    if (text === null) return nullValue;
    if (!needsQuotes(text)) return text;
    return `${quote}${text.replaceAll(escapeChar, escapeChar + escapeChar).replaceAll(quote, escapeChar + quote)}${quote}`;
  };
  const encoders = batch.columns.map((c: ColumnVector) => textEncoder(c, timeZone, false));
  const lines: string[] = [];
  if (options.boolean("header", false)) lines.push(fields.map((f) => field(f.name)).join(sep));
  for (let r = 0; r < batch.numRows; r++) lines.push(encoders.map((e) => field(e(r))).join(sep));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function jsonText(batch: Batch, fields: readonly FieldSpec[], options: SourceOptions, timeZone: string): string {
  const keepNulls = !options.boolean("ignoreNullFields", true);
  const encoders = batch.columns.map((c) => textEncoder(c, timeZone, true));
  const keys = fields.map((f) => JSON.stringify(f.name));
  let out = "";
  for (let r = 0; r < batch.numRows; r++) {
    const parts: string[] = [];
    encoders.forEach((encode, c) => {
      const value = encode(r);
      if (value !== null || keepNulls) parts.push(`${keys[c]}:${value ?? "null"}`);
    });
    out += `{${parts.join(",")}}\n`;
  }
  return out;
}

function textLines(batch: Batch, fields: readonly FieldSpec[]): string {
  if (fields.length !== 1 || !T.isString(fields[0]?.type ?? T.NULL)) {
    throw new AnalysisException(
      `The text data source supports only a single string column, but the data has ${fields.length} column(s): ${fields.map((f) => `${f.name} ${T.simpleString(f.type)}`).join(", ")}.`,
    );
  }
  const encode = textEncoder(batch.columns[0] as ColumnVector, "UTC", false);
  let out = "";
  for (let r = 0; r < batch.numRows; r++) out += `${encode(r) ?? ""}\n`;
  return out;
}

export function encodeFile(
  format: FileFormat,
  batch: Batch,
  fields: readonly FieldSpec[],
  options: SourceOptions,
  timeZone: string,
): Uint8Array {
  switch (format) {
    case "parquet":
      return parquetBytes(batch, fields, timeZone);
    case "csv":
      return Buffer.from(csvText(batch, fields, options, timeZone), "utf8");
    case "json":
      return Buffer.from(jsonText(batch, fields, options, timeZone), "utf8");
    case "text":
      return Buffer.from(textLines(batch, fields), "utf8");
  }
}
