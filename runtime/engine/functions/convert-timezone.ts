/**
 * convert_timezone([sourceTz,] targetTz, sourceTs): the wall-clock time `sourceTs` shows in the source zone
 * (the session zone when omitted), read as the wall-clock time of the same instant in the target zone. Input and
 * result are TIMESTAMP_NTZ.
 */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { notSupportedLocally } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { fromLocalMicros, toLocalMicros } from "./datetime-format.js";
import { call, type ScalarFunction } from "./function-types.js";
import { valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));
const asWallClock = (e: Expr): Expr => (e.type.kind.case === "timestampNtz" ? e : implicitCast(e, T.TIMESTAMP_NTZ));

const convertTimezone: ScalarFunction = {
  resolve: (args, ctx) => {
    if (args.length < 2 || args.length > 3) throw notSupportedLocally(`convert_timezone with ${args.length} arguments`);
    const [source, target, ts] = (args.length === 3 ? args : [undefined, ...args]) as [Expr | undefined, Expr, Expr];
    const shownSource = source === undefined ? "current_timezone()" : displayOf(source);
    const display = `convert_timezone(${shownSource}, ${displayOf(target)}, ${displayOf(ts)})`;
    // Without a source zone the kernel gets two arguments and reads the session zone.
    const inputs = [...(source === undefined ? [] : [asString(source)]), asString(target), asWallClock(ts)];
    return call("convert_timezone", inputs, T.TIMESTAMP_NTZ, display, ctx);
  },
  kernel: (inputs, _call, ctx) => {
    const columns = inputs as ColumnVector[];
    const [source, target, ts] = (columns.length === 3 ? columns : [undefined, ...columns]) as [
      ColumnVector | undefined,
      ColumnVector,
      ColumnVector,
    ];
    const sources = source === undefined ? undefined : valuesOf<string>(source);
    const targets = valuesOf<string>(target);
    const micros = valuesOf<bigint>(ts);
    return mapRows<bigint>(columns, T.TIMESTAMP_NTZ, (i) => {
      const instant = fromLocalMicros(micros[i] as bigint, sources?.[i] ?? ctx.timeZone);
      return toLocalMicros(instant, targets[i] as string);
    });
  },
};

export const convertTimezoneFunctions: Record<string, ScalarFunction> = { convert_timezone: convertTimezone };
