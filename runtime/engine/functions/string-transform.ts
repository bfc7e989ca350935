/** Character-level rewriting: btrim, translate, overlay, quote, soundex and levenshtein distance. */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";
import { substringSql } from "./strings.js";

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));
const asInt = (e: Expr): Expr => (e.type.kind.case === "integer" ? e : implicitCast(e, T.INT));
const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

/** Strips any of `chars` (code points) from both ends. */
function trimSet(s: string, chars: string): string {
  const set = new Set(Array.from(chars));
  const points = Array.from(s);
  let start = 0;
  let end = points.length;
  while (start < end && set.has(points[start] as string)) start++;
  while (end > start && set.has(points[end - 1] as string)) end--;
  return points.slice(start, end).join("");
}

const btrim: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, chars] = args as [Expr, Expr | undefined];
    const space: Literal = { kind: "literal", value: " ", type: T.STRING, nullable: false };
    return call("btrim", [asString(str), asString(chars ?? space)], T.STRING, show("btrim", args), ctx);
  },
  kernel: ([s, c]) => {
    const texts = valuesOf<string>(s as ColumnVector);
    const sets = valuesOf<string>(c as ColumnVector);
    return mapRows<string>([s, c] as ColumnVector[], T.STRING, (i) => trimSet(texts[i] as string, sets[i] as string));
  },
};

/** translate(s, from, to): each code point of `from` maps to the one at the same place in `to`, or is dropped. */
export function translateText(s: string, from: string, to: string): string {
  const target = Array.from(to);
  const mapping = new Map<string, string>();
  Array.from(from).forEach((ch, k) => {
    if (!mapping.has(ch)) mapping.set(ch, target[k] ?? "");
  });
  let out = "";
  for (const ch of s) out += mapping.get(ch) ?? ch;
  return out;
}

const translate: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, from, to] = args as [Expr, Expr, Expr];
    return call("translate", [asString(str), asString(from), asString(to)], T.STRING, show("translate", args), ctx);
  },
  kernel: ([s, f, t]) => {
    const texts = valuesOf<string>(s as ColumnVector);
    const froms = valuesOf<string>(f as ColumnVector);
    const tos = valuesOf<string>(t as ColumnVector);
    return mapRows<string>([s, f, t] as ColumnVector[], T.STRING, (i) =>
      translateText(texts[i] as string, froms[i] as string, tos[i] as string),
    );
  },
};

/** overlay(src, replacement, pos[, len]): a negative len means the replacement's own length. */
const overlay: ScalarFunction = {
  resolve: (args, ctx) => {
    const [src, replacement, pos, len] = args as [Expr, Expr, Expr, Expr | undefined];
    const length: Literal = { kind: "literal", value: -1, type: T.INT, nullable: false };
    const all = [src, replacement, pos, len ?? length];
    return call(
      "overlay",
      [asString(src), asString(replacement), asInt(pos), asInt(len ?? length)],
      T.STRING,
      show("overlay", all),
      ctx,
    );
  },
  kernel: ([s, r, p, l]) => {
    const texts = valuesOf<string>(s as ColumnVector);
    const replacements = valuesOf<string>(r as ColumnVector);
    const positions = valuesOf<number>(p as ColumnVector);
    const lengths = valuesOf<number>(l as ColumnVector);
    return mapRows<string>([s, r, p, l] as ColumnVector[], T.STRING, (i) => {
      const text = texts[i] as string;
      const replacement = replacements[i] as string;
      const pos = positions[i] as number;
      const len = lengths[i] as number;
      const length = len >= 0 ? len : Array.from(replacement).length;
      return substringSql(text, 1, pos - 1) + replacement + substringSql(text, pos + length, 2147483647);
    });
  },
};

const quote: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str] = args as [Expr];
    return call("quote", [asString(str)], T.STRING, show("quote", args), ctx);
  },
  kernel: ([s]) =>
    mapValues<string, string>(
      s as ColumnVector,
      T.STRING,
      // Only the quote is escaped; backslashes pass through unchanged, as in Spark.
      (text) => `'${text.replaceAll("'", "\\'")}'`,
    ),
};

/** American Soundex over ASCII letters; H and W do not separate equal codes; a non-letter start is kept as is. */
const SOUNDEX_CODES = "01230127022455012623017202";

export function soundex(s: string): string {
  if (s.length === 0) return "";
  const upper = (code: number): number => (code >= 97 && code <= 122 ? code - 32 : code);
  const first = upper(s.charCodeAt(0));
  if (first < 65 || first > 90) return s;
  let out = String.fromCharCode(first);
  let last = SOUNDEX_CODES[first - 65] as string;
  const bytes = Buffer.from(s, "utf8");
  for (let i = 1; i < bytes.length && out.length < 4; i++) {
    const b = upper(bytes[i] as number);
    if (b < 65 || b > 90) {
      last = "0";
      continue;
    }
    const code = SOUNDEX_CODES[b - 65] as string;
    if (code === "7") continue;
    if (code !== "0" && code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, "0");
}

const soundexFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str] = args as [Expr];
    return call("soundex", [asString(str)], T.STRING, show("soundex", args), ctx);
  },
  kernel: ([s]) => mapValues<string, string>(s as ColumnVector, T.STRING, soundex),
};

/** Edit distance over code points (two-row dynamic programme). */
export function levenshteinDistance(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  if (left.length === 0) return right.length;
  if (right.length === 0) return left.length;
  let previous = new Int32Array(right.length + 1);
  let current = new Int32Array(right.length + 1);
  for (let j = 0; j <= right.length; j++) previous[j] = j;
  for (let i = 1; i <= left.length; i++) {
    current[0] = i;
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    [previous, current] = [current, previous];
  }
  return previous[right.length] as number;
}

const levenshtein: ScalarFunction = {
  resolve: (args, ctx) => {
    const [left, right, threshold] = args as [Expr, Expr, Expr | undefined];
    const inputs = [asString(left), asString(right), ...(threshold ? [asInt(threshold)] : [])];
    return call("levenshtein", inputs, T.INT, show("levenshtein", args), ctx);
  },
  kernel: (columns) => {
    const [l, r, t] = columns as [ColumnVector, ColumnVector, ColumnVector | undefined];
    const lefts = valuesOf<string>(l);
    const rights = valuesOf<string>(r);
    const limits = t === undefined ? null : valuesOf<number>(t);
    return mapRows<number>(columns, T.INT, (i) => {
      const distance = levenshteinDistance(lefts[i] as string, rights[i] as string);
      if (limits === null) return distance;
      return distance > (limits[i] as number) ? -1 : distance;
    });
  },
};

export const stringTransformFunctions: Record<string, ScalarFunction> = {
  btrim,
  translate,
  overlay,
  quote,
  soundex: soundexFunction,
  levenshtein,
};
