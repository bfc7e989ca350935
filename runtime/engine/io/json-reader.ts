/**
 * Spark's `json` source for the embedded engine: JSON Lines (one object, or one array of objects, per line), or
 * with multiLine one JSON document per file. Records are parsed keeping the source text of numbers and nested
 * values (`functions/json-text.ts`), the schema is inferred by Spark's rules (`json-inference.ts`), and unreadable
 * records add a `_corrupt_record` column in PERMISSIVE mode.
 */
import type { FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, columnFromScalars, type Scalar } from "../columnar/column-vector.js";
import { type JsonObject, type JsonValue, readJsonDocument, sourceText } from "../functions/json-text.js";
import * as T from "../types/data-types.js";
import { compilePattern, type DateTimeFormats } from "./datetime-patterns.js";
import { malformedRecord, type ParseMode, parseModeOf } from "./parse-mode.js";
import type { SourceOptions } from "./source-options.js";
import { textParserFor } from "./text-values.js";

export { inferJsonFields } from "./json-inference.js";

export interface JsonSettings {
  readonly multiLine: boolean;
  readonly mode: ParseMode;
  readonly corruptColumn: string;
  readonly prefersDecimal: boolean;
  readonly primitivesAsString: boolean;
  readonly formats: DateTimeFormats;
}

export function jsonSettings(options: SourceOptions, timeZone: string): JsonSettings {
  const pattern = (key: string) => {
    const value = options.get(key);
    return value === undefined ? null : compilePattern(value);
  };
  return {
    multiLine: options.boolean("multiLine", false),
    mode: parseModeOf(options),
    corruptColumn: options.string("columnNameOfCorruptRecord", "_corrupt_record"),
    prefersDecimal: options.boolean("prefersDecimal", false),
    primitivesAsString: options.boolean("primitivesAsString", false),
    formats: {
      dateFormat: pattern("dateFormat"),
      timestampFormat: pattern("timestampFormat"),
      timestampNtzFormat: pattern("timestampNTZFormat"),
      timeZone: options.string("timeZone", timeZone),
    },
  };
}

/** A parsed record, or the raw text of one that is not a JSON object. */
export type JsonRecord = { readonly object: JsonObject } | { readonly corrupt: string };

const isObject = (value: JsonValue): value is JsonObject => value.kind === "object";

/** The records of one document: an object, or an array of objects (an empty array has none). */
function documentRecords(text: string): JsonRecord[] {
  const value = readJsonDocument(text, { singleQuotes: true });
  if (value?.kind === "object") return [{ object: value }];
  if (value?.kind === "array" && value.items.every(isObject)) return value.items.map((object) => ({ object }));
  return [{ corrupt: text }];
}

export function jsonRecords(text: string, settings: JsonSettings): JsonRecord[] {
  if (settings.multiLine) return text.trim() === "" ? [] : documentRecords(text);
  const records: JsonRecord[] = [];
  for (const line of text.split(/\r?\n/)) if (line.trim() !== "") records.push(...documentRecords(line));
  return records;
}

/** The types Spark's JSON parser reads from a JSON string (numbers and booleans want their own tokens). */
const READ_FROM_STRINGS = new Set<T.DataType["kind"]["case"]>([
  "string",
  "decimal",
  "date",
  "timestamp",
  "timestampNtz",
]);

