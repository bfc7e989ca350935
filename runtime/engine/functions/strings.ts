/** String functions. Positions and lengths count Unicode code points, as Spark's UTF8String does. */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ResolveContext, type ScalarFunction } from "./function-types.js";
import { mapValues, mergeValidity, valuesOf, zipValues } from "./kernel-helpers.js";

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));
const asInt = (e: Expr): Expr => (e.type.kind.case === "integer" ? e : implicitCast(e, T.INT));
const isAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
};
const codePointLength = (s: string): number => (isAscii(s) ? s.length : Array.from(s).length);

function unaryString(name: string, type: T.DataType, f: (s: string) => string | number): ScalarFunction {
  return {
    // Aliases (ucase, lcase, character_length) keep the spelling the caller used in the column name.
    resolve: (args, ctx, called) => {
      const [child] = args as [Expr];
      return call(name, [asString(child)], type, `${called}(${displayOf(child)})`, ctx);
    },
    kernel: ([a]) => mapValues<string, string | number>(a as ColumnVector, type, f),
  };
}

/** Spark's trim family strips the space character only (not tabs or newlines). */
const trimSpaces = (s: string, left: boolean, right: boolean): string => {
  let start = 0;
  let end = s.length;
  if (left) while (start < end && s.charCodeAt(start) === 32) start++;
  if (right) while (end > start && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(start, end);
};

/** SQL SUBSTRING: 1-based `pos`, negative counts from the end, `pos` 0 acts like 1. */
export function substringSql(s: string, pos: number, length: number): string {
  const chars = isAscii(s) ? null : Array.from(s);
  const size = chars ? chars.length : s.length;
  let start = pos > 0 ? pos - 1 : pos < 0 ? size + pos : 0;
  const end = Math.min(size, start + length);
  start = Math.max(start, 0);
  if (start >= end) return "";
  return chars ? chars.slice(start, end).join("") : s.slice(start, end);
}

const substring: ScalarFunction = {
  resolve: (args, ctx: ResolveContext, name) => {
    const [str, pos, len] = args as [Expr, Expr, Expr | undefined];
    const display = `${name}(${[str, pos, ...(len ? [len] : [])].map(displayOf).join(", ")})`;
    const length: Expr = len ?? { kind: "literal", value: 2147483647, type: T.INT, nullable: false };
    const shown = len ? display : `${name}(${displayOf(str)}, ${displayOf(pos)}, 2147483647)`;
    return call("substring", [asString(str), asInt(pos), asInt(length)], T.STRING, shown, ctx);
  },
  kernel: ([s, p, l]) => {
    const str = s as ColumnVector;
    const n = str.length;
    const validity = mergeValidity([str, p as ColumnVector, l as ColumnVector], n);
    const text = valuesOf<string>(str);
    const pos = valuesOf<number>(p as ColumnVector);
    const len = valuesOf<number>(l as ColumnVector);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++)
      out[i] =
        validity !== null && validity[i] === 0
          ? ""
          : substringSql(text[i] as string, pos[i] as number, len[i] as number);
    return { type: T.STRING, length: n, data: out, validity };
  },
};

function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** CONCAT: NULL if any argument is NULL; binary values join as bytes when every argument is binary. */
const concat: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = `concat(${args.map(displayOf).join(", ")})`;
    const binary = args.length > 0 && args.every((a) => a.type.kind.case === "binary" || T.isNullType(a.type));
    if (binary)
      return call(
        "concat",
        args.map((a) => implicitCast(a, T.BINARY)),
        T.BINARY,
        display,
        ctx,
      );
    return call("concat", args.map(asString), T.STRING, display, ctx);
  },
  kernel: (args, c) => {
    const n = c.args.length === 0 ? 0 : (args[0] as ColumnVector).length;
    const validity = mergeValidity(args, n);
    if (c.type.kind.case === "binary") {
      const chunks = args.map((a) => valuesOf<Uint8Array>(a));
      const joined = Array.from({ length: n }, (_, i) =>
        validity !== null && validity[i] === 0 ? new Uint8Array(0) : joinBytes(chunks.map((p) => p[i] as Uint8Array)),
      );
      return { type: T.BINARY, length: n, data: joined, validity };
    }
    const parts = args.map((a) => valuesOf<string>(a));
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) out[i] = "";
      else out[i] = parts.map((p) => p[i]).join("");
    }
    return { type: T.STRING, length: n, data: out, validity };
  },
};

