/**
 * CAST over whole columns with Spark's three modes: ANSI raises (CAST_INVALID_INPUT, CAST_OVERFLOW), TRY yields
 * NULL, LEGACY wraps integers and yields NULL for malformed strings.
 */
import type { ColumnVector } from "../columnar/column-vector.js";
import { compactDecimalColumn, exactDoublesOf } from "../columnar/compact-decimals.js";
import { castInvalidInput, castOverflow, notSupportedLocally } from "../errors.js";
import { javaDoubleString } from "../logical/expression-display.js";
import type { CastMode } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { intervalText } from "../types/interval-text.js";
import { isNested } from "../types/nested-types.js";
import {
  daysToTimestamp,
  formatDate,
  formatTimestamp,
  parseDate,
  parseTimestamp,
  timestampToDays,
} from "./datetime-format.js";
import { fitsPrecision, outOfRange, pow10, rescale } from "./decimal-math.js";
import { canCastInterval, castInterval } from "./interval-cast.js";
import { constantColumn, mapValues } from "./kernel-helpers.js";
import { canCastNested, castNested } from "./nested-cast.js";

const INTEGRAL_BOUNDS: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
};
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const TRUE_STRINGS = new Set(["t", "true", "y", "yes", "1"]);
const FALSE_STRINGS = new Set(["f", "false", "n", "no", "0"]);
const decoder = new TextDecoder();

/** Whether Spark allows `CAST(from AS to)` at all (checked during analysis). */
export function canCast(from: T.DataType, to: T.DataType): boolean {
  const f = T.typeName(from);
  const t = T.typeName(to);
  if (isNested(from) || isNested(to)) return f === "null" || canCastNested(from, to, canCast);
  const withInterval = canCastInterval(from, to);
  if (withInterval !== undefined) return withInterval;
  if (f === t || f === "null" || t === "string") return true;
  const numericLike = (n: string) =>
    ["byte", "short", "integer", "long", "float", "double", "decimal", "boolean"].includes(n);
  if (numericLike(f) && numericLike(t)) return true;
  if (f === "string") return t !== "null";
  if (
    (f === "date" || f === "timestamp" || f === "timestampNtz") &&
    (t === "date" || t === "timestamp" || t === "timestampNtz")
  )
    return true;
  if (f === "binary") return t === "binary";
  return false;
}

export interface CastContext {
  readonly timeZone: string;
}

