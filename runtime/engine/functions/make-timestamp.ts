/**
 * Timestamps built from fields: make_timestamp / make_timestamp_ltz (an instant: the wall-clock fields read in
 * the given or the session time zone), make_timestamp_ntz (the wall-clock fields themselves) and their try_
 * forms. Seconds are DECIMAL(16,6) with microseconds; 60 seconds with no fraction rolls into the next minute, as
 * in Spark. A field out of range raises Spark's DATETIME_FIELD_OUT_OF_BOUNDS under ANSI and gives NULL otherwise
 * (always NULL for the try_ forms).
 */
import { DateTimeException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { daysFromCivil, daysInMonth, fromLocalMicros } from "./datetime-format.js";
import { MONTHS } from "./datetime-pattern.js";
import { call, type ScalarFunction } from "./function-types.js";
import { valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";

const SECONDS_TYPE = T.decimalType(16, 6);
const MICROS_PER_SECOND = 1_000_000n;

function outOfBounds(text: string): Error {
  return sparkError(DateTimeException, "DATETIME_FIELD_OUT_OF_BOUNDS.WITH_SUGGESTION", "22023", `${text}.`, {
    rangeMessage: text,
    ansiConfig: '"spark.sql.ansi.enabled"',
  });
}

function invalidFraction(secAndMicros: bigint): Error {
  // Spark shows the seconds without trailing zeros (60.5, not 60.500000).
  const fraction = String(secAndMicros % MICROS_PER_SECOND)
    .padStart(6, "0")
    .replace(/0+$/, "");
  const shown = `${secAndMicros / MICROS_PER_SECOND}${fraction === "" ? "" : `.${fraction}`}`;
  return sparkError(
    DateTimeException,
    "INVALID_FRACTION_OF_SECOND",
    "22023",
    `Valid range for seconds is [0, 60] (inclusive), but the provided value is ${shown}. To avoid this error, use \`try_make_timestamp\`, which returns NULL on error. If you do not want to use the session default timestamp version of this function, use \`try_make_timestamp_ntz\` or \`try_make_timestamp_ltz\`.`,
    { secAndMicros: shown },
  );
}

const range = (field: string, low: number, high: number | string, value: number | bigint) =>
  `Invalid value for ${field} (valid values ${low} - ${high}): ${value}`;

/** Wall-clock microseconds (as if UTC) for the fields, or the reason they name no time. */
function localMicros(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  secAndMicros: bigint,
): bigint | Error {
  if (month < 1 || month > 12) return outOfBounds(range("MonthOfYear", 1, 12, month));
  if (day < 1 || day > 31) return outOfBounds(range("DayOfMonth", 1, "28/31", day));
  if (day > daysInMonth(year, month)) {
    // java.time words a February 29 in a common year differently from other days past the month's end.
    if (month === 2 && day === 29) return outOfBounds(`Invalid date 'February 29' as '${year}' is not a leap year`);
    return outOfBounds(`Invalid date '${(MONTHS[month - 1] as string).toUpperCase()} ${day}'`);
  }
  if (hour < 0 || hour > 23) return outOfBounds(range("HourOfDay", 0, 23, hour));
  if (minute < 0 || minute > 59) return outOfBounds(range("MinuteOfHour", 0, 59, minute));
  const seconds = secAndMicros / MICROS_PER_SECOND;
  const micros = secAndMicros % MICROS_PER_SECOND;
  if (seconds === 60n && micros !== 0n) return invalidFraction(secAndMicros);
  if (seconds < 0n || seconds > 60n) return outOfBounds(range("SecondOfMinute", 0, 59, seconds));
  if (micros < 0n) return outOfBounds(range("NanoOfSecond", 0, 999999999, micros * 1000n));
  const dayMicros = BigInt(daysFromCivil(year, month, day)) * 86_400n * MICROS_PER_SECOND;
  return dayMicros + BigInt(hour * 3600 + minute * 60) * MICROS_PER_SECOND + secAndMicros;
}

type Flavour = "session" | "ltz" | "ntz";

function builder(name: string, flavour: Flavour, tryForm: boolean): ScalarFunction {
  const type = flavour === "ntz" ? T.TIMESTAMP_NTZ : T.TIMESTAMP;
  return {
    resolve: (args, ctx) => {
      const most = flavour === "ntz" ? 6 : 7;
      if (args.length < 6 || args.length > most) throw notSupportedLocally(`${name} with ${args.length} arguments`);
      const ints = args.slice(0, 5).map((a) => (a.type.kind.case === "integer" ? a : implicitCast(a, T.INT)));
      const seconds = implicitCast(args[5] as Expr, SECONDS_TYPE);
      const zone = args[6] === undefined ? [] : [implicitCast(args[6], T.STRING)];
      // Spark leaves the zone out of try_make_timestamp's name (not out of the _ltz form's).
      const shown = name === "try_make_timestamp" ? args.slice(0, 6) : args;
      const display = `${name}(${shown.map(displayOf).join(", ")})`;
      // Only the ANSI, non-try form can promise a value for non-NULL fields (it raises instead of giving NULL).
      const nullable = tryForm || !ctx.ansi || args.some((a) => a.nullable);
      return call(name, [...ints, seconds, ...zone], type, display, ctx, nullable);
    },
    kernel: (inputs, c, ctx) => {
      const [years, months, days, hours, minutes] = inputs.slice(0, 5).map((v) => valuesOf<number>(v));
      const seconds = valuesOf<bigint>(inputs[5] as ColumnVector);
      const zones = inputs[6] === undefined ? undefined : valuesOf<string>(inputs[6]);
      return mapRows<bigint>(inputs, type, (i) => {
        const local = localMicros(
          years?.[i] as number,
          months?.[i] as number,
          days?.[i] as number,
          hours?.[i] as number,
          minutes?.[i] as number,
          seconds[i] as bigint,
        );
        if (local instanceof Error) {
          if (c.ansi && !tryForm) throw local;
          return null;
        }
        return flavour === "ntz" ? local : fromLocalMicros(local, zones?.[i] ?? ctx.timeZone);
      });
    },
  };
}

export const makeTimestampFunctions: Record<string, ScalarFunction> = {
  make_timestamp: builder("make_timestamp", "session", false),
  make_timestamp_ltz: builder("make_timestamp_ltz", "ltz", false),
  make_timestamp_ntz: builder("make_timestamp_ntz", "ntz", false),
  try_make_timestamp: builder("try_make_timestamp", "session", true),
  try_make_timestamp_ltz: builder("try_make_timestamp_ltz", "ltz", true),
  try_make_timestamp_ntz: builder("try_make_timestamp_ntz", "ntz", true),
};
