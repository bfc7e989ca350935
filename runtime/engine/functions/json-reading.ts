/**
 * from_json(json, schema): JSON text into a struct (or array, or map) of the given DDL / JSON schema, in Spark's
 * default PERMISSIVE mode: a value that does not fit its field's type makes that field NULL and keeps the
 * others; text that is not JSON, or not the schema's shape, gives a struct of NULLs; a NULL input gives NULL.
 */
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { dataTypeMismatch, notSupportedLocally } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import * as T from "../types/data-types.js";
import { arrayParts, mapParts, structFields } from "../types/nested-types.js";
import { parseTypeString } from "../types/schema-strings.js";
import { parseDecimalText } from "./cast-kernel.js";
import { parseDate, parseTimestamp } from "./datetime-format.js";
import { call, type ScalarFunction } from "./function-types.js";
import { type JsonValue, readJson, writeJson } from "./json-text.js";

/** Marks a value that does not convert to its type (the field becomes NULL). */
const MISMATCH = Symbol("mismatch");
type Converted = Scalar | typeof MISMATCH;

const INT_RANGE: Record<string, [bigint, bigint]> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

function convert(value: JsonValue, type: T.DataType, timeZone: string): Converted {
  if (value.kind === "null") return null;
  const kind = type.kind.case;
  switch (kind) {
    case "string":
      return value.kind === "string" ? value.value : writeJson(value);
    case "boolean":
      return value.kind === "boolean" ? value.value : MISMATCH;
    case "byte":
    case "short":
    case "integer":
    case "long": {
      if (value.kind !== "integer") return MISMATCH;
      const n = BigInt(value.text);
      const [min, max] = INT_RANGE[kind] as [bigint, bigint];
      if (n < min || n > max) return MISMATCH;
      return kind === "long" ? n : Number(n);
    }
    case "float":
    case "double": {
      let v: number;
      if (value.kind === "integer" || value.kind === "float") v = Number(value.text);
      else if (value.kind === "string" && ["NaN", "Infinity", "-Infinity"].includes(value.value))
        v = Number(value.value);
      else return MISMATCH;
      return kind === "float" ? Math.fround(v) : v;
    }
    case "decimal": {
      if (value.kind !== "integer" && value.kind !== "float") return MISMATCH;
      const { precision, scale } = T.decimalParts(type);
      const unscaled = parseDecimalText(value.text, scale);
      if (unscaled === null || (unscaled < 0n ? -unscaled : unscaled) >= 10n ** BigInt(precision)) return MISMATCH;
      return unscaled;
    }
    case "date":
      return value.kind === "string" ? (parseDate(value.value) ?? MISMATCH) : MISMATCH;
    case "timestamp":
      return value.kind === "string" ? (parseTimestamp(value.value, timeZone) ?? MISMATCH) : MISMATCH;
    case "array": {
      if (value.kind !== "array") return MISMATCH;
      const { element } = arrayParts(type);
      const items = value.items.map((v) => convert(v, element, timeZone));
      return items.includes(MISMATCH) ? MISMATCH : (items as Scalar[]);
    }
    case "map": {
      if (value.kind !== "object") return MISMATCH;
      const parts = mapParts(type);
      if (!T.isString(parts.key))
        throw notSupportedLocally(`from_json into a map with ${T.simpleString(parts.key)} keys`);
      const values = value.entries.map(([, v]) => convert(v, parts.value, timeZone));
      if (values.includes(MISMATCH)) return MISMATCH;
      return { keys: value.entries.map(([k]) => k), values: values as Scalar[] };
    }
    case "struct":
      return value.kind === "object" ? structFrom(value, type, timeZone) : MISMATCH;
    default:
      throw notSupportedLocally(`from_json into ${T.simpleString(type)}`);
  }
}

/** A struct's fields from a JSON object: the last entry of a name wins; unknown names are ignored. */
function structFrom(value: JsonValue & { kind: "object" }, type: T.DataType, timeZone: string): Scalar[] {
  return structFields(type).map((field) => {
    let found: JsonValue | undefined;
    for (const [key, v] of value.entries) if (key === field.name) found = v;
    if (found === undefined) return null;
    const converted = convert(found, field.type, timeZone);
    return converted === MISMATCH ? null : converted;
  });
}

function parseRow(text: string, type: T.DataType, timeZone: string): Scalar {
  const value = readJson(text);
  const allNull = () => structFields(type).map(() => null);
  if (type.kind.case === "struct") return value?.kind === "object" ? structFrom(value, type, timeZone) : allNull();
  if (value === null) return null;
  const converted = convert(value, type, timeZone);
  return converted === MISMATCH ? null : converted;
}

const fromJson: ScalarFunction = {
  resolve: (args, ctx) => {
    const [json, schema, options] = args;
    const display = `from_json(${json === undefined ? "" : displayOf(json)})`;
    if (json === undefined || schema === undefined) throw notSupportedLocally("from_json without a schema");
    if (options !== undefined) throw notSupportedLocally("from_json options");
    if (schema.kind !== "literal" || typeof schema.value !== "string") {
      throw dataTypeMismatch("NON_FOLDABLE_INPUT", `"${display}"`, "the schema must be a STRING literal.", {
        inputName: "`schema`",
        inputType: '"STRING"',
        inputExpr: `"${displayOf(schema)}"`,
      });
    }
    const type = parseTypeString(schema.value);
    const input = T.isString(json.type) ? json : implicitCast(json, T.STRING);
    return call("from_json", [input, { ...schema, type: T.STRING }], type, display, ctx, true);
  },
  kernel: ([json], c, ctx) => {
    const column = json as ColumnVector;
    const out: Scalar[] = [];
    for (let row = 0; row < column.length; row++) {
      const text = getScalar(column, row);
      out.push(text === null ? null : parseRow(text as string, c.type, ctx.timeZone));
    }
    return columnFromScalars(c.type, out);
  },
};

export const jsonReadingFunctions: Record<string, ScalarFunction> = { from_json: fromJson };