export function castColumn(input: ColumnVector, to: T.DataType, mode: CastMode, ctx: CastContext): ColumnVector {
  const from = input.type;
  if (T.sameType(from, to)) return input;
  if (from.kind.case === "null") return constantColumn(to, null, input.length);
  if (isNested(from)) return castNested(input, to, mode, ctx, castColumn);
  const fail = (error: Error): null => {
    if (mode === "ansi") throw error;
    return null;
  };
  const f = T.typeName(from);
  const t = T.typeName(to);
  const fromName = T.sqlTypeName(from);
  const toName = T.sqlTypeName(to);

  if (t === "string") return mapValues<unknown, string>(input, to, (v) => toText(v, from, ctx));
  if (canCastInterval(from, to) !== undefined) return castInterval(input, to, mode);

  if (f === "string") {
    return mapValues<string, unknown>(input, to, (text) => {
      const parsed = parseText(text, to, ctx);
      return parsed === null ? fail(castInvalidInput(text, fromName, toName)) : parsed;
    });
  }

  if (t === "decimal" || f === "decimal") {
    const decimal = castDecimal(input, to, mode);
    if (decimal !== null) return decimal;
  }

  if (t === "boolean") {
    if (f === "long") return mapValues<bigint, number>(input, to, (v) => (v !== 0n ? 1 : 0));
    if (T.isNumeric(from)) return mapValues<number, number>(input, to, (v) => (v !== 0 ? 1 : 0));
  }
  if (f === "boolean" && T.isNumeric(to) && t !== "decimal") {
    return mapValues<number, number | bigint>(input, to, (v) => (t === "long" ? BigInt(v) : v));
  }

  if (T.isNumeric(from) && T.isNumeric(to) && f !== "decimal" && t !== "decimal") {
    if (t === "double" || t === "float") {
      return mapValues<number | bigint, number>(input, to, (v) => (t === "float" ? Math.fround(Number(v)) : Number(v)));
    }
    if (t === "long") {
      return mapValues<number | bigint, bigint>(input, to, (v) => {
        if (typeof v === "bigint") return v;
        if (Number.isNaN(v) || v >= 9.223372036854776e18 || v < -9.223372036854776e18) {
          return mode === "legacy"
            ? BigInt.asIntN(64, BigInt(Math.trunc(Number.isNaN(v) ? 0 : v)))
            : fail(castOverflow(javaDoubleString(v), fromName, toName));
        }
        return BigInt(Math.trunc(v));
      });
    }
    const [min, max] = INTEGRAL_BOUNDS[t] as [number, number];
    const bits = t === "byte" ? 8 : t === "short" ? 16 : 32;
    return mapValues<number | bigint, number>(input, to, (v) => {
      const n = typeof v === "bigint" ? v : Math.trunc(v);
      const inRange = typeof n === "bigint" ? n >= BigInt(min) && n <= BigInt(max) : n >= min && n <= max;
      if (inRange) return Number(n);
      if (mode === "legacy")
        return Number(BigInt.asIntN(bits, typeof n === "bigint" ? n : BigInt(Number.isNaN(n) ? 0 : n)));
      const shown =
        typeof v === "bigint"
          ? `${v}L`
          : Number.isInteger(v) && f !== "double" && f !== "float"
            ? String(v)
            : javaDoubleString(v);
      return fail(castOverflow(shown, fromName, toName));
    });
  }

  if (f === "date" && (t === "timestamp" || t === "timestampNtz")) {
    return mapValues<number, bigint>(input, to, (d) => daysToTimestamp(d, t === "timestamp" ? ctx.timeZone : "UTC"));
  }
  if ((f === "timestamp" || f === "timestampNtz") && t === "date") {
    return mapValues<bigint, number>(input, to, (m) => timestampToDays(m, f === "timestamp" ? ctx.timeZone : "UTC"));
  }
  if (f === "timestampNtz" && t === "timestamp") {
    return mapValues<bigint, bigint>(input, to, (m) => daysToTimestamp(0, ctx.timeZone) + m);
  }
  if (f === "timestamp" && t === "timestampNtz") {
    return mapValues<bigint, bigint>(input, to, (m) => m - daysToTimestamp(0, ctx.timeZone));
  }
  throw notSupportedLocally(`CAST(${T.simpleString(from)} AS ${T.simpleString(to)})`);
}

/** Parses a decimal number into an unscaled value at `scale` (HALF_UP); null when malformed. */
export function parseDecimalText(text: string, scale: number): bigint | null {
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return null;
  const digits = `${match[2]}${match[3] ?? ""}`;
  const exponent = Number(match[4] ?? 0) - (match[3] ?? "").length;
  const unscaled = rescale(BigInt(digits === "" ? "0" : digits), -exponent, scale);
  return match[1] === "-" ? -unscaled : unscaled;
}

/** Casts into or out of DECIMAL; null when the pair is not a decimal cast this function handles. */
/**
 * decimal → decimal keeping or raising the scale, for values exact as doubles: stays compact (no BigInts);
 * undefined when some value would not fit (the ordinary path then raises or gives NULL as Spark does).
 */
function widenExactly(input: ColumnVector, to: T.DataType): ColumnVector | undefined {
  const { precision, scale } = T.decimalParts(to);
  const raise = scale - T.decimalParts(input.type).scale;
  if (raise < 0 || raise > 15) return undefined;
  const values = exactDoublesOf(input);
  if (values === undefined) return undefined;
  const factor = 10 ** raise;
  const limit = precision <= 15 ? 10 ** precision - 1 : Number.MAX_SAFE_INTEGER;
  const validity = input.validity;
  const out = new Float64Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const r = (values[i] as number) * factor;
    if (r > limit || r < -limit) {
      if (validity === null || validity[i] === 1) return undefined;
      continue;
    }
    out[i] = r;
  }
  return compactDecimalColumn(to, out, validity);
}

