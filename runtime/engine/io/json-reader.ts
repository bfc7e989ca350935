/**
 * Spark's `json` source for the embedded engine: JSON Lines (one object per line), or with multiLine one JSON
 * document per file (an object or an array of objects). Inference follows Spark: whole numbers are bigint,
 * other numbers double (decimal with prefersDecimal), fields are sorted by name, types merge across records
 * (numbers widen, anything else that disagrees becomes string), all-null fields become string, and unreadable
 * records add a `_corrupt_record` column in PERMISSIVE mode.
 */
import { UnsupportedOperationException } from "../../errors/index.js";
import type { FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, columnFromScalars, type Scalar } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { compilePattern, type DateTimeFormats } from "./datetime-patterns.js";
import { malformedRecord, type ParseMode, parseModeOf } from "./parse-mode.js";
import type { SourceOptions } from "./source-options.js";
import { decimalShape, textParserFor } from "./text-values.js";

export interface JsonSettings {
  readonly multiLine: boolean;
  readonly mode: ParseMode;
  readonly corruptColumn: string;
  readonly prefersDecimal: boolean;
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
    formats: {
      dateFormat: pattern("dateFormat"),
      timestampFormat: pattern("timestampFormat"),
      timestampNtzFormat: pattern("timestampNTZFormat"),
      timeZone: options.string("timeZone", timeZone),
    },
  };
}

/** A parsed record, or the raw text of one that is not a JSON object. */
export type JsonRecord = { readonly object: Record<string, unknown> } | { readonly corrupt: string };

export function jsonRecords(text: string, settings: JsonSettings): JsonRecord[] {
  const parseOne = (line: string): JsonRecord => {
    try {
      const value: unknown = JSON.parse(line);
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        return { object: value as Record<string, unknown> };
      }
    } catch {
      // falls through to the corrupt record below
    }
    return { corrupt: line };
  };
  if (settings.multiLine) {
    if (text.trim() === "") return [];
    try {
      const value: unknown = JSON.parse(text);
      const items = Array.isArray(value) ? value : [value];
      return items.map((item) =>
        item !== null && typeof item === "object" && !Array.isArray(item)
          ? { object: item as Record<string, unknown> }
          : { corrupt: JSON.stringify(item) },
      );
    } catch {
      return [{ corrupt: text }];
    }
  }
  const records: JsonRecord[] = [];
  for (const line of text.split(/\r?\n/)) if (line.trim() !== "") records.push(parseOne(line));
  return records;
}

type Inferred = { kind: "null" | "long" | "double" | "boolean" | "string" } | { kind: "decimal"; p: number; s: number };

function inferValue(value: unknown, settings: JsonSettings): Inferred {
  if (value === null) return { kind: "null" };
  if (typeof value === "boolean") return { kind: "boolean" };
  if (typeof value === "string") return { kind: "string" };
  if (typeof value === "number") {
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 63 && !String(value).includes("e")) return { kind: "long" };
    if (settings.prefersDecimal) {
      const shape = decimalShape(String(value));
      if (shape !== null) return { kind: "decimal", p: shape.precision, s: shape.scale };
    }
    return { kind: "double" };
  }
  throw new UnsupportedOperationException(
    `The local engine cannot read nested JSON values (arrays and objects) yet: ${JSON.stringify(value).slice(0, 60)}.`,
    {
      errorClass: "UNSUPPORTED_DATATYPE",
      messageParameters: { typeName: Array.isArray(value) ? '"ARRAY"' : '"STRUCT"' },
    },
  );
}

function merge(a: Inferred, b: Inferred): Inferred {
  if (b.kind === "null") return a;
  if (a.kind === "null" || a.kind === b.kind) {
    if (a.kind === "decimal" && b.kind === "decimal") {
      const s = Math.max(a.s, b.s);
      return { kind: "decimal", p: Math.min(38, Math.max(a.p - a.s, b.p - b.s) + s), s };
    }
    return b;
  }
  const numeric = (x: Inferred) => x.kind === "long" || x.kind === "double" || x.kind === "decimal";
  if (numeric(a) && numeric(b)) {
    if (a.kind === "double" || b.kind === "double") return { kind: "double" };
    const d = (a.kind === "decimal" ? a : b) as { kind: "decimal"; p: number; s: number };
    return merge(d, { kind: "decimal", p: 20, s: 0 });
  }
  return { kind: "string" };
}

function typeOf(inferred: Inferred): T.DataType {
  switch (inferred.kind) {
    case "long":
      return T.LONG;
    case "double":
      return T.DOUBLE;
    case "boolean":
      return T.BOOLEAN;
    case "decimal":
      return T.decimalType(inferred.p, inferred.s);
    default:
      return T.STRING;
  }
}

export function inferJsonFields(records: readonly JsonRecord[], settings: JsonSettings): FieldSpec[] {
  const kinds = new Map<string, Inferred>();
  let corrupt = false;
  for (const record of records) {
    if ("corrupt" in record) {
      corrupt = true;
      continue;
    }
    for (const [key, value] of Object.entries(record.object)) {
      kinds.set(key, merge(kinds.get(key) ?? { kind: "null" }, inferValue(value, settings)));
    }
  }
  if (corrupt && settings.mode === "PERMISSIVE") kinds.set(settings.corruptColumn, { kind: "string" });
  return [...kinds.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => ({ name, type: typeOf(kinds.get(name) ?? { kind: "string" }), nullable: true }));
}

function convert(value: unknown, type: T.DataType, settings: JsonSettings): Scalar | undefined {
  if (value === null || value === undefined) return null;
  switch (type.kind.case) {
    case "string":
      return typeof value === "string" ? value : JSON.stringify(value);
    case "boolean":
      return typeof value === "boolean" ? value : undefined;
    case "double":
    case "float":
      if (typeof value === "number") return type.kind.case === "float" ? Math.fround(value) : value;
      return typeof value === "string" && /^[+-]?(NaN|Infinity)$/.test(value) ? Number(value) : undefined;
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "decimal": {
      if (typeof value !== "number") return undefined;
      const parsed = textParserFor(type, settings.formats)(String(value));
      return parsed === null ? undefined : (parsed as Scalar);
    }
    default: {
      if (typeof value !== "string") return undefined;
      const parsed = textParserFor(type, settings.formats)(value);
      return parsed === null ? undefined : (parsed as Scalar);
    }
  }
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
      fields.forEach((field, c) => {
        if (c === corruptIndex) return;
        const value = convert(record.object[field.name], field.type, settings);
        if (value === undefined) bad ??= `field ${field.name} does not fit ${T.simpleString(field.type)}`;
        row[c] = value ?? null;
      });
    }
    const raw = "corrupt" in record ? record.corrupt : JSON.stringify(record.object);
    if (bad !== null && settings.mode === "FAILFAST") throw malformedRecord(raw, bad);
    if (bad !== null && settings.mode === "DROPMALFORMED") continue;
    if (corruptIndex >= 0) row[corruptIndex] = bad === null ? null : raw;
    for (let c = 0; c < row.length; c++) (values[c] as Scalar[]).push(row[c] ?? null);
  }
  const columns = fields.map((f, c) => columnFromScalars(f.type, values[c] as Scalar[]));
  return { columns, numRows: values[0]?.length ?? records.length };
}
