/**
 * schema_of_json: the type Spark's JSON schema inference gives a JSON literal, in SQL form
 * (`STRUCT<a: BIGINT, b: ARRAY<STRING>>`). Integers are BIGINT (DECIMAL(n,0) past the long range), fractions
 * DOUBLE, struct fields sorted by name; conflicting types meet at STRING, a value only ever NULL is STRING and
 * an empty object is left out.
 */
import { type ColumnVector, columnFromScalars } from "../columnar/column-vector.js";
import { dataTypeMismatch, notSupportedLocally } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { type JsonValue, readJson } from "./json-text.js";

type Inferred =
  | { readonly kind: "null" | "boolean" | "long" | "double" | "string" }
  | { readonly kind: "decimal"; readonly precision: number; readonly scale: number }
  | { readonly kind: "array"; readonly element: Inferred }
  | { readonly kind: "struct"; readonly fields: ReadonlyMap<string, Inferred> };

const LONG_MAX = 9223372036854775807n;

function infer(value: JsonValue): Inferred {
  switch (value.kind) {
    case "null":
    case "boolean":
    case "string":
      return { kind: value.kind };
    case "integer": {
      const n = BigInt(value.text);
      if (n <= LONG_MAX && n >= -LONG_MAX - 1n) return { kind: "long" };
      const digits = (n < 0n ? -n : n).toString().length;
      return digits <= 38 ? { kind: "decimal", precision: digits, scale: 0 } : { kind: "double" };
    }
    case "float":
      return { kind: "double" };
    case "array":
      return { kind: "array", element: value.items.map(infer).reduce(meet, { kind: "null" } as Inferred) };
    case "object": {
      const fields = new Map<string, Inferred>();
      for (const [key, v] of value.entries) {
        const seen = fields.get(key);
        fields.set(key, seen === undefined ? infer(v) : meet(seen, infer(v)));
      }
      return { kind: "struct", fields };
    }
  }
}

/** The type two inferred types widen to, as Spark's JSON inference merges them. */
function meet(a: Inferred, b: Inferred): Inferred {
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.kind === "array" && b.kind === "array") return { kind: "array", element: meet(a.element, b.element) };
  if (a.kind === "struct" && b.kind === "struct") {
    const fields = new Map(a.fields);
    for (const [k, v] of b.fields) {
      const seen = fields.get(k);
      fields.set(k, seen === undefined ? v : meet(seen, v));
    }
    return { kind: "struct", fields };
  }
  const numeric = (t: Inferred) => t.kind === "long" || t.kind === "double" || t.kind === "decimal";
  if (numeric(a) && numeric(b)) {
    if (a.kind === b.kind && a.kind !== "decimal") return a;
    if (a.kind === "double" || b.kind === "double") return { kind: "double" };
    const asDecimal = (t: Inferred) => (t.kind === "decimal" ? t : { precision: 20, scale: 0 });
    const [x, y] = [asDecimal(a), asDecimal(b)];
    const scale = Math.max(x.scale, y.scale);
    const precision = Math.max(x.precision - x.scale, y.precision - y.scale) + scale;
    return precision > 38 ? { kind: "double" } : { kind: "decimal", precision, scale };
  }
  if (a.kind === b.kind && (a.kind === "boolean" || a.kind === "string")) return a;
  return { kind: "string" };
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
      const fields = [...t.fields.keys()]
        .sort()
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
  const inferred = infer(value);
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
