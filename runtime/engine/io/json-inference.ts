/**
 * Schema inference of the `json` source, by Spark's rules: whole numbers are bigint (decimal beyond a long's
 * range), other numbers double (decimal with prefersDecimal), objects structs with their fields sorted by name,
 * arrays arrays of their merged element type. Types merge across records: numbers widen, structs merge field by
 * field, arrays by element, and anything else that disagrees becomes string. Finally fields that were only ever
 * null become string, and structs left without fields disappear.
 */
import { AnalysisException } from "../../errors/index.js";
import type { FieldSpec } from "../columnar/arrow-io.js";
import { sparkError } from "../errors.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import type { JsonRecord, JsonSettings } from "./json-reader.js";
import type { JsonNumber, JsonValue } from "./json-values.js";

type Inferred =
  | { readonly kind: "null" | "long" | "double" | "boolean" | "string" }
  | { readonly kind: "decimal"; readonly p: number; readonly s: number }
  | { readonly kind: "array"; readonly element: Inferred }
  | { readonly kind: "struct"; readonly fields: ReadonlyMap<string, Inferred> };

type Decimal = Extract<Inferred, { kind: "decimal" }>;

const NULL: Inferred = { kind: "null" };
const STRING: Inferred = { kind: "string" };
const MAX_PRECISION = 38;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

export function inferJsonFields(records: readonly JsonRecord[], settings: JsonSettings): FieldSpec[] {
  let root: Inferred = { kind: "struct", fields: new Map() };
  let corrupt = false;
  for (const record of records) {
    if ("corrupt" in record) corrupt = true;
    else root = merge(root, inferValue(record.object, settings));
  }
  const fields = root.kind === "struct" ? structFields(root) : [];
  if (corrupt && settings.mode === "PERMISSIVE" && !fields.some((f) => f.name === settings.corruptColumn)) {
    fields.push({ name: settings.corruptColumn, type: T.STRING, nullable: true });
    fields.sort((a, b) => compareNames(a.name, b.name));
  }
  return fields;
}

function inferValue(value: JsonValue, settings: JsonSettings): Inferred {
  if (value === null) return NULL;
  if (typeof value === "string") return STRING;
  if (typeof value === "boolean") return settings.primitivesAsString ? STRING : { kind: "boolean" };
  switch (value.kind) {
    case "number":
      return settings.primitivesAsString ? STRING : inferNumber(value, settings.prefersDecimal);
    case "array": {
      let element = NULL;
      for (const item of value.items) element = merge(element, inferValue(item, settings));
      return { kind: "array", element };
    }
    case "object": {
      const fields = new Map<string, Inferred>();
      for (const [name, field] of value.fields) fields.set(name, inferValue(field, settings));
      return { kind: "struct", fields };
    }
  }
}

function inferNumber(number: JsonNumber, prefersDecimal: boolean): Inferred {
  if (!number.fractional) {
    const whole = BigInt(number.text);
    if (whole >= LONG_MIN && whole <= LONG_MAX) return { kind: "long" };
    return decimalOrDouble(number.text.replace("-", "").length, 0);
  }
  if (!prefersDecimal) return { kind: "double" };
  const [mantissa = "", exponent = "0"] = number.text.replace("-", "").split(/[eE]/);
  const [whole = "", fraction = ""] = mantissa.split(".");
  const scale = fraction.length - Number(exponent);
  if (scale < 0) {
    throw sparkError(
      AnalysisException,
      "NEGATIVE_SCALE_DISALLOWED",
      "0A000",
      `Negative scale is not allowed: '${scale}'.`,
      { scale: `'${scale}'`, config: '"spark.sql.legacy.allowNegativeScaleOfDecimal"' },
    );
  }
  // Java's BigDecimal precision: the digits of the unscaled value, leading zeros dropped.
  const precision = Math.max(1, `${whole}${fraction}`.replace(/^0+/, "").length);
  return decimalOrDouble(Math.max(precision, scale), scale);
}

function decimalOrDouble(precision: number, scale: number): Inferred {
  return precision <= MAX_PRECISION ? { kind: "decimal", p: precision, s: scale } : { kind: "double" };
}

const isNumber = (x: Inferred): boolean => x.kind === "long" || x.kind === "double" || x.kind === "decimal";

function merge(a: Inferred, b: Inferred): Inferred {
  if (b.kind === "null") return a;
  if (a.kind === "null") return b;
  if (a.kind === "decimal" && b.kind === "decimal") {
    const s = Math.max(a.s, b.s);
    const range = Math.max(a.p - a.s, b.p - b.s);
    return range + s > MAX_PRECISION ? { kind: "double" } : { kind: "decimal", p: range + s, s };
  }
  if (a.kind === "struct" && b.kind === "struct") {
    const fields = new Map(a.fields);
    for (const [name, type] of b.fields) fields.set(name, merge(fields.get(name) ?? NULL, type));
    return { kind: "struct", fields };
  }
  if (a.kind === "array" && b.kind === "array") return { kind: "array", element: merge(a.element, b.element) };
  if (a.kind === b.kind) return a;
  if (isNumber(a) && isNumber(b)) {
    if (a.kind === "double" || b.kind === "double") return { kind: "double" };
    // A long meets a decimal: the long counts as decimal(20,0).
    const long: Decimal = { kind: "decimal", p: 20, s: 0 };
    return merge(a.kind === "decimal" ? a : long, b.kind === "decimal" ? b : long);
  }
  return STRING;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function structFields(struct: Extract<Inferred, { kind: "struct" }>): FieldSpec[] {
  const fields: FieldSpec[] = [];
  for (const name of [...struct.fields.keys()].sort(compareNames)) {
    if (name === "") continue;
    const type = canonical(struct.fields.get(name) ?? NULL);
    if (type !== undefined) fields.push({ name, type, nullable: true });
  }
  return fields;
}

/** The Spark type of an inferred one; undefined for a struct that ends up with no fields (Spark drops it). */
function canonical(inferred: Inferred): T.DataType | undefined {
  switch (inferred.kind) {
    case "long":
      return T.LONG;
    case "double":
      return T.DOUBLE;
    case "boolean":
      return T.BOOLEAN;
    case "decimal":
      return T.decimalType(inferred.p, inferred.s);
    case "array": {
      const element = canonical(inferred.element);
      return element === undefined ? undefined : arrayType(element, true);
    }
    case "struct": {
      const fields = structFields(inferred);
      return fields.length === 0 ? undefined : T.structType(fields);
    }
    default:
      return T.STRING;
  }
}