function castDecimal(input: ColumnVector, to: T.DataType, mode: CastMode): ColumnVector | null {
  const from = input.type;
  const overflow = (shown: string): null => {
    if (mode === "ansi") throw castOverflow(shown, T.sqlTypeName(from), T.sqlTypeName(to));
    return null;
  };
  if (to.kind.case === "decimal") {
    const { precision, scale } = T.decimalParts(to);
    const fitToPrecision = (v: bigint, shown: () => string): bigint | null => {
      if (fitsPrecision(v, precision)) return v;
      if (mode === "ansi") throw outOfRange(v, { precision, scale });
      return overflow(shown());
    };
    if (from.kind.case === "decimal") {
      const fromScale = T.decimalParts(from).scale;
      const widened = widenExactly(input, to);
      if (widened !== undefined) return widened;
      return mapValues<bigint, bigint>(input, to, (v) =>
        fitToPrecision(rescale(v, fromScale, scale), () => formatDecimal(v, fromScale)),
      );
    }
    if (T.isIntegral(from) || from.kind.case === "boolean") {
      return mapValues<number | bigint, bigint>(input, to, (v) =>
        fitToPrecision(BigInt(v) * pow10(scale), () => String(v)),
      );
    }
    if (T.isFractional(from)) {
      return mapValues<number, bigint>(input, to, (v) => {
        if (!Number.isFinite(v)) return overflow(javaDoubleString(v));
        return fitToPrecision(parseDecimalText(String(v), scale) as bigint, () => javaDoubleString(v));
      });
    }
    return null;
  }
  const fromScale = T.decimalParts(from).scale;
  const unit = pow10(fromScale);
  switch (to.kind.case) {
    case "double":
    case "float": {
      // Unscaled values exact as doubles divide by an exact power of ten: one correctly rounded step, the same
      // double as parsing the decimal's text.
      const exact = fromScale <= 22 ? exactDoublesOf(input) : undefined;
      if (exact !== undefined) {
        const divisor = 10 ** fromScale;
        const out = to.kind.case === "float" ? new Float32Array(input.length) : new Float64Array(input.length);
        for (let i = 0; i < input.length; i++) out[i] = (exact[i] as number) / divisor;
        return { type: to, length: input.length, data: out, validity: input.validity };
      }
      return mapValues<bigint, number>(input, to, (v) => {
        const n = Number(formatDecimal(v, fromScale));
        return to.kind.case === "float" ? Math.fround(n) : n;
      });
    }
    case "boolean":
      return mapValues<bigint, number>(input, to, (v) => (v !== 0n ? 1 : 0));
    case "byte":
    case "short":
    case "integer":
    case "long": {
      const bits = to.kind.case === "byte" ? 8 : to.kind.case === "short" ? 16 : to.kind.case === "integer" ? 32 : 64;
      return mapValues<bigint, number | bigint>(input, to, (v) => {
        const whole = v / unit;
        if (BigInt.asIntN(bits, whole) !== whole) return overflow(formatDecimal(v, fromScale));
        return bits === 64 ? whole : Number(whole);
      });
    }
    default:
      return null;
  }
}

function toText(value: unknown, from: T.DataType, ctx: CastContext): string {
  switch (from.kind.case) {
    case "boolean":
      return value === 1 ? "true" : "false";
    case "double":
      return javaDoubleString(value as number);
    case "float":
      return javaFloatString(value as number);
    case "date":
      return formatDate(value as number);
    case "timestamp":
      return formatTimestamp(value as bigint, ctx.timeZone);
    case "timestampNtz":
      return formatTimestamp(value as bigint, "UTC");
    case "binary":
      return decoder.decode(value as Uint8Array);
    case "decimal": {
      const { scale } = T.decimalParts(from);
      return formatDecimal(value as bigint, scale);
    }
    case "yearMonthInterval":
    case "dayTimeInterval":
    case "calendarInterval":
      return intervalText(value, from);
    default:
      return String(value);
  }
}