/** A value as a column of `type` holds it; undefined when it does not fit, which makes the record malformed. */
function convert(value: JsonValue | undefined, type: T.DataType, settings: JsonSettings): Scalar | undefined {
  if (value === undefined || value.kind === "null") return null;
  if (value.kind === "string") {
    const text = value.value;
    if (type.kind.case === "double" || type.kind.case === "float") {
      if (!/^[+-]?(NaN|Infinity)$/.test(text)) return undefined;
      return type.kind.case === "float" ? Math.fround(Number(text)) : Number(text);
    }
    if (!READ_FROM_STRINGS.has(type.kind.case)) return undefined;
    const parsed = textParserFor(type, settings.formats)(text);
    return parsed === null ? undefined : (parsed as Scalar);
  }
  switch (type.kind.case) {
    case "string":
      return sourceText(value);
    case "boolean":
      return value.kind === "boolean" ? value.value : undefined;
    case "array": {
      const element = type.kind.value.elementType;
      if (value.kind !== "array" || element === undefined) return undefined;
      const items: Scalar[] = [];
      for (const item of value.items) {
        const converted = convert(item, element, settings);
        if (converted === undefined) return undefined;
        items.push(converted);
      }
      return items;
    }
    case "struct": {
      if (value.kind !== "object") return undefined;
      const fields: Scalar[] = [];
      for (const field of type.kind.value.fields) {
        if (field.dataType === undefined) return undefined;
        const converted = convert(entryOf(value, field.name), field.dataType, settings);
        if (converted === undefined) return undefined;
        fields.push(converted);
      }
      return fields;
    }
    case "map": {
      const valueType = type.kind.value.valueType;
      if (value.kind !== "object" || valueType === undefined) return undefined;
      const keys: Scalar[] = [];
      const values: Scalar[] = [];
      for (const [key, item] of value.entries) {
        const converted = convert(item, valueType, settings);
        if (converted === undefined) return undefined;
        keys.push(key);
        values.push(converted);
      }
      return { keys, values };
    }
    case "double":
    case "float":
    case "decimal":
      if (value.kind !== "integer" && value.kind !== "float") return undefined;
      return parsedNumber(value.text, type, settings);
    case "byte":
    case "short":
    case "integer":
    case "long":
      // Spark reads a fractional literal into an integral column as a malformed value, not a truncated one.
      return value.kind === "integer" ? parsedNumber(value.text, type, settings) : undefined;
    default:
      return undefined;
  }
}

function parsedNumber(text: string, type: T.DataType, settings: JsonSettings): Scalar | undefined {
  const parsed = textParserFor(type, settings.formats)(text);
  return parsed === null ? undefined : (parsed as Scalar);
}

/** The value of a name in an object; the last of repeated names wins, as in Spark. */
function entryOf(object: JsonObject, name: string): JsonValue | undefined {
  let found: JsonValue | undefined;
  for (const [key, value] of object.entries) if (key === name) found = value;
  return found;
}

export function jsonRecordsToBatch(
  records: readonly JsonRecord[],
  fields: readonly FieldSpec[],
  settings: JsonSettings,
): Batch {
  const values: Scalar[][] = fields.map(() => []);
  const corruptIndex = fields.findIndex((f) => f.name === settings.corruptColumn);
  for (const record of records) {
    const row: Scalar[] = new Array(fields.length).fill(null);
    let bad: string | null = null;
    if ("corrupt" in record) bad = "not a JSON object";
    else {
      // A Map, so a wide record costs one lookup per field (later repeats of a name win, as in Spark).
      const entries = new Map(record.object.entries);
      fields.forEach((field, c) => {
        if (c === corruptIndex) return;
        const value = convert(entries.get(field.name), field.type, settings);
        if (value === undefined) bad ??= `field ${field.name} does not fit ${T.simpleString(field.type)}`;
        row[c] = value ?? null;
      });
    }
    const raw = "corrupt" in record ? record.corrupt : record.object.text;
    if (bad !== null && settings.mode === "FAILFAST") throw malformedRecord(raw, bad);
    if (bad !== null && settings.mode === "DROPMALFORMED") continue;
    if (corruptIndex >= 0) row[corruptIndex] = bad === null ? null : raw;
    for (let c = 0; c < row.length; c++) (values[c] as Scalar[]).push(row[c] ?? null);
  }
  const columns = fields.map((f, c) => columnFromScalars(f.type, values[c] as Scalar[]));
  return { columns, numRows: values[0]?.length ?? records.length };
}
