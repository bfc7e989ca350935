/**
 * Spark's JSON schema inference, shared by the `json` file source, and schema_of_json: the type it gives a JSON
 * literal, in SQL form (`STRUCT<a: BIGINT, b: ARRAY<STRING>>`). Integers are BIGINT (DECIMAL(n,0) past the long range), fractions
 * DOUBLE, struct fields sorted by name; conflicting types meet at STRING, a value only ever NULL is STRING and
 * an empty object is left out.
 */

import { AnalysisException } from "../../errors/index.js";
import { type ColumnVector, columnFromScalars } from "../columnar/column-vector.js";
import { dataTypeMismatch, notSupportedLocally, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { type JsonValue, readJson } from "./json-text.js";

export type Inferred =
  | { readonly kind: "null" | "boolean" | "long" | "double" | "string" }
  | { readonly kind: "decimal"; readonly precision: number; readonly scale: number }
  | { readonly kind: "array"; readonly element: Inferred }
  | { readonly kind: "struct"; readonly fields: ReadonlyMap<string, Inferred> };

/** The options of Spark's JSON inference that change the types it gives. */
export interface JsonInferenceOptions {
  /** Fractional numbers as exact decimals rather than doubles. */
  readonly prefersDecimal?: boolean;
  /** Every number and boolean as a string. */
  readonly primitivesAsString?: boolean;
}

const NULL: Inferred = { kind: "null" };
const STRING: Inferred = { kind: "string" };
const MAX_PRECISION = 38;
const LONG_MAX = 9223372036854775807n;

/** The type Spark's JSON inference gives one value. */
export function inferJson(value: JsonValue, options: JsonInferenceOptions = {}): Inferred {
  switch (value.kind) {
    case "null":
    case "string":
      return { kind: value.kind };
    case "boolean":
      return options.primitivesAsString ? STRING : { kind: value.kind };
    case "integer": {
      if (options.primitivesAsString) return STRING;
      const n = BigInt(value.text);
      if (n <= LONG_MAX && n >= -LONG_MAX - 1n) return { kind: "long" };
      return decimalOrDouble((n < 0n ? -n : n).toString().length, 0);
    }
    case "float":
      if (options.primitivesAsString) return STRING;
      return options.prefersDecimal ? inferDecimal(value.text) : { kind: "double" };
    case "array":
      return { kind: "array", element: value.items.reduce((t, v) => mergeInferred(t, inferJson(v, options)), NULL) };
    case "object": {
      const fields = new Map<string, Inferred>();
      for (const [key, v] of value.entries)
        fields.set(key, mergeInferred(fields.get(key) ?? NULL, inferJson(v, options)));
      return { kind: "struct", fields };
    }
  }
}

/** A fractional literal as Java's BigDecimal reads it: precision of the unscaled digits, scale from the point. */
function inferDecimal(text: string): Inferred {
  const [mantissa = "", exponent = "0"] = text.replace("-", "").split(/[eE]/);
  const [whole = "", fraction = ""] = mantissa.split(".");
  const scale = fraction.length - Number(exponent);
  if (scale < 0) {
    throw sparkError(
      AnalysisException,
      "NEGATIVE_SCALE_DISALLOWED",
      "0A000",
      `Negative scale is not allowed: '${scale}'.`,
      {
        scale: `'${scale}'`,
        config: '"spark.sql.legacy.allowNegativeScaleOfDecimal"',
      },
    );
  }
  const precision = Math.max(1, `${whole}${fraction}`.replace(/^0+/, "").length);
  return decimalOrDouble(Math.max(precision, scale), scale);
}

function decimalOrDouble(precision: number, scale: number): Inferred {
  return precision <= MAX_PRECISION ? { kind: "decimal", precision, scale } : { kind: "double" };
}

/** The type two inferred types widen to, as Spark's JSON inference merges them. */
export function mergeInferred(a: Inferred, b: Inferred): Inferred {
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.kind === "array" && b.kind === "array") return { kind: "array", element: mergeInferred(a.element, b.element) };
  if (a.kind === "struct" && b.kind === "struct") {
    const fields = new Map(a.fields);
    for (const [k, v] of b.fields) fields.set(k, mergeInferred(fields.get(k) ?? NULL, v));
    return { kind: "struct", fields };
  }
  const numeric = (t: Inferred) => t.kind === "long" || t.kind === "double" || t.kind === "decimal";
  if (numeric(a) && numeric(b)) {
    if (a.kind === b.kind && a.kind !== "decimal") return a;
    if (a.kind === "double" || b.kind === "double") return { kind: "double" };
    // A long meets a decimal as decimal(20,0).
    const asDecimal = (t: Inferred) => (t.kind === "decimal" ? t : { precision: 20, scale: 0 });
    const [x, y] = [asDecimal(a), asDecimal(b)];
    const scale = Math.max(x.scale, y.scale);
    const precision = Math.max(x.precision - x.scale, y.precision - y.scale) + scale;
    return precision > MAX_PRECISION ? { kind: "double" } : { kind: "decimal", precision, scale };
  }
  if (a.kind === b.kind && (a.kind === "boolean" || a.kind === "string")) return a;
  return STRING;
}