function binaryStringTest(name: string, test: (s: string, t: string) => boolean): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [left, right] = args as [Expr, Expr];
      return call(
        name,
        [asString(left), asString(right)],
        T.BOOLEAN,
        `${name}(${displayOf(left)}, ${displayOf(right)})`,
        ctx,
      );
    },
    kernel: ([a, b]) =>
      zipValues<string, string, number>(a as ColumnVector, b as ColumnVector, T.BOOLEAN, (s, t) =>
        test(s, t) ? 1 : 0,
      ),
  };
}

/** LIKE with `_` and `%` wildcards and `\` as the escape character. */
export function likeToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === "\\" && i + 1 < pattern.length)
      source += (pattern[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "%") source += "[\\s\\S]*";
    else if (ch === "_") source += "[\\s\\S]";
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "u");
}

function likeFunction(name: "like" | "ilike"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [left, right] = args as [Expr, Expr];
      const shown =
        name === "like"
          ? `${displayOf(left)} LIKE ${displayOf(right)}`
          : `ilike(${displayOf(left)}, ${displayOf(right)})`;
      return call(name, [asString(left), asString(right)], T.BOOLEAN, shown, ctx);
    },
    kernel: ([a, b]) => {
      const cache = new Map<string, RegExp>();
      return zipValues<string, string, number>(a as ColumnVector, b as ColumnVector, T.BOOLEAN, (s, p) => {
        let re = cache.get(p);
        if (re === undefined) {
          re = likeToRegExp(name === "ilike" ? p.toLowerCase() : p);
          cache.set(p, re);
        }
        return re.test(name === "ilike" ? s.toLowerCase() : s) ? 1 : 0;
      });
    },
  };
}

/** length and char_length: the characters of a string, the bytes of a binary value (as Spark's Length). */
function lengthOf(name: string): ScalarFunction {
  return {
    resolve: (args, ctx, called) => {
      const [child] = args as [Expr];
      const input = child.type.kind.case === "binary" ? child : asString(child);
      return call(name, [input], T.INT, `${called}(${displayOf(child)})`, ctx);
    },
    kernel: ([a]) => {
      const column = a as ColumnVector;
      return column.type.kind.case === "binary"
        ? mapValues<Uint8Array, number>(column, T.INT, (bytes) => bytes.length)
        : mapValues<string, number>(column, T.INT, codePointLength);
    },
  };
}

export const stringFunctions: Record<string, ScalarFunction> = {
  upper: unaryString("upper", T.STRING, (s) => s.toUpperCase()),
  lower: unaryString("lower", T.STRING, (s) => s.toLowerCase()),
  length: lengthOf("length"),
  char_length: lengthOf("char_length"),
  trim: unaryString("trim", T.STRING, (s) => trimSpaces(s, true, true)),
  ltrim: unaryString("ltrim", T.STRING, (s) => trimSpaces(s, true, false)),
  rtrim: unaryString("rtrim", T.STRING, (s) => trimSpaces(s, false, true)),
  reverse: unaryString("reverse", T.STRING, (s) => Array.from(s).reverse().join("")),
  initcap: unaryString("initcap", T.STRING, (s) =>
    s.toLowerCase().replace(/(^|\s)(\S)/g, (_m, sp: string, ch: string) => sp + ch.toUpperCase()),
  ),
  substring,
  substr: substring,
  concat,
  contains: binaryStringTest("contains", (s, t) => s.includes(t)),
  startswith: binaryStringTest("startswith", (s, t) => s.startsWith(t)),
  endswith: binaryStringTest("endswith", (s, t) => s.endsWith(t)),
  like: likeFunction("like"),
  ilike: likeFunction("ilike"),
};

export const stringAliases: Record<string, string> = {
  ucase: "upper",
  lcase: "lower",
  character_length: "char_length",
  startsWith: "startswith",
  endsWith: "endswith",
};
