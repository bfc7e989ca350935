/**
 * split(str, regex[, limit]) and regexp_extract_all(str, regex[, idx]): the array-valued regular-expression
 * functions, over Java patterns (see java-regex.ts).
 */
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { call, type Kernel, type ScalarFunction } from "./function-types.js";
import { regexCache } from "./java-regex.js";
import { groupCountOf, groupIndexOutOfRange } from "./regexp.js";

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));
const asInt = (e: Expr): Expr => (e.type.kind.case === "integer" ? e : implicitCast(e, T.INT));
const intLiteral = (value: number): Literal => ({ kind: "literal", value, type: T.INT, nullable: false });

/**
 * Java's String.split with a negative limit when `limit` ≤ 0 (trailing empty strings kept), else at most `limit`
 * parts. A zero-width match at the start yields no leading empty part; an empty pattern splits code points.
 */
export function splitJava(text: string, re: RegExp, limit: number): string[] {
  if (re.source === "(?:)") {
    const points = Array.from(text);
    if (limit <= 0 || points.length <= limit) return points.length === 0 ? [""] : points;
    return [...points.slice(0, limit - 1), points.slice(limit - 1).join("")];
  }
  const parts: string[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (;;) {
    if (limit > 0 && parts.length === limit - 1) break;
    const match = re.exec(text);
    if (match === null) break;
    if (match[0].length === 0) {
      re.lastIndex++;
      if (match.index === 0 || match.index >= text.length) continue;
    }
    parts.push(text.slice(last, match.index));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function rowKernel(f: (values: Scalar[], compile: (p: string) => RegExp) => Scalar): Kernel {
  return (args, c) => {
    const compile = regexCache(true);
    const length = args[0]?.length ?? 0;
    const out: Scalar[] = [];
    for (let row = 0; row < length; row++) {
      const values = args.map((a) => getScalar(a as ColumnVector, row));
      out.push(values.some((v) => v === null) ? null : f(values, compile));
    }
    return columnFromScalars(c.type, out);
  };
}

const split: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, pattern, limit] = args as [Expr, Expr, Expr | undefined];
    const typed = [asString(str), asString(pattern), asInt(limit ?? intLiteral(-1))];
    const display = `split(${[str, pattern, limit ?? intLiteral(-1)].map(displayOf).join(", ")})`;
    return call("split", typed, arrayType(T.STRING, false), display, ctx);
  },
  kernel: rowKernel(([text, pattern, limit], compile) =>
    splitJava(text as string, compile(pattern as string), limit as number),
  ),
};

const regexpExtractAll: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, pattern, index] = args as [Expr, Expr, Expr | undefined];
    const idx = index ?? intLiteral(1);
    const display = `regexp_extract_all(${[str, pattern, idx].map(displayOf).join(", ")})`;
    return call(
      "regexp_extract_all",
      [asString(str), asString(pattern), asInt(idx)],
      arrayType(T.STRING, true),
      display,
      ctx,
    );
  },
  kernel: rowKernel(([text, pattern, index], compile) => {
    const re = compile(pattern as string);
    const count = groupCountOf(re);
    if ((index as number) < 0 || (index as number) > count)
      throw groupIndexOutOfRange(count, index as number, "regexp_extract_all");
    return Array.from((text as string).matchAll(re), (m) => m[index as number] ?? "");
  }),
};

export const regexpSplitFunctions: Record<string, ScalarFunction> = {
  split,
  regexp_extract_all: regexpExtractAll,
};