/** Struct fields in Spark's order (sorted by name), without the empty name Spark ignores. */
export function sortedFieldNames(fields: ReadonlyMap<string, Inferred>): string[] {
  return [...fields.keys()].filter((name) => name !== "").sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const quoteIfNeeded = (name: string) =>
  /^[A-Za-z0-9_]+$/.test(name) && !/^\d+$/.test(name) ? name : `\`${name.replaceAll("`", "``")}\``;

/** SQL text of the canonical type: NULL becomes STRING, empty structs disappear (undefined). */
function sqlOf(t: Inferred): string | undefined {
  switch (t.kind) {
    case "null":
    case "string":
      return "STRING";
    case "boolean":
      return "BOOLEAN";
    case "long":
      return "BIGINT";
    case "double":
      return "DOUBLE";
    case "decimal":
      return `DECIMAL(${t.precision},${t.scale})`;
    case "array": {
      const element = sqlOf(t.element);
      return element === undefined ? undefined : `ARRAY<${element}>`;
    }
    case "struct": {
      const fields = sortedFieldNames(t.fields)
        .map((k) => [k, sqlOf(t.fields.get(k) as Inferred)] as const)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${quoteIfNeeded(k)}: ${v}`);
      return fields.length === 0 ? undefined : `STRUCT<${fields.join(", ")}>`;
    }
  }
}

export function schemaOfJson(text: string): string | null {
  const value = readJson(text);
  if (value === null) return null;
  const inferred = inferJson(value);
  return sqlOf(inferred) ?? (inferred.kind === "struct" ? "STRUCT<>" : "STRING");
}

const schemaOfJsonFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [json, options] = args;
    const display = `schema_of_json(${args.map(displayOf).join(", ")})`;
    if (options !== undefined) throw notSupportedLocally("schema_of_json options");
    if (json === undefined || json.kind !== "literal" || !T.isString(json.type)) {
      throw dataTypeMismatch("NON_FOLDABLE_INPUT", `"${display}"`, "the input `json` must be a STRING literal.", {
        inputName: "`json`",
        inputType: '"STRING"',
        inputExpr: `"${json === undefined ? "" : displayOf(json)}"`,
      });
    }
    return call("schema_of_json", [json], T.STRING, display, ctx, false);
  },
  kernel: ([json], c) => {
    const column = json as ColumnVector;
    const text = column.length === 0 ? null : ((column.data as string[])[0] ?? null);
    const schema = text === null ? null : schemaOfJson(text);
    return columnFromScalars(c.type, new Array(column.length).fill(schema));
  },
};

export const jsonSchemaFunctions: Record<string, ScalarFunction> = { schema_of_json: schemaOfJsonFunction };
