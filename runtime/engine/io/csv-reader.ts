/**
 * Spark's `csv` source for the embedded engine: tokenizes bytes (csv-tokenizer.ts), infers or applies the
 * schema, and builds one batch per split. Options follow Spark's names and defaults: sep `,`, quote `"`,
 * escape `\`, comment off, header false, inferSchema false, nullValue "", emptyValue "", multiLine false,
 * mode PERMISSIVE, columnNameOfCorruptRecord `_corrupt_record`, dateFormat/timestampFormat lenient ISO.
 */

import type { FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, type ColumnVector, columnFromScalars, takeBatch } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import {
  convertCsvColumn,
  fastPathFor,
  integerFromBytes,
  isoDateFromBytes,
  simpleDecimalFromBytes,
} from "./csv-columns.js";
import { type CellKind, type InferenceRules, inferCell, mergeKinds, typeOfKind } from "./csv-inference.js";
import { type CsvDialect, type CsvTokens, tokenizeCsv, unescapeField } from "./csv-tokenizer.js";
import { compilePattern, type DateTimeFormats } from "./datetime-patterns.js";
import { malformedRecord, type ParseMode, parseModeOf } from "./parse-mode.js";
import type { SourceOptions } from "./source-options.js";
import { decimalShape, textParserFor } from "./text-values.js";

export interface CsvSettings {
  readonly dialect: CsvDialect;
  readonly quoteChar: string;
  readonly escapeChar: string;
  readonly header: boolean;
  readonly inferSchema: boolean;
  readonly nullValue: string;
  readonly emptyValue: string;
  readonly mode: ParseMode;
  readonly corruptColumn: string;
  readonly formats: DateTimeFormats;
  readonly rules: InferenceRules;
  readonly ignoreLeadingWhiteSpace: boolean;
  readonly ignoreTrailingWhiteSpace: boolean;
}

const code = (c: string): number => (c === "" ? -1 : c.charCodeAt(0));

export function csvSettings(options: SourceOptions, timeZone: string): CsvSettings {
  const quoteChar = options.char("quote", '"');
  const escapeChar = options.char("escape", "\\");
  const pattern = (key: string) => {
    const value = options.get(key);
    return value === undefined ? null : compilePattern(value);
  };
  const formats: DateTimeFormats = {
    dateFormat: pattern("dateFormat"),
    timestampFormat: pattern("timestampFormat"),
    timestampNtzFormat: pattern("timestampNTZFormat"),
    timeZone: options.string("timeZone", timeZone),
  };
  return {
    dialect: {
      sep: code(options.char("sep", options.char("delimiter", ","))),
      quote: code(quoteChar),
      escape: code(escapeChar),
      comment: code(options.char("comment", "")),
      multiLine: options.boolean("multiLine", false),
    },
    quoteChar,
    escapeChar,
    header: options.boolean("header", false),
    inferSchema: options.boolean("inferSchema", false),
    nullValue: options.string("nullValue", ""),
    emptyValue: options.string("emptyValue", ""),
    mode: parseModeOf(options),
    corruptColumn: options.string("columnNameOfCorruptRecord", "_corrupt_record"),
    formats,
    rules: {
      prefersDecimal: options.boolean("prefersDecimal", false),
      // Spark 4.1 infers yyyy-MM-dd cells as DATE (checked against the server), so this defaults to true.
      inferDate: options.boolean("inferDate", true),
      formats,
      strictDateFormats: { ...formats, dateFormat: formats.dateFormat ?? compilePattern("yyyy-MM-dd") },
    },
    ignoreLeadingWhiteSpace: options.boolean("ignoreLeadingWhiteSpace", false),
    ignoreTrailingWhiteSpace: options.boolean("ignoreTrailingWhiteSpace", false),
  };
}

/** One tokenized split with a way to read field k as text (null = SQL NULL per nullValue). */
export class CsvSplit {
  readonly tokens: CsvTokens;
  private readonly latin1: string | null;
  private readonly buffer: Buffer;

  constructor(
    readonly bytes: Uint8Array,
    private readonly settings: CsvSettings,
    from: number,
    to: number,
    readonly skipHeader: boolean,
  ) {
    this.tokens = tokenizeCsv(bytes, settings.dialect, from, to);
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let ascii = true;
    for (let i = from; i < bytes.length && ascii; i++) if ((bytes[i] as number) > 0x7f) ascii = false;
    this.latin1 = ascii ? this.buffer.toString("latin1") : null;
  }

  get firstRecord(): number {
    return this.skipHeader && this.tokens.numRecords > 0 ? 1 : 0;
  }

  fieldCount(record: number): number {
    return (this.tokens.recordStarts[record + 1] as number) - (this.tokens.recordStarts[record] as number);
  }

  rawText(k: number): string {
    const start = this.tokens.starts[k] as number;
    const end = this.tokens.ends[k] as number;
    return this.latin1 === null ? this.buffer.toString("utf8", start, end) : this.latin1.slice(start, end);
  }

  /** Field `c` of `record`, unquoted; null for a missing field or one equal to nullValue. */
  text(record: number, c: number): string | null {
    if (c >= this.fieldCount(record)) return null;
    const k = (this.tokens.recordStarts[record] as number) + c;
    const flag = this.tokens.flags[k] as number;
    let text = this.rawText(k);
    if (flag === 2) text = unescapeField(text, this.settings.quoteChar, this.settings.escapeChar);
    if (flag === 0) {
      if (this.settings.ignoreLeadingWhiteSpace) text = text.trimStart();
      if (this.settings.ignoreTrailingWhiteSpace) text = text.trimEnd();
    }
    // Quoted or not, a field equal to nullValue is NULL (Spark reads `""` as NULL with the default nullValue).
    if (text === this.settings.nullValue) return null;
    return text === "" && flag !== 0 ? this.settings.emptyValue : text;
  }

