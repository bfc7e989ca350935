/** Strings as numbers and bytes: ascii, char/chr, bit_length, octet_length, base64, unbase64. */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues } from "./kernel-helpers.js";

/** UTF-8 byte count without encoding. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** One-argument function of a string (binary stays binary where `acceptsBinary`). */
function ofString<O>(
  name: string,
  type: T.DataType,
  f: (s: string) => O | null,
  fromBytes?: (b: Uint8Array) => O | null,
): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      const keep = fromBytes !== undefined && child.type.kind.case === "binary";
      const input = keep || T.isString(child.type) ? child : implicitCast(child, T.STRING);
      return call(name, [input], type, `${name}(${displayOf(child)})`, ctx);
    },
    kernel: ([a]) => {
      const column = a as ColumnVector;
      if (column.type.kind.case === "binary" && fromBytes !== undefined)
        return mapValues<Uint8Array, O>(column, type, fromBytes);
      return mapValues<string, O>(column, type, f);
    },
  };
}

/** char(n): the character with code n mod 256; negative n gives the empty string. */
const char: ScalarFunction = {
  resolve: (args, ctx, name) => {
    const [child] = args as [Expr];
    return call("char", [implicitCast(child, T.LONG)], T.STRING, `${name}(${displayOf(child)})`, ctx);
  },
  kernel: ([a]) =>
    mapValues<bigint, string>(a as ColumnVector, T.STRING, (n) =>
      n < 0n ? "" : String.fromCharCode(Number(n & 255n)),
    ),
};

const base64: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    const input = child.type.kind.case === "binary" ? child : implicitCast(child, T.BINARY);
    return call("base64", [input], T.STRING, `base64(${displayOf(child)})`, ctx);
  },
  kernel: ([a]) =>
    mapValues<Uint8Array, string>(a as ColumnVector, T.STRING, (bytes) => Buffer.from(bytes).toString("base64")),
};

const unbase64: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    return call("unbase64", [implicitCast(child, T.STRING)], T.BINARY, `unbase64(${displayOf(child)})`, ctx);
  },
  kernel: ([a]) =>
    mapValues<string, Uint8Array>(a as ColumnVector, T.BINARY, (text) => new Uint8Array(Buffer.from(text, "base64"))),
};

export const stringCodeFunctions: Record<string, ScalarFunction> = {
  ascii: ofString("ascii", T.INT, (s) => (s.length === 0 ? 0 : (s.codePointAt(0) as number))),
  bit_length: ofString(
    "bit_length",
    T.INT,
    (s) => utf8Length(s) * 8,
    (b) => b.length * 8,
  ),
  octet_length: ofString("octet_length", T.INT, utf8Length, (b) => b.length),
  char,
  chr: char,
  base64,
  unbase64,
};
