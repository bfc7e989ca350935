/**
 * Column-at-a-time conversion of tokenized CSV fields into engine columns. Integers, doubles and ISO dates are
 * parsed straight from the bytes of unquoted fields (no string per cell); anything unusual falls back to the
 * text parsers. Each row whose field does not parse is marked in `bad`, for the parse mode to act on.
 */

import type { FieldSpec } from "../columnar/arrow-io.js";
import { allocateData, type ColumnVector } from "../columnar/column-vector.js";
import type { CsvSplit } from "./csv-reader.js";
import type { TextParser } from "./text-values.js";
import { daysFromCivil } from "./value-parsers.js";

const ZERO = 48;
const MINUS = 45;
const DOT = 46;

/** An unquoted run of ASCII digits with an optional sign, as a number; NaN when the bytes are anything else. */
export function integerFromBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (bytes[i] === MINUS || bytes[i] === 43) {
    negative = bytes[i] === MINUS;
    i++;
  }
  if (i === end || end - i > 15) return Number.NaN;
  let value = 0;
  for (; i < end; i++) {
    const d = (bytes[i] as number) - ZERO;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return negative ? -value : value;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** `-?digits(.digits)?` with at most 15 significant digits, exactly as Number() would read it; else NaN. */
export function simpleDecimalFromBytes(bytes: Uint8Array, start: number, end: number): number {
  const dot = bytes.indexOf(DOT, start);
  if (dot < 0 || dot >= end) return integerFromBytes(bytes, start, end);
  const fraction = end - dot - 1;
  if (fraction === 0 || fraction > 15 || end - start > 16) return Number.NaN;
  const whole = integerFromBytes(bytes, start, dot);
  const part = integerFromBytes(bytes, dot + 1, end);
  if (Number.isNaN(whole) || Number.isNaN(part) || bytes[dot + 1] === MINUS || bytes[dot + 1] === 43) return Number.NaN;
  const negative = bytes[start] === MINUS;
  const scaled = Math.abs(whole) * (POW10[fraction] as number) + part;
  // Dividing an exact integer by an exact power of ten rounds once, the same as parsing the text.
  const value = scaled / (POW10[fraction] as number);
  return negative ? -value : value;
}

/** `yyyy-mm-dd` exactly; NaN otherwise. */
export function isoDateFromBytes(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 10 || bytes[start + 4] !== MINUS || bytes[start + 7] !== MINUS) return Number.NaN;
  const year = integerFromBytes(bytes, start, start + 4);
  const month = integerFromBytes(bytes, start + 5, start + 7);
  const day = integerFromBytes(bytes, start + 8, end);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31) || Number.isNaN(year)) return Number.NaN;
  const days = daysFromCivil(year, month, day);
  // Reject dates like 02-30 that would roll over into the next month.
  return day > 28 && daysFromCivil(year, month, 1) + day - 1 !== days ? Number.NaN : days;
}

export type ByteFastPath = (bytes: Uint8Array, start: number, end: number) => number;

export function fastPathFor(field: FieldSpec, patternFree: boolean): ByteFastPath | null {
  switch (field.type.kind.case) {
    case "integer":
      return (b, s, e) => {
        const v = integerFromBytes(b, s, e);
        return v >= -2147483648 && v <= 2147483647 ? v : Number.NaN;
      };
    case "double":
      return simpleDecimalFromBytes;
    case "date":
      return patternFree ? isoDateFromBytes : null;
    default:
      return null;
  }
}

export interface ConvertedColumn {
  readonly column: ColumnVector;
}

/** Converts column `c` of records [first, numRecords) into a vector; parse failures set `bad[row]`. */
export function convertCsvColumn(
  split: CsvSplit,
  c: number,
  field: FieldSpec,
  parse: TextParser,
  fast: ByteFastPath | null,
  bad: Uint8Array,
): ColumnVector {
  const { tokens, bytes } = split;
  const first = split.firstRecord;
  const length = tokens.numRecords - first;
  const data = allocateData(field.type, length) as unknown as unknown[];
  let validity: Uint8Array | null = null;
  const setNull = (row: number) => {
    validity ??= new Uint8Array(length).fill(1);
    validity[row] = 0;
  };
  const isBoolean = field.type.kind.case === "boolean";
  for (let row = 0; row < length; row++) {
    const record = row + first;
    if (fast !== null && c < split.fieldCount(record)) {
      const k = (tokens.recordStarts[record] as number) + c;
      if (tokens.flags[k] === 0) {
        const start = tokens.starts[k] as number;
        const end = tokens.ends[k] as number;
        if (end > start) {
          const value = fast(bytes, start, end);
          if (!Number.isNaN(value)) {
            data[row] = value;
            continue;
          }
        }
      }
    }
    const text = split.text(record, c);
    if (text === null) {
      setNull(row);
      continue;
    }
    const value = parse(text);
    if (value === null) {
      bad[row] = 1;
      setNull(row);
    } else data[row] = isBoolean ? (value ? 1 : 0) : value;
  }
  return { type: field.type, length, data: data as unknown as ColumnVector["data"], validity };
}