export function formatDecimal(unscaled: bigint, scale: number): string {
  if (scale === 0) return unscaled.toString();
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Java's `Float.toString`: the shortest decimal that reads back as the same float. */
function javaFloatString(value: number): string {
  if (!Number.isFinite(value)) return javaDoubleString(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return javaDoubleString(candidate);
  }
  return javaDoubleString(value);
}

function parseText(raw: string, to: T.DataType, ctx: CastContext): unknown {
  const text = raw.trim();
  switch (to.kind.case) {
    case "boolean": {
      const lower = text.toLowerCase();
      return TRUE_STRINGS.has(lower) ? 1 : FALSE_STRINGS.has(lower) ? 0 : null;
    }
    case "byte":
    case "short":
    case "integer": {
      if (!/^[+-]?\d+$/.test(text)) return null;
      const [min, max] = INTEGRAL_BOUNDS[to.kind.case] as [number, number];
      const n = Number(text);
      return n >= min && n <= max ? n : null;
    }
    case "long": {
      if (!/^[+-]?\d+$/.test(text)) return null;
      const n = BigInt(text);
      return n >= LONG_MIN && n <= LONG_MAX ? n : null;
    }
    case "float":
    case "double": {
      const lower = text.toLowerCase();
      const special: Record<string, number> = {
        nan: Number.NaN,
        infinity: Infinity,
        "+infinity": Infinity,
        "-infinity": -Infinity,
        inf: Infinity,
        "+inf": Infinity,
        "-inf": -Infinity,
      };
      if (lower in special) return special[lower];
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(text)) return null;
      const n = Number.parseFloat(text);
      return to.kind.case === "float" ? Math.fround(n) : n;
    }
    case "date":
      return parseDate(text);
    case "timestamp":
      return parseTimestamp(text, ctx.timeZone);
    case "timestampNtz":
      return parseTimestamp(text, "UTC");
    case "binary":
      return new TextEncoder().encode(raw);
    case "decimal": {
      const { precision, scale } = T.decimalParts(to);
      const unscaled = parseDecimalText(text, scale);
      return unscaled !== null && fitsPrecision(unscaled, precision) ? unscaled : null;
    }
    default:
      throw notSupportedLocally(`CAST(STRING AS ${T.simpleString(to).toUpperCase()})`);
  }
}

/** Whether the integer or decimal type `from` always fits in decimal `to` (Spark's canNullSafeCastToDecimal). */
function fitsInDecimal(from: T.DataType, to: T.DataType): boolean {
  if (!T.isIntegral(from) && from.kind.case !== "decimal") return false;
  const source = from.kind.case === "decimal" ? T.decimalParts(from) : T.decimalParts(T.decimalForIntegral(from));
  const target = T.decimalParts(to);
  return target.precision - target.scale >= source.precision - source.scale && target.scale >= source.scale;
}

/**
 * Whether a cast can produce NULL from a non-NULL input (or fail, under ANSI), which Spark reports as a
 * nullable result: parsing strings, narrowing fractions to integers, decimals that may not fit, dates.
 */
export function castForcesNullable(from: T.DataType, to: T.DataType): boolean {
  const f = from.kind.case;
  const t = to.kind.case;
  if (T.sameType(from, to) || t === "string") return false;
  if (f === "string") return t !== "binary";
  if (T.isAnsiInterval(from) && T.isAnsiInterval(to)) return false;
  if (t === "decimal") return !fitsInDecimal(from, to);
  if ((T.isFractional(from) || f === "decimal") && T.isIntegral(to)) return true;
  if (t === "date") return f !== "timestamp" && f !== "timestampNtz";
  if (f === "date" && T.isNumeric(to)) return true;
  return (f === "float" || f === "double") && (t === "timestamp" || t === "timestampNtz");
}
