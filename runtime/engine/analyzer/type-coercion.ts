/**
 * Spark's implicit casts (the ANSI flavour, Spark 4's default): numeric widening, NULL adapting to anything,
 * DATE meeting TIMESTAMP, and strings adapting to the other side of a comparison.
 */
import { castForcesNullable } from "../functions/cast-kernel.js";
import type { Cast, Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { widerNestedType } from "../types/nested-types.js";

export function implicitCast(expr: Expr, type: T.DataType): Expr {
  if (T.sameType(expr.type, type)) return expr;
  if (expr.kind === "literal" && expr.value === null) return { ...expr, type };
  // Parsing a string can fail, so such a cast is nullable whatever its input (as Spark's Cast.nullable).
  const nullable = expr.nullable || castForcesNullable(expr.type, type);
  const cast: Cast = { kind: "cast", child: expr, type, nullable, mode: "ansi", implicit: true };
  return cast;
}

/** The tightest type both sides widen to without losing range, or null when there is none. */
export function widerType(a: T.DataType, b: T.DataType): T.DataType | null {
  if (T.sameType(a, b)) return a;
  if (T.isNullType(a)) return b;
  if (T.isNullType(b)) return a;
  if (T.isNumeric(a) && T.isNumeric(b)) {
    if (a.kind.case === "decimal" || b.kind.case === "decimal") return widerWithDecimal(a, b);
    // ANSI: a FLOAT cannot hold every integer exactly, so FLOAT meeting any integral type gives DOUBLE.
    if ((a.kind.case === "float" && !T.isFractional(b)) || (b.kind.case === "float" && !T.isFractional(a)))
      return T.DOUBLE;
    return T.numericRank(a) >= T.numericRank(b) ? a : b;
  }
  if (a.kind.case === b.kind.case && T.isAnsiInterval(a)) return widerIntervalRange(a, b);
  const names = new Set([a.kind.case, b.kind.case]);
  if (names.has("date") && names.has("timestamp")) return T.TIMESTAMP;
  if (names.has("date") && names.has("timestampNtz")) return T.TIMESTAMP_NTZ;
  if (names.has("timestamp") && names.has("timestampNtz")) return T.TIMESTAMP;
  return widerNestedType(a, b, widerType);
}

/** Two ANSI intervals of one family meet at the union of their field ranges (DAY and HOUR → DAY TO HOUR). */
function widerIntervalRange(a: T.DataType, b: T.DataType): T.DataType {
  const x = T.intervalFields(a);
  const y = T.intervalFields(b);
  const [start, end] = [Math.min(x.start, y.start), Math.max(x.end, y.end)];
  return a.kind.case === "yearMonthInterval" ? T.yearMonthIntervalType(start, end) : T.dayTimeIntervalType(start, end);
}

function widerWithDecimal(a: T.DataType, b: T.DataType): T.DataType {
  if (T.isFractional(a) || T.isFractional(b)) return T.DOUBLE;
  const da = a.kind.case === "decimal" ? T.decimalParts(a) : T.decimalParts(T.decimalForIntegral(a));
  const db = b.kind.case === "decimal" ? T.decimalParts(b) : T.decimalParts(T.decimalForIntegral(b));
  const scale = Math.max(da.scale, db.scale);
  const range = Math.max(da.precision - da.scale, db.precision - db.scale);
  return T.decimalType(Math.min(38, range + scale), Math.min(38, scale));
}

/** One type for several values (CASE branches, COALESCE, IN lists, UNION columns); strings only meet strings. */
export function commonType(types: readonly T.DataType[]): T.DataType | null {
  let result: T.DataType = T.NULL;
  for (const type of types) {
    const wider = widerType(result, type);
    if (wider === null) return null;
    result = wider;
  }
  return result;
}

/** The types two comparison operands are brought to; strings follow the other side as ANSI mode does. */
export function comparisonType(a: T.DataType, b: T.DataType): T.DataType | null {
  const wider = widerType(a, b);
  if (wider !== null) return wider;
  if (T.isString(a) && !T.isString(b) && b.kind.case !== "binary") return T.isNumeric(b) ? widenStringPeer(b) : b;
  if (T.isString(b) && !T.isString(a) && a.kind.case !== "binary") return T.isNumeric(a) ? widenStringPeer(a) : a;
  return null;
}

/** A string compared with an integral value is read as BIGINT, with a fractional value as DOUBLE. */
function widenStringPeer(numeric: T.DataType): T.DataType {
  return T.isIntegral(numeric) ? T.LONG : numeric.kind.case === "decimal" ? T.DOUBLE : numeric;
}
