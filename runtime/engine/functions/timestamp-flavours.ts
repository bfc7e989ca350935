/**
 * to_timestamp_ltz and to_timestamp_ntz: to_timestamp naming the result type. The LTZ form is to_timestamp under
 * its own name; the NTZ form keeps the wall-clock fields it reads (a pattern is parsed as if in UTC, a cast keeps
 * the local time), so no time zone shifts them.
 */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { datetimeParsingFunctions, identity, parseKernel } from "./datetime-parsing.js";
import { call, type ScalarFunction } from "./function-types.js";

const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

const toTimestampLtz: ScalarFunction = {
  resolve: (args, ctx, name) => {
    const resolved = (datetimeParsingFunctions.to_timestamp as ScalarFunction).resolve(args, ctx, name);
    return { ...resolved, display: show("to_timestamp_ltz", args) } as Expr;
  },
};

const parseLocal = parseKernel(identity, false);

const toTimestampNtz: ScalarFunction = {
  resolve: (args, ctx) => {
    const [value, pattern] = args as [Expr, Expr | undefined];
    if (pattern === undefined || !T.isString(value.type)) {
      const cast: Expr = {
        kind: "cast",
        child: value,
        type: T.TIMESTAMP_NTZ,
        nullable: true,
        mode: "ansi",
        implicit: true,
      };
      return call("to_timestamp_ntz", [cast], T.TIMESTAMP_NTZ, show("to_timestamp_ntz", args), ctx, true);
    }
    const inputs = [value, implicitCast(pattern, T.STRING)];
    return call("to_timestamp_ntz", inputs, T.TIMESTAMP_NTZ, show("to_timestamp_ntz", args), ctx, true);
  },
  kernel: (inputs, c) => {
    const [value, pattern] = inputs as [ColumnVector, ColumnVector | undefined];
    if (pattern === undefined) return value;
    const parsed = parseLocal([value, pattern], c, { timeZone: "UTC" });
    return { ...parsed, type: T.TIMESTAMP_NTZ };
  },
};

export const timestampFlavourFunctions: Record<string, ScalarFunction> = {
  to_timestamp_ltz: toTimestampLtz,
  to_timestamp_ntz: toTimestampNtz,
};
