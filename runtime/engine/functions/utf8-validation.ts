/**
 * is_valid_utf8, make_valid_utf8, validate_utf8 and try_validate_utf8. Spark checks the bytes of its strings; the
 * engine keeps strings decoded, so every engine string is valid UTF-8 and the real checks happen on bytes: a
 * BINARY argument (which Spark casts to STRING byte for byte) or an explicit CAST(binary AS STRING) is read
 * from its bytes. Invalid sequences are replaced per maximal subpart (one U+FFFD each), as Spark does.
 */
import { IllegalArgumentException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues } from "./kernel-helpers.js";

const strictDecoder = new TextDecoder("utf-8", { fatal: true });
const lenientDecoder = new TextDecoder("utf-8");

function isValid(bytes: Uint8Array): boolean {
  try {
    strictDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The length of the valid sequence starting at `i`, or 0 when the byte there starts no valid sequence. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b < 0x80) return 1;
  const [length, low, high] =
    b >= 0xc2 && b <= 0xdf
      ? [2, 0x80, 0xbf]
      : b === 0xe0
        ? [3, 0xa0, 0xbf]
        : b === 0xed
          ? [3, 0x80, 0x9f]
          : b >= 0xe1 && b <= 0xef
            ? [3, 0x80, 0xbf]
            : b === 0xf0
              ? [4, 0x90, 0xbf]
              : b === 0xf4
                ? [4, 0x80, 0x8f]
                : b >= 0xf1 && b <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1] as number;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k] as number;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** The bytes as Spark prints an invalid string: valid characters as they are, other bytes as `\xNN`. */
function invalidText(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      out += `\\x${(bytes[i] as number).toString(16).toUpperCase().padStart(2, "0")}`;
      i++;
    } else {
      out += lenientDecoder.decode(bytes.subarray(i, i + length));
      i += length;
    }
  }
  return out;
}

function invalidUtf8(bytes: Uint8Array): Error {
  const str = invalidText(bytes);
  return sparkError(
    IllegalArgumentException,
    "INVALID_UTF8_STRING",
    "22029",
    `Invalid UTF8 byte sequence found in string: ${str}.`,
    { str },
  );
}

/** The argument as bytes where Spark would see them: binary, or the binary under a cast to STRING. */
function bytesArgument(arg: Expr): Expr {
  if (arg.type.kind.case === "binary") return arg;
  if (arg.kind === "cast" && arg.child.type.kind.case === "binary" && T.isString(arg.type)) return arg.child;
  return T.isString(arg.type) ? arg : implicitCast(arg, T.STRING);
}

const asBytes = (value: string | Uint8Array): Uint8Array =>
  typeof value === "string" ? Buffer.from(value, "utf8") : value;

function utf8Function(
  name: string,
  type: T.DataType,
  f: (bytes: Uint8Array, value: string | Uint8Array) => string | number | null,
): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [arg] = args as [Expr];
      // Spark runs these as static method calls, whose results it always marks nullable.
      return call(name, [bytesArgument(arg)], type, `${name}(${displayOf(arg)})`, ctx, true);
    },
    kernel: ([input], c) =>
      mapValues<string | Uint8Array, string | number>(input as ColumnVector, c.type, (value) =>
        f(asBytes(value), value),
      ),
  };
}

const textOf = (bytes: Uint8Array, value: string | Uint8Array): string =>
  typeof value === "string" ? value : lenientDecoder.decode(bytes);

export const utf8ValidationFunctions: Record<string, ScalarFunction> = {
  is_valid_utf8: utf8Function("is_valid_utf8", T.BOOLEAN, (bytes) => (isValid(bytes) ? 1 : 0)),
  make_valid_utf8: utf8Function("make_valid_utf8", T.STRING, textOf),
  validate_utf8: utf8Function("validate_utf8", T.STRING, (bytes, value) => {
    if (!isValid(bytes)) throw invalidUtf8(bytes);
    return textOf(bytes, value);
  }),
  try_validate_utf8: utf8Function("try_validate_utf8", T.STRING, (bytes, value) =>
    isValid(bytes) ? textOf(bytes, value) : null,
  ),
};
