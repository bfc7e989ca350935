/**
 * Typed date and timestamp literals: `DATE '2020-1-2'`, `TIMESTAMP '2020-01-02 03:04:05.123456'`,
 * `TIMESTAMP_NTZ '...'`, `TIMESTAMP_LTZ '...'`. Accepts the same partial forms Spark does (`'2020'`,
 * `'2020-01'`, `T` or space as the separator, an optional zone such as `Z`, `+08:00`, `UTC` or a region id).
 * A timestamp without a zone is read in the session time zone.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { literal } from "./expression-builders.js";
import { invalidSql, type SqlPosition } from "./parse-error.js";

const MICROS_PER_DAY = 86_400_000_000n;

const DATE = /^\s*([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$/;
const TIMESTAMP =
  /^\s*([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?|(?:UTC|GMT|UT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Za-z_]+\/[A-Za-z_/+-]+)?\s*$/;

export type TimestampKind = "timestamp" | "timestampNtz";

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  micros: number;
}

function invalidTyped(sql: string, at: SqlPosition, typeName: string, text: string): Error {
  return invalidSql(
    sql,
    at,
    "INVALID_TYPED_LITERAL",
    "42604",
    `The value of the typed literal "${typeName}" is invalid: '${text}'.`,
    { valueType: `"${typeName}"`, value: `'${text}'` },
  );
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCDate() === day;
}

function epochDay(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return Math.floor(date.getTime() / 86_400_000);
}

export function dateLiteral(text: string, sql: string, at: SqlPosition): Expression {
  const match = DATE.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2] ?? 1);
  const day = Number(match?.[3] ?? 1);
  if (match === null || !validDate(year, month, day)) throw invalidTyped(sql, at, "DATE", text);
  return literal({ literalType: { case: "date", value: epochDay(year, month, day) } });
}

export function timestampLiteral(
  text: string,
  kind: TimestampKind,
  sessionTimeZone: string,
  sql: string,
  at: SqlPosition,
): Expression {
  const typeName = kind === "timestamp" ? "TIMESTAMP" : "TIMESTAMP_NTZ";
  const match = TIMESTAMP.exec(text);
  if (match === null) throw invalidTyped(sql, at, typeName, text);
  const fields: Fields = {
    year: Number(match[1]),
    month: Number(match[2] ?? 1),
    day: Number(match[3] ?? 1),
    hour: Number(match[4] ?? 0),
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
    micros: Number((match[7] ?? "").padEnd(6, "0").slice(0, 6)),
  };
  const zone = match[8];
  if (
    !validDate(fields.year, fields.month, fields.day) ||
    fields.hour > 23 ||
    fields.minute > 59 ||
    fields.second > 59 ||
    (kind === "timestampNtz" && zone !== undefined)
  ) {
    throw invalidTyped(sql, at, typeName, text);
  }
  const local = localMicros(fields);
  if (kind === "timestampNtz") return literal({ literalType: { case: "timestampNtz", value: local } });
  const offset = zoneOffsetMicros(zone ?? sessionTimeZone, local);
  if (offset === undefined) throw invalidTyped(sql, at, typeName, text);
  return literal({ literalType: { case: "timestamp", value: local - offset } });
}

const TIME = /^\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?\s*$/;

/** `TIME 'hh:mm[:ss[.fffffffff]]'`: nanoseconds since midnight, at TIME's default precision of 6. */
export function timeLiteral(text: string, sql: string, at: SqlPosition): Expression {
  const match = TIME.exec(text);
  const [hour, minute, second] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3] ?? 0)];
  if (match === null || hour > 23 || minute > 59 || second > 59) throw invalidTyped(sql, at, "TIME", text);
  const fraction = BigInt((match[4] ?? "").padEnd(9, "0"));
  const nano = BigInt(hour * 3600 + minute * 60 + second) * 1_000_000_000n + fraction;
  return literal({ literalType: { case: "time", value: { nano, precision: 6 } } });
}

/** Microseconds since the epoch of the wall-clock fields read as UTC. */
function localMicros(fields: Fields): bigint {
  const days = BigInt(epochDay(fields.year, fields.month, fields.day));
  const seconds = BigInt(fields.hour * 3600 + fields.minute * 60 + fields.second);
  return days * MICROS_PER_DAY + seconds * 1_000_000n + BigInt(fields.micros);
}

/**
 * Offset of `zone` from UTC, in microseconds, at the wall-clock instant `localMicros`. Fixed offsets are read
 * directly; region ids go through Intl, re-checked once so a wall time next to a DST switch lands right.
 */
function zoneOffsetMicros(zone: string, localMicros: bigint): bigint | undefined {
  const fixed = fixedOffsetSeconds(zone);
  if (fixed !== undefined) return BigInt(fixed) * 1_000_000n;
  const guess = Number(localMicros / 1000n);
  const first = regionOffsetMillis(zone, guess);
  if (first === undefined) return undefined;
  const second = regionOffsetMillis(zone, guess - first) ?? first;
  return BigInt(second) * 1000n;
}

function fixedOffsetSeconds(zone: string): number | undefined {
  const upper = zone.toUpperCase();
  if (upper === "Z" || upper === "UTC" || upper === "GMT" || upper === "UT") return 0;
  const match = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(upper);
  if (match === null) return undefined;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return match[1] === "-" ? -seconds : seconds;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function regionOffsetMillis(zone: string, utcMillis: number): number | undefined {
  let format = formatters.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        era: "short",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      return undefined;
    }
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(utcMillis)).map((p) => [p.type, p.value]));
  const year = parts.era === "BC" ? 1 - Number(parts.year) : Number(parts.year);
  const date = new Date(
    Date.UTC(
      2000,
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    ),
  );
  date.setUTCFullYear(year);
  const wholeSecond = Math.floor(utcMillis / 1000) * 1000;
  return date.getTime() - wholeSecond;
}
