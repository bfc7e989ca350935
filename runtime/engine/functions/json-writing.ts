/**
 * to_json: a struct, map or array value as JSON text, written as Spark's Jackson generator writes it: NULL struct
 * fields left out, doubles and floats as Java prints them (`1.0E10`, NaN as the string "NaN"), decimals as
 * BigDecimal.toString (`1.50`, `0E-10`), dates `yyyy-MM-dd`, timestamps `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the
 * session time zone, binary as base64.
 */
import {
  type ColumnVector,
  columnFromScalars,
  getScalar,
  type MapValue,
  type Scalar,
} from "../columnar/column-vector.js";
import { dataTypeMismatch, notSupportedLocally } from "../errors.js";
import { displayOf, javaDoubleString } from "../logical/expression-display.js";
import * as T from "../types/data-types.js";
import { arrayParts, mapParts, structFields } from "../types/nested-types.js";
import { floorDiv, formatDate, zoneOffsetSeconds } from "./datetime-format.js";
import { compilePattern, formatWithPattern } from "./datetime-pattern.js";
import { call, type ScalarFunction } from "./function-types.js";

const LOCAL_TIME = compilePattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

/** The pattern letters XXX: `Z` for UTC, else `+01:00` (seconds only when the offset has them). */
function offsetText(micros: bigint, timeZone: string): string {
  const offset = zoneOffsetSeconds(Number(floorDiv(micros, 1_000_000n)), timeZone);
  if (offset === 0) return "Z";
  const magnitude = Math.abs(offset);
  const two = (n: number) => String(n).padStart(2, "0");
  const seconds = magnitude % 60 === 0 ? "" : `:${two(magnitude % 60)}`;
  return `${offset < 0 ? "-" : "+"}${two(Math.floor(magnitude / 3600))}:${two(Math.floor(magnitude / 60) % 60)}${seconds}`;
}

/** java.math.BigDecimal#toString: plain unless the adjusted exponent is below -6 (or the scale negative). */
export function bigDecimalString(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString();
  const adjusted = digits.length - 1 - scale;
  let body: string;
  if (scale >= 0 && adjusted >= -6) {
    if (scale === 0) body = digits;
    else {
      const padded = digits.padStart(scale + 1, "0");
      body = `${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
    }
  } else {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${mantissa}E${adjusted >= 0 ? "+" : ""}${adjusted}`;
  }
  return negative ? `-${body}` : body;
}

/** Java's Float.toString: the shortest digits that read back as the same float. */
export function javaFloatString(value: number): string {
  if (!Number.isFinite(value) || value === 0) return javaDoubleString(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return javaDoubleString(candidate);
  }
  return javaDoubleString(value);
}

/** One value as the JSON text Spark's generator writes: to_json's output and the json file source's fields. */
export function writeJsonValue(value: Scalar, type: T.DataType, timeZone: string): string {
  if (value === null) return "null";
  switch (type.kind.case) {
    case "boolean":
      return value ? "true" : "false";
    case "byte":
    case "short":
    case "integer":
    case "long":
      return String(value);
    case "float":
    case "double": {
      const v = value as number;
      if (!Number.isFinite(v)) return `"${javaDoubleString(v)}"`;
      return type.kind.case === "float" ? javaFloatString(v) : javaDoubleString(v);
    }
    case "decimal":
      return bigDecimalString(value as bigint, T.decimalParts(type).scale);
    case "string":
      return JSON.stringify(value);
    case "binary":
      return JSON.stringify(Buffer.from(value as Uint8Array).toString("base64"));
    case "date":
      return JSON.stringify(formatDate(value as number));
    case "timestamp":
      return JSON.stringify(
        formatWithPattern(value as bigint, LOCAL_TIME, timeZone) + offsetText(value as bigint, timeZone),
      );
    case "timestampNtz":
      return JSON.stringify(formatWithPattern(value as bigint, LOCAL_TIME, "UTC"));
    case "array": {
      const { element } = arrayParts(type);
      return `[${(value as readonly Scalar[]).map((v) => writeJsonValue(v, element, timeZone)).join(",")}]`;
    }
    case "map": {
      const parts = mapParts(type);
      const map = value as MapValue;
      const entries = map.keys.map(
        (k, i) =>
          `${JSON.stringify(keyText(k, parts.key))}:${writeJsonValue(map.values[i] ?? null, parts.value, timeZone)}`,
      );
      return `{${entries.join(",")}}`;
    }
    case "struct": {
      const fields = structFields(type);
      const row = value as readonly Scalar[];
      const entries = fields
        .map((f, i) => [f, row[i] ?? null] as const)
        .filter(([, v]) => v !== null)
        .map(([f, v]) => `${JSON.stringify(f.name)}:${writeJsonValue(v, f.type, timeZone)}`);
      return `{${entries.join(",")}}`;
    }
    default:
      throw notSupportedLocally(`to_json of a ${T.simpleString(type)} value`);
  }
}

function keyText(key: Scalar, type: T.DataType): string {
  if (T.isString(type)) return key as string;
  if (T.isNumeric(type) || type.kind.case === "boolean") return writeJsonValue(key, type, "UTC");
  throw notSupportedLocally(`to_json of a map with ${T.simpleString(type)} keys`);
}

const toJson: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child, options] = args;
    const display = `to_json(${args.map(displayOf).join(", ")})`;
    if (child === undefined) throw notSupportedLocally("to_json() without an argument");
    if (options !== undefined) throw notSupportedLocally("to_json options");
    const kind = child.type.kind.case;
    if (kind !== "struct" && kind !== "map" && kind !== "array") {
      throw dataTypeMismatch("INVALID_JSON_SCHEMA", `"${display}"`, "to_json needs a struct, map or array.", {
        schema: T.sqlTypeName(child.type),
      });
    }
    return call("to_json", [child], T.STRING, display, ctx, true);
  },
  kernel: ([child], c, ctx) => {
    const column = child as ColumnVector;
    const out: Scalar[] = [];
    for (let row = 0; row < column.length; row++) {
      const value = getScalar(column, row);
      out.push(value === null ? null : writeJsonValue(value, column.type, ctx.timeZone));
    }
    return columnFromScalars(c.type, out);
  },
};

export const jsonWritingFunctions: Record<string, ScalarFunction> = { to_json: toJson };
