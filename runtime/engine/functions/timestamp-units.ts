/**
 * timestampadd(unit, quantity, ts) and timestampdiff(unit, start, end), the functions behind timestamp_add and
 * timestamp_diff. As in Spark: units up to HOUR add exact microseconds, DAY and WEEK move the wall-clock date in
 * the session zone, MONTH/QUARTER/YEAR add calendar months (clamping the day to the month's end); a difference is
 * java.time's ChronoUnit.between of the two wall-clock date-times, truncated toward zero. TIMESTAMP_NTZ values
 * are wall-clock times already, so no zone applies to them.
 */
import { AnalysisException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  floorDiv,
  fromLocalMicros,
  toLocalMicros,
} from "./datetime-format.js";
import { call, type ScalarFunction } from "./function-types.js";
import { valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";

const MICROS_PER_DAY = 86_400_000_000n;

/** Microseconds in each exact unit. */
const EXACT_UNITS: Record<string, bigint> = {
  MICROSECOND: 1n,
  MILLISECOND: 1_000n,
  SECOND: 1_000_000n,
  MINUTE: 60_000_000n,
  HOUR: 3_600_000_000n,
};
const DAY_UNITS: Record<string, bigint> = { DAY: 1n, DAYOFYEAR: 1n, WEEK: 7n };
const MONTH_UNITS: Record<string, bigint> = { MONTH: 1n, QUARTER: 3n, YEAR: 12n };

function unitOf(unit: Expr, functionName: string): string {
  const text = unit.kind === "literal" && typeof unit.value === "string" ? unit.value.toUpperCase() : "";
  const known = text in EXACT_UNITS || text in DAY_UNITS || text in MONTH_UNITS;
  if (known && (functionName === "timestampadd" || text !== "DAYOFYEAR")) return text;
  const shown = unit.kind === "literal" ? String(unit.value) : displayOf(unit);
  throw sparkError(
    AnalysisException,
    "INVALID_PARAMETER_VALUE.DATETIME_UNIT",
    "22023",
    `The value of parameter(s) \`unit\` in \`${functionName}\` is invalid: expects one of the units without quotes YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, but got the string literal '${shown}'.`,
    { functionName: `\`${functionName}\``, parameter: "`unit`", invalidValue: `'${shown}'` },
  );
}

/** Dates become timestamps; TIMESTAMP and TIMESTAMP_NTZ stay as they are. */
const asTimestamp = (e: Expr): Expr =>
  e.type.kind.case === "timestamp" || e.type.kind.case === "timestampNtz" ? e : implicitCast(e, T.TIMESTAMP);

/** Wall-clock micros split into the epoch day and the time of day. */
function split(local: bigint): { days: number; time: bigint } {
  const days = floorDiv(local, MICROS_PER_DAY);
  return { days: Number(days), time: local - days * MICROS_PER_DAY };
}

function addMonths(days: number, months: bigint): number {
  const { year, month, day } = civilFromDays(days);
  const total = BigInt(year) * 12n + BigInt(month - 1) + months;
  const newYear = Number(total / 12n - (total % 12n < 0n ? 1n : 0n));
  const newMonth = Number(((total % 12n) + 12n) % 12n) + 1;
  return daysFromCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function timestampAdd(unit: string, quantity: bigint, micros: bigint, zone: string): bigint {
  const exact = EXACT_UNITS[unit];
  if (exact !== undefined) return micros + quantity * exact;
  const local = split(toLocalMicros(micros, zone));
  const dayStep = DAY_UNITS[unit];
  const days =
    dayStep !== undefined
      ? local.days + Number(quantity * dayStep)
      : addMonths(local.days, quantity * (MONTH_UNITS[unit] as bigint));
  return fromLocalMicros(BigInt(days) * MICROS_PER_DAY + local.time, zone);
}

/** Java's LocalDate.until in months: proleptic months, less one when the end's day has not come round yet. */
function monthsBetween(startDays: number, endDays: number): bigint {
  const packed = (days: number) => {
    const { year, month, day } = civilFromDays(days);
    return (BigInt(year) * 12n + BigInt(month - 1)) * 32n + BigInt(day);
  };
  return (packed(endDays) - packed(startDays)) / 32n;
}

export function timestampDiff(unit: string, start: bigint, end: bigint, zone: string): bigint {
  const localStart = toLocalMicros(start, zone);
  const localEnd = toLocalMicros(end, zone);
  const exact = EXACT_UNITS[unit];
  if (exact !== undefined) return (localEnd - localStart) / exact;
  // Date-based units count whole days: an end whose time of day is before the start's has not finished its day.
  const a = split(localStart);
  const b = split(localEnd);
  let endDays = b.days;
  if (b.days > a.days && b.time < a.time) endDays--;
  else if (b.days < a.days && b.time > a.time) endDays++;
  const dayStep = DAY_UNITS[unit];
  if (dayStep !== undefined) return BigInt(endDays - a.days) / dayStep;
  return monthsBetween(a.days, endDays) / (MONTH_UNITS[unit] as bigint);
}

const zoneFor = (type: T.DataType, sessionZone: string) => (type.kind.case === "timestampNtz" ? "UTC" : sessionZone);

const timestampAddFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [unitArg, quantity, ts] = args as [Expr, Expr, Expr];
    const unit = unitOf(unitArg, "timestampadd");
    const input = asTimestamp(ts);
    const display = `timestampadd(${displayOf(unitArg)}, ${displayOf(quantity)}, ${displayOf(ts)})`;
    const unitLiteral: Expr = { kind: "literal", value: unit, type: T.STRING, nullable: false };
    return call("timestampadd", [unitLiteral, implicitCast(quantity, T.LONG), input], input.type, display, ctx);
  },
  kernel: ([unitColumn, quantity, ts], _call, ctx) => {
    const unit = valuesOf<string>(unitColumn as ColumnVector)[0] as string;
    const column = ts as ColumnVector;
    const zone = zoneFor(column.type, ctx.timeZone);
    const amounts = valuesOf<bigint>(quantity as ColumnVector);
    const micros = valuesOf<bigint>(column);
    return mapRows<bigint>([quantity as ColumnVector, column], column.type, (i) =>
      timestampAdd(unit, amounts[i] as bigint, micros[i] as bigint, zone),
    );
  },
};

const timestampDiffFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [unitArg, start, end] = args as [Expr, Expr, Expr];
    const unit = unitOf(unitArg, "timestampdiff");
    let [from, to] = [asTimestamp(start), asTimestamp(end)];
    // Mixed flavours compare as TIMESTAMP, as Spark's type coercion makes them.
    if (from.type.kind.case !== to.type.kind.case)
      [from, to] = [implicitCast(from, T.TIMESTAMP), implicitCast(to, T.TIMESTAMP)];
    const display = `timestampdiff(${displayOf(unitArg)}, ${displayOf(start)}, ${displayOf(end)})`;
    const unitLiteral: Expr = { kind: "literal", value: unit, type: T.STRING, nullable: false };
    return call("timestampdiff", [unitLiteral, from, to], T.LONG, display, ctx);
  },
  kernel: ([unitColumn, start, end], _call, ctx) => {
    const unit = valuesOf<string>(unitColumn as ColumnVector)[0] as string;
    const zone = zoneFor((start as ColumnVector).type, ctx.timeZone);
    const starts = valuesOf<bigint>(start as ColumnVector);
    const ends = valuesOf<bigint>(end as ColumnVector);
    return mapRows<bigint>([start as ColumnVector, end as ColumnVector], T.LONG, (i) =>
      timestampDiff(unit, starts[i] as bigint, ends[i] as bigint, zone),
    );
  },
};

export const timestampUnitFunctions: Record<string, ScalarFunction> = {
  timestampadd: timestampAddFunction,
  timestampdiff: timestampDiffFunction,
};
