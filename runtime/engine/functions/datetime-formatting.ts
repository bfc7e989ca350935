/** date_format and from_unixtime: instants printed with a Spark datetime pattern in the session time zone. */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { compilePattern, formatWithPattern } from "./datetime-pattern.js";
import { call, type ScalarFunction } from "./function-types.js";
import { valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";

const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

/** Compiles each distinct pattern once per kernel call. */
function patternCache(): (pattern: string) => ReturnType<typeof compilePattern> {
  const cache = new Map<string, ReturnType<typeof compilePattern>>();
  return (pattern) => {
    let pieces = cache.get(pattern);
    if (pieces === undefined) {
      pieces = compilePattern(pattern);
      cache.set(pattern, pieces);
    }
    return pieces;
  };
}

function formatKernel(toMicros: (value: bigint) => bigint) {
  return ([a, p]: readonly ColumnVector[], _c: unknown, ctx: { timeZone: string }): ColumnVector => {
    const compile = patternCache();
    const values = valuesOf<bigint>(a as ColumnVector);
    const patterns = valuesOf<string>(p as ColumnVector);
    return mapRows<string>([a, p] as ColumnVector[], T.STRING, (i) =>
      formatWithPattern(toMicros(values[i] as bigint), compile(patterns[i] as string), ctx.timeZone),
    );
  };
}

const dateFormat: ScalarFunction = {
  resolve: (args, ctx) => {
    const [value, pattern] = args as [Expr, Expr];
    return call(
      "date_format",
      [implicitCast(value, T.TIMESTAMP), implicitCast(pattern, T.STRING)],
      T.STRING,
      show("date_format", args),
      ctx,
      true,
    );
  },
  kernel: formatKernel((micros) => micros),
};

const DEFAULT_PATTERN: Literal = { kind: "literal", value: "yyyy-MM-dd HH:mm:ss", type: T.STRING, nullable: false };

const fromUnixtime: ScalarFunction = {
  resolve: (args, ctx) => {
    const [seconds, pattern] = args as [Expr, Expr | undefined];
    const format = pattern ?? DEFAULT_PATTERN;
    return call(
      "from_unixtime",
      [implicitCast(seconds, T.LONG), implicitCast(format, T.STRING)],
      T.STRING,
      show("from_unixtime", [seconds, format]),
      ctx,
      true,
    );
  },
  kernel: formatKernel((seconds) => seconds * 1_000_000n),
};

export const datetimeFormattingFunctions: Record<string, ScalarFunction> = {
  date_format: dateFormat,
  from_unixtime: fromUnixtime,
};
