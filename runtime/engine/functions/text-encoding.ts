/**
 * Text ↔ bytes and masking: to_binary / try_to_binary (hex, utf-8, base64), encode / decode with a charset, and
 * mask (upper-case letters, lower-case letters and digits replaced, by Unicode category as Java's Character).
 */
import { NumberFormatException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));
const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;
const text = (value: string | null): Literal => ({ kind: "literal", value, type: T.STRING, nullable: value === null });

function invalidBinary(value: string, format: string): Error {
  return sparkError(
    NumberFormatException,
    "CONVERSION_INVALID_INPUT",
    "22018",
    `The value '${value}' ('${format}') cannot be converted to "BINARY" because it is malformed. Use \`try_to_binary\` to tolerate malformed input and return NULL instead.`,
    { str: `'${value}'`, fmt: `'${format}'`, targetType: '"BINARY"', suggestion: "`try_to_binary`" },
  );
}

/** The bytes `value` spells in `format`; null when malformed. An odd-length hex string gets a leading 0. */
function toBinary(value: string, format: string): Uint8Array | null {
  switch (format.toLowerCase()) {
    case "hex": {
      if (!/^[0-9A-Fa-f]*$/.test(value)) return null;
      return Uint8Array.from(Buffer.from(value.length % 2 === 1 ? `0${value}` : value, "hex"));
    }
    case "utf-8":
    case "utf8":
      return new TextEncoder().encode(value);
    case "base64": {
      const compact = value.replace(/\s/g, "");
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.replace(/=+$/, "").length % 4 === 1) return null;
      return Uint8Array.from(Buffer.from(compact, "base64"));
    }
    default:
      return null;
  }
}

function toBinaryFunction(name: "to_binary" | "try_to_binary"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [str, format] = args as [Expr, Expr | undefined];
      if (format !== undefined && format.kind !== "literal")
        throw notSupportedLocally(`${name} with a non-literal format`);
      const formatText = format === undefined ? "hex" : (format as Literal).value;
      const shown = format === undefined ? [str] : args;
      // Spark rewrites to unhex (always nullable) or to base64/utf-8 decoding (nullable as the input).
      const isHex = typeof formatText === "string" && formatText.toLowerCase() === "hex";
      const nullable = name === "try_to_binary" || isHex || str.nullable;
      return call(name, [asString(str), text(formatText as string | null)], T.BINARY, show(name, shown), ctx, nullable);
    },
    kernel: ([str, format], c) => {
      if ((str as ColumnVector).length === 0) return columnFromScalars(c.type, []);
      const formatText = getScalar(format as ColumnVector, 0) as string | null;
      if (formatText !== null && !["hex", "utf-8", "utf8", "base64"].includes(formatText.toLowerCase())) {
        throw notSupportedLocally(`${name} format '${formatText}'`);
      }
      const column = str as ColumnVector;
      const out: Scalar[] = [];
      for (let row = 0; row < column.length; row++) {
        const value = getScalar(column, row) as string | null;
        if (value === null || formatText === null) {
          out.push(null);
          continue;
        }
        const bytes = toBinary(value, formatText);
        if (bytes === null && name === "to_binary") throw invalidBinary(value, formatText.toUpperCase());
        out.push(bytes);
      }
      return columnFromScalars(c.type, out);
    },
  };
}

/** Bytes of `value` in a charset Java knows by these names; null when a character has no byte form there. */
function encodeText(value: string, charset: string): Uint8Array | null {
  switch (charset.toUpperCase().replace("_", "-")) {
    case "UTF-8":
    case "UTF8":
      return new TextEncoder().encode(value);
    case "US-ASCII":
    case "ISO-8859-1": {
      const limit = charset.toUpperCase().startsWith("US") ? 0x7f : 0xff;
      const codes = Array.from(value, (ch) => ch.codePointAt(0) as number);
      return codes.some((c) => c > limit) ? null : Uint8Array.from(codes);
    }
    case "UTF-16BE":
    case "UTF-16LE":
    case "UTF-16": {
      const little = charset.toUpperCase().endsWith("LE");
      const bom = charset.toUpperCase() === "UTF-16";
      const out = new Uint8Array(value.length * 2 + (bom ? 2 : 0));
      const view = new DataView(out.buffer);
      if (bom) view.setUint16(0, 0xfeff, false);
      for (let i = 0; i < value.length; i++) view.setUint16((bom ? 2 : 0) + i * 2, value.charCodeAt(i), little);
      return out;
    }
    default:
      throw notSupportedLocally(`the charset '${charset}'`);
  }
}

