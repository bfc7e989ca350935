/** Number ↔ text in other bases: bin, hex, unhex and conv (Spark's unsigned 64-bit NumberConverter rules). */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { arithmeticOverflow, dataTypeMismatch } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, mergeValidity, valuesOf } from "./kernel-helpers.js";

const UTF8 = new TextEncoder();
const U64 = 2n ** 64n;

const unsignedText = (x: bigint, radix: number): string => BigInt.asUintN(64, x).toString(radix).toUpperCase();

function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex").toUpperCase();
}

const bin: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    return call("bin", [implicitCast(child, T.LONG)], T.STRING, `bin(${displayOf(child)})`, ctx);
  },
  kernel: ([a]) => mapValues<bigint, string>(a as ColumnVector, T.STRING, (x) => unsignedText(x, 2)),
};

const hex: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    const kind = child.type.kind.case;
    const input = kind === "string" || kind === "binary" ? child : implicitCast(child, T.LONG);
    if (!T.isIntegral(child.type) && kind !== "string" && kind !== "binary" && kind !== "null") {
      throw dataTypeMismatch(
        "UNEXPECTED_INPUT_TYPE",
        `"hex(${displayOf(child)})"`,
        "hex needs an integral, string or binary input.",
        {
          paramIndex: "first",
          requiredType: '("BIGINT" or "BINARY" or "STRING")',
          inputSql: `"${displayOf(child)}"`,
          inputType: T.sqlTypeName(child.type),
        },
      );
    }
    return call("hex", [input], T.STRING, `hex(${displayOf(child)})`, ctx);
  },
  kernel: ([a]) => {
    const column = a as ColumnVector;
    switch (column.type.kind.case) {
      case "string":
        return mapValues<string, string>(column, T.STRING, (s) => bytesToHex(UTF8.encode(s)));
      case "binary":
        return mapValues<Uint8Array, string>(column, T.STRING, bytesToHex);
      default:
        return mapValues<bigint, string>(column, T.STRING, (x) => unsignedText(x, 16));
    }
  },
};

/** Hex text to bytes; an odd digit count gets a leading 0, any non-hex character makes the row NULL. */
function unhexText(s: string): Uint8Array | null {
  const text = s.length % 2 === 1 ? `0${s}` : s;
  if (!/^[0-9a-fA-F]*$/.test(text)) return null;
  return new Uint8Array(Buffer.from(text, "hex"));
}

const unhex: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    return call("unhex", [implicitCast(child, T.STRING)], T.BINARY, `unhex(${displayOf(child)})`, ctx, true);
  },
  kernel: ([a]) => mapValues<string, Uint8Array>(a as ColumnVector, T.BINARY, unhexText),
};

/** Digit value of a character in bases up to 36, or -1. */
function digitOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (code >= 97 && code <= 122) return code - 87;
  return -1;
}

/**
 * conv(num, fromBase, toBase): reads the leading digits valid in |fromBase| as an unsigned 64-bit number (a
 * leading '-' negates it modulo 2^64); a negative toBase prints a signed result. Overflow is an error under ANSI
 * and all ones otherwise. Bases outside 2..36 give NULL.
 */
export function convert(text: string, fromBase: number, toBase: number, ansi: boolean): string | null {
  const from = Math.abs(fromBase);
  const to = Math.abs(toBase);
  if (from < 2 || from > 36 || to < 2 || to > 36 || text.length === 0) return null;
  const negative = text.charCodeAt(0) === 45;
  let value = 0n;
  let overflow = false;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const digit = digitOf(text.charCodeAt(i));
    if (digit < 0 || digit >= from) break;
    value = value * BigInt(from) + BigInt(digit);
    if (value >= U64) overflow = true;
  }
  if (overflow) {
    if (ansi) throw arithmeticOverflow("Overflow in function conv()", ' Use "try_conv" to tolerate overflow.');
    value = U64 - 1n;
  }
  if (negative) value = BigInt.asUintN(64, -value);
  if (toBase < 0) {
    const signed = BigInt.asIntN(64, value);
    return signed < 0n ? `-${(-signed).toString(to).toUpperCase()}` : signed.toString(to).toUpperCase();
  }
  return value.toString(to).toUpperCase();
}

const conv: ScalarFunction = {
  resolve: (args, ctx) => {
    const [num, from, to] = args as [Expr, Expr, Expr];
    return call(
      "conv",
      [implicitCast(num, T.STRING), implicitCast(from, T.INT), implicitCast(to, T.INT)],
      T.STRING,
      `conv(${displayOf(num)}, ${displayOf(from)}, ${displayOf(to)})`,
      ctx,
      true,
    );
  },
  kernel: ([n, f, t], c) => {
    const length = (n as ColumnVector).length;
    let validity = mergeValidity([n, f, t] as ColumnVector[], length);
    const texts = valuesOf<string>(n as ColumnVector);
    const froms = valuesOf<number>(f as ColumnVector);
    const tos = valuesOf<number>(t as ColumnVector);
    const out = new Array<string>(length).fill("");
    for (let i = 0; i < length; i++) {
      if (validity !== null && validity[i] === 0) continue;
      const result = convert(texts[i] as string, froms[i] as number, tos[i] as number, c.ansi);
      if (result === null) {
        validity ??= new Uint8Array(length).fill(1);
        validity[i] = 0;
      } else out[i] = result;
    }
    return { type: T.STRING, length, data: out, validity };
  },
};

export const radixFunctions: Record<string, ScalarFunction> = { bin, hex, unhex, conv };
