/**
 * sentences(str[, language, country]): text split into sentences of words, as Spark does with Java's
 * BreakIterator (matched here for English text; the locale arguments are accepted and do not change the rules).
 * A sentence ends at `?` or `!` followed by a space, or at `.` followed by spaces and an upper-case letter
 * (`Mr. Smith` splits, `e.g. x` and `No. 2` do not). Words keep inner apostrophes, hyphens and dots between
 * letters (`don't`, `x-ray`, `U.S.A`), separators inside numbers (`3.14`, `7,890`) and a trailing `%`;
 * tokens that do not start with a letter or digit (`$5`, punctuation) are dropped.
 */
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { call, type ScalarFunction } from "./function-types.js";

const TERMINATORS = /[.!?]+["')\]\u201D\u2019]*/y;
const WORD =
  /\$?[\p{L}\p{N}\p{M}_]+(?:[.'-][\p{L}\p{M}_][\p{L}\p{N}\p{M}_]*|(?<=\p{N})[.,]\p{N}+|(?<=\p{N})-\p{N}+)*%?/gu;

function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!".!?".includes(text[i] as string)) {
      i++;
      continue;
    }
    TERMINATORS.lastIndex = i;
    const run = TERMINATORS.exec(text)?.[0] ?? (text[i] as string);
    let after = i + run.length;
    while (after < text.length && /\s/.test(text[after] as string)) after++;
    const spaced = after > i + run.length;
    const next = text[after];
    const strong = /[!?]/.test(run);
    const ends = after >= text.length || (spaced && (strong || (next !== undefined && /\p{Lu}/u.test(next))));
    if (ends) {
      sentences.push(text.slice(start, after));
      start = after;
    }
    i = after > i ? after : i + 1;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

export function sentencesOf(text: string): string[][] {
  return splitSentences(text)
    .map((sentence) => [...sentence.matchAll(WORD)].map((m) => m[0]).filter((w) => /^[\p{L}\p{N}]/u.test(w)))
    .filter((words) => words.length > 0);
}

const empty = (): Literal => ({ kind: "literal", value: "", type: T.STRING, nullable: false });
const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));

const sentences: ScalarFunction = {
  resolve: (args, ctx) => {
    const all = [...args];
    while (all.length < 3) all.push(empty());
    const display = `sentences(${all.map(displayOf).join(", ")})`;
    const type = arrayType(arrayType(T.STRING, false), false);
    // Spark marks the result nullable whatever the input (an invalid locale gives NULL).
    return call("sentences", all.map(asString), type, display, ctx, true);
  },
  kernel: ([text], c) => {
    const column = text as ColumnVector;
    const out: Scalar[] = [];
    for (let row = 0; row < column.length; row++) {
      const value = getScalar(column, row);
      out.push(value === null ? null : sentencesOf(value as string));
    }
    return columnFromScalars(c.type, out);
  },
};

export const sentenceFunctions: Record<string, ScalarFunction> = { sentences };
