/** Regular-expression functions over Java patterns (see java-regex.ts): rlike and friends, extract, count, substr, instr. */

import { IllegalArgumentException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { regexCache } from "./java-regex.js";
import { valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));
const asInt = (e: Expr): Expr => (e.type.kind.case === "integer" ? e : implicitCast(e, T.INT));
const intLiteral = (value: number): Literal => ({ kind: "literal", value, type: T.INT, nullable: false });

/** Code points before a UTF-16 offset. */
function codePointsBefore(s: string, offset: number): number {
  let count = 0;
  for (let i = 0; i < offset; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++;
    count++;
  }
  return count;
}

/** rlike / regexp / regexp_like: whether the pattern occurs anywhere (Java's find). */
function matches(shown: string): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [str, pattern] = args as [Expr, Expr];
      return call(
        "rlike",
        [asString(str), asString(pattern)],
        T.BOOLEAN,
        `${shown}(${displayOf(str)}, ${displayOf(pattern)})`,
        ctx,
      );
    },
    kernel: ([s, p]) => {
      const compile = regexCache();
      const texts = valuesOf<string>(s as ColumnVector);
      const patterns = valuesOf<string>(p as ColumnVector);
      return mapRows<number>([s, p] as ColumnVector[], T.BOOLEAN, (i) =>
        compile(patterns[i] as string).test(texts[i] as string) ? 1 : 0,
      );
    },
  };
}

export function groupIndexOutOfRange(groupCount: number, index: number, functionName = "regexp_extract") {
  return sparkError(
    IllegalArgumentException,
    "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX",
    "22023",
    `The value of parameter(s) \`idx\` in \`${functionName}\` is invalid: expects group index between 0 and ${groupCount}, but got ${index}.`,
    {
      parameter: "`idx`",
      functionName: `\`${functionName}\``,
      groupCount: String(groupCount),
      groupIndex: String(index),
    },
  );
}

export const groupCountOf = (re: RegExp): number =>
  (new RegExp(`${re.source}|`, re.flags.replace("g", "")).exec("")?.length ?? 1) - 1;

const regexpExtract: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, pattern, index] = args as [Expr, Expr, Expr | undefined];
    const idx = index ?? intLiteral(1);
    return call(
      "regexp_extract",
      [asString(str), asString(pattern), asInt(idx)],
      T.STRING,
      `regexp_extract(${[str, pattern, idx].map(displayOf).join(", ")})`,
      ctx,
    );
  },
  kernel: ([s, p, g]) => {
    const compile = regexCache();
    const texts = valuesOf<string>(s as ColumnVector);
    const patterns = valuesOf<string>(p as ColumnVector);
    const groups = valuesOf<number>(g as ColumnVector);
    return mapRows<string>([s, p, g] as ColumnVector[], T.STRING, (i) => {
      const re = compile(patterns[i] as string);
      const index = groups[i] as number;
      const count = groupCountOf(re);
      if (index < 0 || index > count) throw groupIndexOutOfRange(count, index);
      const match = re.exec(texts[i] as string);
      return match === null ? "" : (match[index] ?? "");
    });
  },
};

const regexpCount: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, pattern] = args as [Expr, Expr];
    return call(
      "regexp_count",
      [asString(str), asString(pattern)],
      T.INT,
      `regexp_count(${displayOf(str)}, ${displayOf(pattern)})`,
      ctx,
    );
  },
  kernel: ([s, p]) => {
    const compile = regexCache(true);
    const texts = valuesOf<string>(s as ColumnVector);
    const patterns = valuesOf<string>(p as ColumnVector);
    return mapRows<number>([s, p] as ColumnVector[], T.INT, (i) => {
      let count = 0;
      for (const _ of (texts[i] as string).matchAll(compile(patterns[i] as string))) count++;
      return count;
    });
  },
};

const regexpSubstr: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, pattern] = args as [Expr, Expr];
    return call(
      "regexp_substr",
      [asString(str), asString(pattern)],
      T.STRING,
      `regexp_substr(${displayOf(str)}, ${displayOf(pattern)})`,
      ctx,
      true,
    );
  },
  kernel: ([s, p]) => {
    const compile = regexCache();
    const texts = valuesOf<string>(s as ColumnVector);
    const patterns = valuesOf<string>(p as ColumnVector);
    return mapRows<string>([s, p] as ColumnVector[], T.STRING, (i) => {
      const match = compile(patterns[i] as string).exec(texts[i] as string);
      return match === null ? null : match[0];
    });
  },
};

/**
 * regexp_instr(str, regexp[, idx]): 1-based code-point position where the first match starts, 0 if none. Spark
 * reports the start of the whole match whatever group idx names.
 */
const regexpInstr: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, pattern, index] = args as [Expr, Expr, Expr | undefined];
    const idx = index ?? intLiteral(0);
    return call(
      "regexp_instr",
      [asString(str), asString(pattern), asInt(idx)],
      T.INT,
      `regexp_instr(${[str, pattern, idx].map(displayOf).join(", ")})`,
      ctx,
    );
  },
  kernel: ([s, p, g]) => {
    const compile = regexCache();
    const texts = valuesOf<string>(s as ColumnVector);
    const patterns = valuesOf<string>(p as ColumnVector);
    return mapRows<number>([s, p, g] as ColumnVector[], T.INT, (i) => {
      const text = texts[i] as string;
      const match = compile(patterns[i] as string).exec(text);
      return match === null ? 0 : codePointsBefore(text, match.index) + 1;
    });
  },
};

export const regexpFunctions: Record<string, ScalarFunction> = {
  rlike: matches("RLIKE"),
  regexp: matches("REGEXP"),
  regexp_like: matches("REGEXP_LIKE"),
  regexp_extract: regexpExtract,
  regexp_count: regexpCount,
  regexp_substr: regexpSubstr,
  regexp_instr: regexpInstr,
};
