/**
 * Finding and cutting by position or delimiter: left, right, locate/position, find_in_set, substring_index,
 * split_part, elt. Positions count Unicode code points, as Spark's UTF8String does.
 */

import { ArrayIndexOutOfBoundsException, SparkRuntimeException } from "../../errors/index.js";
import { commonType, implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { dataTypeMismatch, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";
import { substringSql } from "./strings.js";

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));
const asInt = (e: Expr): Expr => (e.type.kind.case === "integer" ? e : implicitCast(e, T.INT));
const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;
const intLiteral = (value: number): Literal => ({ kind: "literal", value, type: T.INT, nullable: false });

const isAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
};

/** Code-point index of a UTF-16 index within `s`. */
function codePointIndex(s: string, utf16Index: number): number {
  if (isAscii(s)) return utf16Index;
  let count = 0;
  for (let i = 0; i < utf16Index; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++;
    count++;
  }
  return count;
}

/** UTF-16 index of the code point at `index` (clamped to the end). */
function utf16Index(s: string, index: number): number {
  if (isAscii(s)) return Math.min(index, s.length);
  let i = 0;
  for (let k = 0; k < index && i < s.length; k++) {
    const code = s.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return i;
}

function leftOrRight(name: "left" | "right"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [str, len] = args as [Expr, Expr];
      return call(name, [asString(str), asInt(len)], T.STRING, show(name, args), ctx);
    },
    kernel: ([s, l]) => {
      const texts = valuesOf<string>(s as ColumnVector);
      const lengths = valuesOf<number>(l as ColumnVector);
      return mapRows<string>([s, l] as ColumnVector[], T.STRING, (i) => {
        const n = lengths[i] as number;
        if (n <= 0) return "";
        return name === "left" ? substringSql(texts[i] as string, 1, n) : substringSql(texts[i] as string, -n, n);
      });
    },
  };
}

/** locate(substr, str[, pos]) and position(substr, str[, pos]): 1-based, 0 when absent or pos < 1. */
function locate(name: "locate" | "position"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [needle, haystack, start] = args as [Expr, Expr, Expr | undefined];
      const pos = start ?? intLiteral(1);
      return call(
        "locate",
        [asString(needle), asString(haystack), asInt(pos)],
        T.INT,
        show(name, [needle, haystack, pos]),
        ctx,
      );
    },
    kernel: ([n, h, p]) => {
      const needles = valuesOf<string>(n as ColumnVector);
      const haystacks = valuesOf<string>(h as ColumnVector);
      const starts = p as ColumnVector;
      const positions = valuesOf<number>(starts);
      const result = mapRows<number>([n, h] as ColumnVector[], T.INT, (i) => {
        if (starts.validity !== null && starts.validity[i] === 0) return 0; // Spark: a NULL start gives 0
        const start = positions[i] as number;
        if (start < 1) return 0;
        const text = haystacks[i] as string;
        const from = utf16Index(text, start - 1);
        const found = text.indexOf(needles[i] as string, from);
        return found < 0 ? 0 : codePointIndex(text, found) + 1;
      });
      return result;
    },
  };
}

const findInSet: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, list] = args as [Expr, Expr];
    return call("find_in_set", [asString(str), asString(list)], T.INT, show("find_in_set", args), ctx);
  },
  kernel: ([s, l]) => {
    const words = valuesOf<string>(s as ColumnVector);
    const lists = valuesOf<string>(l as ColumnVector);
    return mapRows<number>([s, l] as ColumnVector[], T.INT, (i) => {
      const word = words[i] as string;
      if (word.includes(",")) return 0;
      return (lists[i] as string).split(",").indexOf(word) + 1;
    });
  },
};

/** Everything before the count-th delimiter (count > 0) or after the count-th from the right (count < 0). */
export function substringIndex(text: string, delimiter: string, count: number): string {
  if (count === 0 || delimiter.length === 0) return "";
  if (count > 0) {
    let at = -1;
    for (let k = 0; k < count; k++) {
      at = text.indexOf(delimiter, at + (k === 0 ? 0 : delimiter.length));
      if (at < 0) return text;
    }
    return text.slice(0, at);
  }
  let at = text.length;
  for (let k = 0; k < -count; k++) {
    if (at - 1 < 0) return text;
    at = text.lastIndexOf(delimiter, at - 1);
    if (at < 0) return text;
  }
  return text.slice(at + delimiter.length);
}

const substringIndexFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, delim, count] = args as [Expr, Expr, Expr];
    return call(
      "substring_index",
      [asString(str), asString(delim), asInt(count)],
      T.STRING,
      show("substring_index", args),
      ctx,
    );
  },
  kernel: ([s, d, c]) => {
    const texts = valuesOf<string>(s as ColumnVector);
    const delims = valuesOf<string>(d as ColumnVector);
    const counts = valuesOf<number>(c as ColumnVector);
    return mapRows<string>([s, d, c] as ColumnVector[], T.STRING, (i) =>
      substringIndex(texts[i] as string, delims[i] as string, counts[i] as number),
    );
  },
};

function invalidIndexOfZero() {
  return sparkError(
    SparkRuntimeException,
    "INVALID_INDEX_OF_ZERO",
    "22003",
    "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).",
  );
}

const splitPart: ScalarFunction = {
  resolve: (args, ctx) => {
    const [str, delim, part] = args as [Expr, Expr, Expr];
    return call("split_part", [asString(str), asString(delim), asInt(part)], T.STRING, show("split_part", args), ctx);
  },
  kernel: ([s, d, p]) => {
    const texts = valuesOf<string>(s as ColumnVector);
    const delims = valuesOf<string>(d as ColumnVector);
    const parts = valuesOf<number>(p as ColumnVector);
    return mapRows<string>([s, d, p] as ColumnVector[], T.STRING, (i) => {
      const part = parts[i] as number;
      if (part === 0) throw invalidIndexOfZero();
      const delim = delims[i] as string;
      const text = texts[i] as string;
      const pieces = delim.length === 0 ? [text] : text.split(delim);
      const index = part > 0 ? part - 1 : pieces.length + part;
      return index >= 0 && index < pieces.length ? (pieces[index] as string) : "";
    });
  },
};

function invalidArrayIndex(index: number, size: number) {
  return sparkError(
    ArrayIndexOutOfBoundsException,
    "INVALID_ARRAY_INDEX",
    "22003",
    `The index ${index} is out of bounds. The array has ${size} elements. Use try_element_at to tolerate it.`,
    { indexValue: String(index), arraySize: String(size), ansiConfig: '"spark.sql.ansi.enabled"' },
  );
}

/** elt(n, a, b, …): the n-th value; out of range is an error under ANSI and NULL otherwise. */
const elt: ScalarFunction = {
  resolve: (args, ctx) => {
    const [index, ...values] = args as [Expr, ...Expr[]];
    const type = commonType(values.map((v) => v.type));
    if (type === null) {
      throw dataTypeMismatch("DATA_DIFF_TYPES", `"${show("elt", args)}"`, "elt's values must share one type.", {
        functionName: "`elt`",
        dataType: `[${values.map((v) => T.sqlTypeName(v.type)).join(", ")}]`,
      });
    }
    const valueType = T.isString(type) || type.kind.case === "binary" ? type : T.STRING;
    return call(
      "elt",
      [asInt(index), ...values.map((v) => implicitCast(v, valueType))],
      valueType,
      show("elt", args),
      ctx,
      true,
    );
  },
  kernel: ([indexColumn, ...values], c) => {
    const indexes = valuesOf<number>(indexColumn as ColumnVector);
    const views = values.map((v) => valuesOf<string>(v));
    return mapRows<string>([indexColumn as ColumnVector], c.type, (i) => {
      const n = indexes[i] as number;
      if (n < 1 || n > values.length) {
        if (c.ansi) throw invalidArrayIndex(n, values.length);
        return null;
      }
      const chosen = values[n - 1] as ColumnVector;
      if (chosen.validity !== null && chosen.validity[i] === 0) return null;
      return (views[n - 1] as ArrayLike<string>)[i] as string;
    });
  },
};

export const stringSearchFunctions: Record<string, ScalarFunction> = {
  left: leftOrRight("left"),
  right: leftOrRight("right"),
  locate: locate("locate"),
  position: locate("position"),
  find_in_set: findInSet,
  substring_index: substringIndexFunction,
  split_part: splitPart,
  elt,
};
