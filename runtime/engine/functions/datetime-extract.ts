/**
 * extract(field FROM source), date_part(field, source) and datepart(field, source): one calendar or clock field
 * of a date or timestamp, by any of Spark's spellings of the field (`YEAR`, `yrs`, `dow`, `SECONDS`...). Each
 * field is the matching single-field function (year, weekofyear, dayofweek...), shown under the caller's name;
 * SECOND keeps the fraction as DECIMAL(8,6).
 */

import { AnalysisException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { datetimeFunctions } from "./datetime.js";
import { datetimeCalendarFunctions } from "./datetime-calendar.js";
import { floorDiv, toLocalMicros } from "./datetime-format.js";
import { call, type ScalarFunction } from "./function-types.js";
import { isIntervalType } from "./interval-arithmetic.js";
import { intervalExtractFunctions, resolveIntervalExtract } from "./interval-extract.js";
import { mapValues } from "./kernel-helpers.js";

/** Kernel names no front end can spell (a colon), so these helpers are not callable as functions themselves. */
const SECOND_KERNEL = "extract:second";
const ISO_DOW_KERNEL = "extract:dayofweek_iso";

const FIELDS: Record<string, string> = {};
const spell = (target: string, names: readonly string[]) => {
  for (const n of names) FIELDS[n] = target;
};
spell("year", ["YEAR", "Y", "YEARS", "YR", "YRS"]);
spell("quarter", ["QUARTER", "QTR"]);
spell("month", ["MONTH", "MON", "MONS", "MONTHS"]);
spell("weekofyear", ["WEEK", "W", "WEEKS"]);
spell("day", ["DAY", "D", "DAYS"]);
spell("dayofweek", ["DAYOFWEEK", "DOW"]);
spell("dayofweek_iso", ["DAYOFWEEK_ISO", "DOW_ISO"]);
spell("dayofyear", ["DOY"]);
spell("hour", ["HOUR", "H", "HOURS", "HR", "HRS"]);
spell("minute", ["MINUTE", "M", "MIN", "MINS", "MINUTES"]);
spell("second", ["SECOND", "S", "SEC", "SECONDS", "SECS"]);

const FIELD_FUNCTIONS: Record<string, ScalarFunction | undefined> = {
  ...datetimeFunctions,
  ...datetimeCalendarFunctions,
};

/** Seconds of the minute with microseconds, as DECIMAL(8,6) (`59.123456`), on the session's wall clock. */
const secondWithFraction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [source] = args as [Expr];
    const ts = implicitCast(source, T.TIMESTAMP);
    return call(SECOND_KERNEL, [ts], T.decimalType(8, 6), `second(${displayOf(source)})`, ctx);
  },
  kernel: ([ts], c, ctx) =>
    mapValues<bigint, bigint>(ts as ColumnVector, c.type, (micros) => {
      const local = toLocalMicros(micros, ctx.timeZone);
      return local - floorDiv(local, 60_000_000n) * 60_000_000n;
    }),
};

/** ISO day of week, Monday = 1 (weekday counts Monday as 0). */
const isoDayOfWeek: ScalarFunction = {
  resolve: (args, ctx) => {
    const weekday = (datetimeCalendarFunctions.weekday as ScalarFunction).resolve(args, ctx, "weekday");
    return call(ISO_DOW_KERNEL, [weekday], T.INT, weekday.kind === "call" ? weekday.display : "", ctx);
  },
  kernel: ([weekday], c) => mapValues<number, number>(weekday as ColumnVector, c.type, (d) => d + 1),
};

function extractFunction(name: "extract" | "date_part" | "datepart"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [field, source] = args as [Expr, Expr];
      const spelled = field.kind === "literal" && typeof field.value === "string" ? field.value : null;
      const target = spelled === null ? undefined : FIELDS[spelled.toUpperCase()];
      const display =
        name === "date_part"
          ? `date_part(${spelled}, ${displayOf(source)})`
          : `${name}(${spelled} FROM ${displayOf(source)})`;
      if (target === undefined) {
        throw sparkError(
          AnalysisException,
          "INVALID_EXTRACT_FIELD",
          "42601",
          `Cannot extract ${spelled ?? displayOf(field)} from ${displayOf(source)}.`,
          { field: spelled ?? displayOf(field), expr: `"${displayOf(source)}"` },
        );
      }
      if (isIntervalType(source.type)) return resolveIntervalExtract(target, spelled ?? "", source, display, ctx);
      const fn =
        target === "second" ? secondWithFraction : target === "dayofweek_iso" ? isoDayOfWeek : FIELD_FUNCTIONS[target];
      const resolved = (fn as ScalarFunction).resolve([source], ctx, target);
      return resolved.kind === "call" ? { ...resolved, display } : resolved;
    },
  };
}

export const datetimeExtractFunctions: Record<string, ScalarFunction> = {
  extract: extractFunction("extract"),
  date_part: extractFunction("date_part"),
  datepart: extractFunction("datepart"),
  [SECOND_KERNEL]: secondWithFraction,
  [ISO_DOW_KERNEL]: isoDayOfWeek,
  ...intervalExtractFunctions,
};