  recordText(record: number): string {
    const start = this.tokens.recordOffsets[record] as number;
    const lastField = (this.tokens.recordStarts[record + 1] as number) - 1;
    let end = (this.tokens.ends[lastField] as number) ?? start;
    if (this.tokens.flags[lastField] !== 0) end++;
    return this.latin1 === null ? this.buffer.toString("utf8", start, end) : this.latin1.slice(start, end);
  }
}

/** Column names: the header's fields, else `_c0`, `_c1`, … (as many as the widest first record). */
export function csvColumnNames(split: CsvSplit, header: boolean): string[] {
  if (split.tokens.numRecords === 0) return [];
  const count = split.fieldCount(0);
  return Array.from({ length: count }, (_, c) => {
    const name = header ? split.text(0, c) : null;
    return name === null || name === "" ? `_c${c}` : name;
  });
}

/**
 * The kind of an unquoted plain number or ISO date read straight from the bytes, when that settles the cell
 * without a string; null sends the cell to the text rules.
 */
function quickKind(
  split: CsvSplit,
  record: number,
  c: number,
  current: CellKind,
  settings: CsvSettings,
): CellKind | null {
  if (c >= split.fieldCount(record) || settings.rules.prefersDecimal) return null;
  const k = (split.tokens.recordStarts[record] as number) + c;
  const start = split.tokens.starts[k] as number;
  const end = split.tokens.ends[k] as number;
  if (split.tokens.flags[k] !== 0 || end === start || settings.nullValue !== "") return null;
  const { bytes } = split;
  if (current === "null" || current === "int") {
    const v = integerFromBytes(bytes, start, end);
    if (v >= -2147483648 && v <= 2147483647) return current === "null" ? "int" : current;
  }
  if (current === "null" || current === "int" || current === "long" || current === "double") {
    const v = simpleDecimalFromBytes(bytes, start, end);
    if (!Number.isNaN(v)) return Number.isInteger(v) && bytes.indexOf(46, start) < 0 ? null : "double";
  }
  if ((current === "null" || current === "date") && settings.formats.dateFormat === null && settings.rules.inferDate) {
    if (!Number.isNaN(isoDateFromBytes(bytes, start, end))) return "date";
  }
  return null;
}

/** Infers each column's type over all splits (Spark reads the whole input for inferSchema). */
export function inferCsvTypes(splits: readonly CsvSplit[], width: number, settings: CsvSettings): T.DataType[] {
  const kinds = new Array<CellKind>(width).fill("null");
  const decimals = Array.from({ length: width }, () => ({ precision: 1, scale: 0 }));
  for (const split of splits) {
    for (let r = split.firstRecord; r < split.tokens.numRecords; r++) {
      for (let c = 0; c < width; c++) {
        const quick = quickKind(split, r, c, kinds[c] as CellKind, settings);
        if (quick !== null) {
          kinds[c] = quick;
          continue;
        }
        const text = split.text(r, c);
        if (text === null) continue;
        const kind = inferCell(kinds[c] as CellKind, text, settings.rules);
        kinds[c] = mergeKinds(kinds[c] as CellKind, kind);
        if (kinds[c] === "decimal") {
          const shape = decimalShape(text);
          const d = decimals[c] as { precision: number; scale: number };
          if (shape !== null) {
            const scale = Math.max(d.scale, shape.scale);
            const intDigits = Math.max(d.precision - d.scale, shape.precision - shape.scale);
            decimals[c] = { precision: Math.min(38, intDigits + scale), scale };
          }
        }
      }
    }
  }
  return kinds.map((k, c) => typeOfKind(k, decimals[c] as { precision: number; scale: number }));
}

/** Parses a split's records into a batch of `fields`; malformed records follow the parse mode. */
export function csvSplitToBatch(split: CsvSplit, fields: readonly FieldSpec[], settings: CsvSettings): Batch {
  const corruptIndex = fields.findIndex((f) => f.name === settings.corruptColumn && T.isString(f.type));
  const dataFields = fields.filter((_, i) => i !== corruptIndex);
  const first = split.firstRecord;
  const length = split.tokens.numRecords - first;
  const bad = new Uint8Array(length);
  for (let row = 0; row < length; row++) if (split.fieldCount(row + first) !== dataFields.length) bad[row] = 1;
  const patternFree = settings.formats.dateFormat === null;
  const converted = dataFields.map((f, c) =>
    convertCsvColumn(split, c, f, textParserFor(f.type, settings.formats), fastPathFor(f, patternFree), bad),
  );
  const firstBad = bad.indexOf(1);
  if (firstBad >= 0 && settings.mode === "FAILFAST") {
    throw malformedRecord(
      split.recordText(firstBad + first),
      "a field does not fit its type or the field count is wrong",
    );
  }
  const corrupt: ColumnVector | null =
    corruptIndex < 0
      ? null
      : columnFromScalars(
          T.STRING,
          Array.from(bad, (b, row) => (b === 1 ? split.recordText(row + first) : null)),
        );
  const columns: ColumnVector[] = [];
  let d = 0;
  for (let i = 0; i < fields.length; i++) {
    columns.push(i === corruptIndex && corrupt !== null ? corrupt : (converted[d++] as ColumnVector));
  }
  const batch: Batch = { columns, numRows: length };
  if (firstBad < 0 || settings.mode !== "DROPMALFORMED") return batch;
  const keep: number[] = [];
  for (let row = 0; row < length; row++) if (bad[row] === 0) keep.push(row);
  return takeBatch(batch, Int32Array.from(keep));
}
