/**
 * Per-column encoders for the text writers (CSV, JSON): each turns row i of a column into its text, or null
 * for SQL NULL. JSON asks for JSON literals (quoted strings, bare numbers), CSV for raw text.
 */
import { type ColumnVector, getScalar } from "../columnar/column-vector.js";
import { notSupportedLocally } from "../errors.js";
import { writeJsonValue } from "../functions/json-writing.js";
import * as T from "../types/data-types.js";
import {
  formatDate,
  formatDecimal,
  formatTimestamp,
  formatTimestampNtz,
  javaDouble,
  javaFloat,
} from "./value-format.js";

export type CellEncoder = (row: number) => string | null;

export function textEncoder(column: ColumnVector, timeZone: string, json: boolean): CellEncoder {
  const { validity, type } = column;
  const data = column.data as ArrayLike<unknown>;
  const quote = (text: string): string => (json ? JSON.stringify(text) : text);
  const valid = (row: number): boolean => validity === null || validity[row] === 1;
  let encode: (value: unknown) => string;
  switch (type.kind.case) {
    case "string":
      encode = (v) => quote(v as string);
      break;
    case "boolean":
      encode = (v) => (v === 1 ? "true" : "false");
      break;
    case "double":
      encode = (v) => {
        const d = v as number;
        return json && !Number.isFinite(d) ? JSON.stringify(javaDouble(d)) : javaDouble(d);
      };
      break;
    case "float":
      encode = (v) => {
        const d = v as number;
        return json && !Number.isFinite(d) ? JSON.stringify(javaFloat(d)) : javaFloat(d);
      };
      break;
    case "decimal": {
      const { scale } = T.decimalParts(type);
      encode = (v) => formatDecimal(v as bigint, scale);
      break;
    }
    case "date":
      encode = (v) => quote(formatDate(v as number));
      break;
    case "timestamp":
      encode = (v) => quote(formatTimestamp(v as bigint, timeZone));
      break;
    case "timestampNtz":
      encode = (v) => quote(formatTimestampNtz(v as bigint));
      break;
    case "binary":
      encode = (v) => quote(Buffer.from(v as Uint8Array).toString(json ? "base64" : "latin1"));
      break;
    case "byte":
    case "short":
    case "integer":
    case "long":
      encode = (v) => String(v);
      break;
    case "array":
    case "map":
    case "struct":
      if (json) return (row) => (valid(row) ? writeJsonValue(getScalar(column, row), type, timeZone) : null);
      throw notSupportedLocally(`writing a ${T.simpleString(type)} column as text`);
    default:
      throw notSupportedLocally(`writing a ${T.simpleString(type)} column as text`);
  }
  return (row) => (valid(row) ? encode(data[row]) : null);
}
