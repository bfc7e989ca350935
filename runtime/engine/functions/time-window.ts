/**
 * The time windows a timestamp falls in (behind window(), see analyzer/time-window-rewrite.ts) and window_time,
 * the last instant inside a window. Durations are interval strings of days and below (`10 minutes`,
 * `1 day 2 hours`); windows start at the epoch shifted by `startTime`, every `slideDuration`, as in Spark.
 */
import { AnalysisException, IllegalArgumentException } from "../../errors/index.js";
import { FILTERED_SESSION_FUNCTION, SESSION_FUNCTION } from "../analyzer/session-window-rewrite.js";
import { TIME_WINDOWS_FUNCTION as TIME_WINDOWS } from "../analyzer/time-window-rewrite.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector, NestedValue } from "../columnar/column-vector.js";
import { dataTypeMismatch, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { call, type ResolveContext, type ScalarFunction } from "./function-types.js";
import { resolveIntervalArithmetic } from "./interval-arithmetic.js";
import { parseIntervalText } from "./interval-cast.js";
import { mapValues, zipValues } from "./kernel-helpers.js";

const MICROS_PER_DAY = 86_400_000_000n;

/** A duration literal in microseconds; months are rejected as Spark rejects them. */
function durationMicros(arg: Expr | undefined, fallback: bigint | undefined, what: string): bigint {
  if (arg === undefined) {
    if (fallback === undefined) throw new AnalysisException(`window() needs a ${what}.`);
    return fallback;
  }
  const text = arg.kind === "literal" && typeof arg.value === "string" ? arg.value : undefined;
  if (text === undefined) {
    throw dataTypeMismatch("NON_FOLDABLE_INPUT", `"window"`, `the ${what} must be a constant interval string.`, {
      inputName: `\`${what}\``,
      inputType: '"STRING"',
      inputExpr: `"${displayOf(arg as Expr)}"`,
    });
  }
  const parsed = parseIntervalText(text, T.CALENDAR_INTERVAL);
  if (parsed === null || typeof parsed !== "object") {
    throw sparkError(
      IllegalArgumentException,
      "INVALID_INTERVAL_FORMAT.INVALID_UNIT",
      "22006",
      `The interval '${text}' cannot be parsed.`,
      { input: text },
    );
  }
  const [months, days, micros] = parsed;
  if (months !== 0) {
    // A legacy error class: Spark sends no SQLSTATE with it.
    throw new IllegalArgumentException(`Intervals greater than a month is not supported (${text}).`, {
      errorClass: "_LEGACY_ERROR_TEMP_3231",
      messageParameters: { interval: text },
    });
  }
  return BigInt(days) * MICROS_PER_DAY + micros;
}

function windowStructType(time: T.DataType): T.DataType {
  return T.structType([
    { name: "start", type: time, nullable: true },
    { name: "end", type: time, nullable: true },
  ]);
}

const timeWindows: ScalarFunction = {
  resolve: (args: readonly Expr[], ctx: ResolveContext) => {
    const [time, windowArg, slideArg, startArg] = args as [Expr, Expr | undefined, Expr | undefined, Expr | undefined];
    const kind = time.type.kind.case;
    const input =
      kind === "timestamp" || kind === "timestampNtz"
        ? time
        : kind === "date" || kind === "string" || kind === "null"
          ? implicitCast(time, T.TIMESTAMP)
          : undefined;
    if (input === undefined) {
      throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"window(${displayOf(time)})"`, "window needs a timestamp.", {
        paramIndex: "first",
        requiredType: '("TIMESTAMP" or "TIMESTAMP_NTZ")',
        inputSql: `"${displayOf(time)}"`,
        inputType: T.sqlTypeName(time.type),
      });
    }
    const duration = durationMicros(windowArg, undefined, "windowDuration");
    const slide = durationMicros(slideArg, duration, "slideDuration");
    const start = durationMicros(startArg, 0n, "startTime");
    if (duration <= 0n || slide <= 0n || slide > duration || (start < 0n ? -start : start) >= slide) {
      throw dataTypeMismatch(
        "PARAMETER_CONSTRAINT_VIOLATION",
        `"window(${displayOf(time)})"`,
        "the window needs a positive duration, a slide no longer than the duration and a start inside one slide.",
        {},
      );
    }
    const numbers = [duration, slide, start].map(
      (value): Expr => ({ kind: "literal", value, type: T.LONG, nullable: false }),
    );
    // Spark's sliding windows come out of an Expand, which makes the column nullable; a tumbling one is not.
    const type = arrayType(windowStructType(input.type), slide !== duration);
    return call(TIME_WINDOWS, [input, ...numbers], type, `window(${displayOf(time)})`, ctx, false);
  },
  kernel: ([time, duration, slide, start], c) => {
    const d = ((duration as ColumnVector).data as BigInt64Array)[0] as bigint;
    const s = ((slide as ColumnVector).data as BigInt64Array)[0] as bigint;
    const offset = ((start as ColumnVector).data as BigInt64Array)[0] as bigint;
    const count = Number((d + s - 1n) / s);
    const column = time as ColumnVector;
    const values = column.data as BigInt64Array;
    const out = new Array<NestedValue>(column.length);
    for (let i = 0; i < column.length; i++) {
      if (column.validity !== null && column.validity[i] === 0) {
        out[i] = [];
        continue;
      }
      const ts = values[i] as bigint;
      const remainder = (((ts - offset) % s) + s) % s;
      const lastStart = ts - remainder;
      const windows: NestedValue[] = [];
      for (let k = 0; k < count; k++) {
        const windowStart = lastStart - BigInt(k) * s;
        if (ts < windowStart + d) windows.push([windowStart, windowStart + d]);
      }
      out[i] = windows;
    }
    return { type: c.type, length: column.length, data: out, validity: null };
  },
};

/**
 * One row's own session [ts, ts + gap] (NULL when the time is NULL or the gap is not positive). The gap is a
 * calendar interval: an interval string, or an expression of that type, as Spark requires.
 */
const rowSession: ScalarFunction = {
  resolve: (args, ctx) => {
    const [time, gap] = args as [Expr, Expr];
    const kind = time.type.kind.case;
    const input = kind === "timestamp" || kind === "timestampNtz" ? time : implicitCast(time, T.TIMESTAMP);
    const gapKind = gap.type.kind.case;
    if (gapKind !== "calendarInterval" && gapKind !== "string" && gapKind !== "null") {
      throw new AnalysisException(
        `Gap duration expression used in session window must be CalendarIntervalType, but got ${gapKind}.`,
        { errorClass: "_LEGACY_ERROR_TEMP_1040" },
      );
    }
    const interval = implicitCast(gap, T.CALENDAR_INTERVAL);
    const end = resolveIntervalArithmetic("add", input, interval, ctx) as Expr;
    const type = windowStructType(input.type);
    return call(
      SESSION_FUNCTION,
      [input, end],
      type,
      `session_window(${displayOf(time)}, ${displayOf(gap)})`,
      ctx,
      true,
    );
  },
  kernel: ([start, end], c) =>
    zipValues<bigint, bigint, NestedValue>(start as ColumnVector, end as ColumnVector, c.type, (s, e) =>
      e > s ? [s, e] : null,
    ),
};

/** A session column read after the filter that dropped its NULLs: the same values, known non-null. */
const filteredSession: ScalarFunction = {
  resolve: (args, ctx) => {
    const [session] = args as [Expr];
    return call(FILTERED_SESSION_FUNCTION, [session], session.type, displayOf(session), ctx, false);
  },
  kernel: ([session]) => session as ColumnVector,
};

/** window_time(w): the window's end less one microsecond, the latest time inside it. */
const windowTime: ScalarFunction = {
  resolve: (args, ctx) => {
    const [window] = args as [Expr];
    const fields = window.type.kind.case === "struct" ? window.type.kind.value.fields : [];
    const end = fields.find((f) => f.name === "end")?.dataType;
    const usable =
      fields.length === 2 &&
      fields[0]?.name === "start" &&
      (end?.kind.case === "timestamp" || end?.kind.case === "timestampNtz");
    if (!usable || end === undefined) {
      throw dataTypeMismatch(
        "UNEXPECTED_INPUT_TYPE",
        `"window_time(${displayOf(window)})"`,
        "window_time needs a window column.",
        {
          paramIndex: "first",
          requiredType: '"STRUCT<start: TIMESTAMP, end: TIMESTAMP>"',
          inputSql: `"${displayOf(window)}"`,
          inputType: T.sqlTypeName(window.type),
        },
      );
    }
    return call("window_time", [window], end, `window_time(${displayOf(window)})`, ctx, true);
  },
  kernel: ([window], c) =>
    mapValues<readonly (bigint | null)[], bigint>(window as ColumnVector, c.type, (w) => {
      const end = w[1];
      return end === null || end === undefined ? null : end - 1n;
    }),
};

export const timeWindowFunctions: Record<string, ScalarFunction> = {
  [TIME_WINDOWS]: timeWindows,
  window_time: windowTime,
  [SESSION_FUNCTION]: rowSession,
  [FILTERED_SESSION_FUNCTION]: filteredSession,
};
