/**
 * Spark's rules for reading one text field as a typed value (CSV cells, partition values): Java's number
 * syntax, case-insensitive booleans, the lenient date/time forms. Each returns null when the text does not fit.
 */
import * as T from "../types/data-types.js";
import { type DateTimeFormats, parseDateWith, parseTimestampWith } from "./datetime-patterns.js";
import { parseDecimalUnscaled } from "./value-parsers.js";

const INTEGRAL_RE = /^[+-]?\d+$/;
const DOUBLE_RE = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?)$/;

export function parseIntegral(text: string, min: bigint, max: bigint): bigint | null {
  if (!INTEGRAL_RE.test(text)) return null;
  const value = BigInt(text);
  return value < min || value > max ? null : value;
}

export const parseInt32 = (text: string): number | null => {
  if (text.length < 10 && /^[+-]?\d+$/.test(text)) return Number(text);
  const v = parseIntegral(text, -(2n ** 31n), 2n ** 31n - 1n);
  return v === null ? null : Number(v);
};

export const parseInt64 = (text: string): bigint | null => parseIntegral(text, -(2n ** 63n), 2n ** 63n - 1n);

export function parseDouble(text: string): number | null {
  const trimmed = text.trim();
  if (!DOUBLE_RE.test(trimmed)) return null;
  const core = trimmed.replace(/[dDfF]$/, "");
  return Number(core.replace(/^([+-]?)Infinity$/, "$1Infinity"));
}

export function parseBoolean(text: string): boolean | null {
  const lower = text.toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : null;
}

/** Precision and scale a decimal literal needs (Spark infers `decimal(p, s)` from the text). */
export function decimalShape(text: string): { precision: number; scale: number } | null {
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null || `${m[1]}${m[2] ?? ""}` === "") return null;
  const intDigits = (m[1] ?? "").replace(/^0+/, "");
  const scale = Math.max(0, (m[2] ?? "").length - Number(m[3] ?? 0));
  const precision = Math.max(intDigits.length + scale, scale, 1);
  return precision > 38 ? null : { precision, scale };
}

export type TextParser = (text: string) => boolean | number | bigint | string | null;

/** A parser from field text to the engine's storage for `type` (dates in days, timestamps in micros). */
export function textParserFor(type: T.DataType, formats: DateTimeFormats): TextParser {
  switch (type.kind.case) {
    case "string":
      return (text) => text;
    case "boolean":
      return parseBoolean;
    case "byte":
      return (text) => {
        const v = parseIntegral(text, -128n, 127n);
        return v === null ? null : Number(v);
      };
    case "short":
      return (text) => {
        const v = parseIntegral(text, -32768n, 32767n);
        return v === null ? null : Number(v);
      };
    case "integer":
      return parseInt32;
    case "long":
      return parseInt64;
    case "float":
      return (text) => {
        const v = parseDouble(text);
        return v === null ? null : Math.fround(v);
      };
    case "double":
      return parseDouble;
    case "decimal": {
      const { precision, scale } = T.decimalParts(type);
      return (text) => parseDecimalUnscaled(text, precision, scale);
    }
    case "date":
      return (text) => parseDateWith(text, formats);
    case "timestamp":
      return (text) => parseTimestampWith(text, formats, false);
    case "timestampNtz":
      return (text) => parseTimestampWith(text, formats, true);
    default:
      throw new TypeError(`no text reader for ${T.simpleString(type)}`);
  }
}