function decodeBytes(bytes: Uint8Array, charset: string): string {
  const name = charset.toUpperCase().replace("_", "-");
  const label =
    name === "UTF8" ? "utf-8" : name === "US-ASCII" ? "ascii" : name === "ISO-8859-1" ? "latin1" : name.toLowerCase();
  if (!["utf-8", "ascii", "latin1", "utf-16be", "utf-16le", "utf-16"].includes(label)) {
    throw notSupportedLocally(`the charset '${charset}'`);
  }
  if (label === "latin1" || label === "ascii") return String.fromCharCode(...bytes);
  return new TextDecoder(label === "utf-16" ? "utf-16be" : label).decode(bytes);
}

const encode: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, charset] = args as [Expr, Expr];
    return call("encode", [asString(str), asString(charset)], T.BINARY, show("encode", args), ctx);
  },
  kernel: (args, c) =>
    rowWise(args, c.type, ([value, charset]) => {
      const bytes = encodeText(value as string, charset as string);
      if (bytes === null) throw notSupportedLocally(`encoding '${value}' in ${charset} (unmappable characters)`);
      return bytes;
    }),
};

const decode: ScalarFunction = {
  resolve: (args, ctx) => {
    const [bin, charset] = args as [Expr, Expr];
    if (args.length !== 2) throw notSupportedLocally("decode(expr, search, result, ...), the CASE-like form");
    if (bin.type.kind.case !== "binary") throw notSupportedLocally("decode(...) over a non-BINARY value");
    return call("decode", [bin, asString(charset)], T.STRING, show("decode", args), ctx);
  },
  kernel: (args, c) => rowWise(args, c.type, ([bytes, charset]) => decodeBytes(bytes as Uint8Array, charset as string)),
};

function rowWise(args: readonly ColumnVector[], type: T.DataType, f: (values: Scalar[]) => Scalar): ColumnVector {
  const length = args[0]?.length ?? 0;
  const out: Scalar[] = [];
  for (let row = 0; row < length; row++) {
    const values = args.map((a) => getScalar(a, row));
    out.push(values.some((v) => v === null) ? null : f(values));
  }
  return columnFromScalars(type, out);
}

function maskText(
  value: string,
  upper: string | null,
  lower: string | null,
  digit: string | null,
  other: string | null,
) {
  let out = "";
  for (const ch of value) {
    if (/\p{Lu}/u.test(ch)) out += upper ?? ch;
    else if (/\p{Ll}/u.test(ch)) out += lower ?? ch;
    else if (/\p{Nd}/u.test(ch)) out += digit ?? ch;
    else out += other ?? ch;
  }
  return out;
}

const MASK_DEFAULTS = ["X", "x", "n", null] as const;

const mask: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, ...replacements] = args as [Expr, ...Expr[]];
    const filled = MASK_DEFAULTS.map((d, k) => replacements[k] ?? text(d));
    for (const r of filled) if (r.kind !== "literal") throw notSupportedLocally("mask with a non-literal replacement");
    const shown = [str, ...filled];
    return call("mask", [asString(str), ...filled.map(asString)], T.STRING, show("mask", shown), ctx, str.nullable);
  },
  kernel: ([str, ...replacements], c) => {
    if ((str as ColumnVector).length === 0) return columnFromScalars(c.type, []);
    const [upper, lower, digit, other] = replacements.map((r) => {
      const v = getScalar(r as ColumnVector, 0) as string | null;
      return v === null ? null : (Array.from(v)[0] ?? null);
    });
    const column = str as ColumnVector;
    const out: Scalar[] = [];
    for (let row = 0; row < column.length; row++) {
      const value = getScalar(column, row) as string | null;
      out.push(value === null ? null : maskText(value, upper ?? null, lower ?? null, digit ?? null, other ?? null));
    }
    return columnFromScalars(c.type, out);
  },
};

export const textEncodingFunctions: Record<string, ScalarFunction> = {
  to_binary: toBinaryFunction("to_binary"),
  try_to_binary: toBinaryFunction("try_to_binary"),
  encode,
  decode,
  mask,
};
