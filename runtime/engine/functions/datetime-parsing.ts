/**
 * Parsing text with Spark datetime patterns for to_timestamp, try_to_timestamp, unix_timestamp and
 * to_unix_timestamp. Numeric fields (years, months, days, hours, minutes, seconds, fractions), short and long
 * month names, AM/PM and quoted literals are understood; other letters raise UNSUPPORTED. A two-digit year
 * lands in 2000-2099, as in Spark.
 */

import { DateTimeException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { notSupportedLocally, sparkError, unresolvedRoutine } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { daysFromCivil, daysInMonth, floorDiv, fromLocalMicros } from "./datetime-format.js";
import { call, type Kernel, type ScalarFunction } from "./function-types.js";
import { valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";

type Setter = (parts: Parts, text: string) => void;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  micros: number;
  pm: boolean | null;
}

interface CompiledParser {
  readonly regex: RegExp;
  readonly setters: readonly Setter[];
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTHS_FULL = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

const escapeRegex = (s: string): string => s.replace(/[\\^$.|?*+()[\]{}/-]/g, "\\$&");

function digits(count: number): string {
  return count === 1 ? "(\\d{1,2})" : `(\\d{${count}})`;
}

function fieldParser(letter: string, count: number, pattern: string): [string, Setter] {
  switch (letter) {
    case "y":
    case "u":
      if (count === 2) return ["(\\d{2})", (p, t) => (p.year = 2000 + Number(t))];
      return [count === 1 ? "(\\d{1,4})" : `(\\d{${count}})`, (p, t) => (p.year = Number(t))];
    case "M":
    case "L":
      if (count === 3) return ["([A-Za-z]{3})", (p, t) => (p.month = MONTHS.indexOf(t.toLowerCase()) + 1)];
      if (count === 4) return ["([A-Za-z]+)", (p, t) => (p.month = MONTHS_FULL.indexOf(t.toLowerCase()) + 1)];
      if (count <= 2) return [digits(count), (p, t) => (p.month = Number(t))];
      break;
    case "d":
      if (count <= 2) return [digits(count), (p, t) => (p.day = Number(t))];
      break;
    case "H":
      if (count <= 2) return [digits(count), (p, t) => (p.hour = Number(t))];
      break;
    case "h":
      if (count <= 2) return [digits(count), (p, t) => (p.hour = Number(t) % 12)];
      break;
    case "m":
      if (count <= 2) return [digits(count), (p, t) => (p.minute = Number(t))];
      break;
    case "s":
      if (count <= 2) return [digits(count), (p, t) => (p.second = Number(t))];
      break;
    case "S":
      if (count <= 6) return [`(\\d{${count}})`, (p, t) => (p.micros = Number(t.padEnd(6, "0")))];
      break;
    case "a":
      if (count === 1) return ["([AaPp][Mm])", (p, t) => (p.pm = t.toUpperCase() === "PM")];
      break;
    default:
      break;
  }
  throw notSupportedLocally(`parsing the datetime pattern letter run "${letter.repeat(count)}" (in "${pattern}")`);
}

export function compileParser(pattern: string): CompiledParser {
  let source = "";
  const setters: Setter[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        source += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      source += escapeRegex(pattern.slice(i + 1, end < 0 ? pattern.length : end));
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (/[a-zA-Z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      const [regex, setter] = fieldParser(ch, count, pattern);
      source += regex;
      setters.push(setter);
      i += count;
      continue;
    }
    source += escapeRegex(ch);
    i++;
  }
  return { regex: new RegExp(`^${source}$`), setters };
}

/** Micros since the epoch for `text`, or null when it does not fit the pattern or names an impossible date. */
export function parseWithPattern(text: string, parser: CompiledParser, zone: string): bigint | null {
  const match = parser.regex.exec(text);
  if (match === null) return null;
  const parts: Parts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, micros: 0, pm: null };
  parser.setters.forEach((set, k) => {
    set(parts, match[k + 1] as string);
  });
  if (parts.pm === true) parts.hour += 12;
  const { year, month, day, hour, minute, second } = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const days = BigInt(daysFromCivil(year, month, day));
  const local = days * 86_400_000_000n + BigInt(((hour * 60 + minute) * 60 + second) * 1_000_000 + parts.micros);
  return fromLocalMicros(local, zone);
}

function cannotParse(text: string) {
  return sparkError(
    DateTimeException,
    "CANNOT_PARSE_TIMESTAMP",
    "22007",
    `Text '${text}' could not be parsed; try_to_timestamp returns NULL for invalid input.`,
    { message: `Text '${text}' could not be parsed`, func: "`try_to_timestamp`" },
  );
}

const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;
const DEFAULT_PATTERN: Literal = { kind: "literal", value: "yyyy-MM-dd HH:mm:ss", type: T.STRING, nullable: false };

/** Parses string rows with the pattern column; non-string input is simply cast to a timestamp first. */
export function parseKernel(toResult: (micros: bigint) => bigint, failSoft: boolean) {
  return ([a, p]: readonly ColumnVector[], c: { ansi: boolean }, ctx: { timeZone: string }): ColumnVector => {
    const column = a as ColumnVector;
    const type = toResult === identity ? T.TIMESTAMP : T.LONG;
    if (column.type.kind.case !== "string") {
      const micros = valuesOf<bigint>(column);
      return mapRows<bigint>([column], type, (i) => toResult(micros[i] as bigint));
    }
    const cache = new Map<string, CompiledParser>();
    const texts = valuesOf<string>(column);
    const patterns = valuesOf<string>(p as ColumnVector);
    return mapRows<bigint>([column, p as ColumnVector], type, (i) => {
      const pattern = patterns[i] as string;
      let parser = cache.get(pattern);
      if (parser === undefined) {
        parser = compileParser(pattern);
        cache.set(pattern, parser);
      }
      const text = texts[i] as string;
      const micros = parseWithPattern(text, parser, ctx.timeZone);
      if (micros !== null) return toResult(micros);
      if (c.ansi && !failSoft) throw cannotParse(text);
      return null;
    });
  };
}

export const identity = (micros: bigint): bigint => micros;
const toSeconds = (micros: bigint): bigint => floorDiv(micros, 1_000_000n);

/** Keeps strings for parsing; dates and timestamps become timestamps. */
const parseInput = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.TIMESTAMP));

function toTimestamp(name: "to_timestamp" | "try_to_timestamp"): ScalarFunction {
  const soft = name === "try_to_timestamp";
  return {
    resolve: (args, ctx) => {
      const [value, pattern] = args as [Expr, Expr | undefined];
      if (pattern === undefined) {
        // Without a pattern, to_timestamp is a cast (try_to_timestamp a try_cast).
        const cast: Expr = {
          kind: "cast",
          child: value,
          type: T.TIMESTAMP,
          nullable: true,
          mode: soft ? "try" : "ansi",
          implicit: true,
        };
        return call("to_timestamp", [cast, DEFAULT_PATTERN], T.TIMESTAMP, show(name, args), ctx, true);
      }
      return call(name, [parseInput(value), implicitCast(pattern, T.STRING)], T.TIMESTAMP, show(name, args), ctx, true);
    },
    kernel: parseKernel(identity, soft),
  };
}

function toUnixTimestamp(name: "unix_timestamp" | "to_unix_timestamp"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [value, pattern] = args as [Expr, Expr | undefined];
      if (value === undefined) throw notSupportedLocally(`${name}() without an argument`);
      const format = pattern ?? DEFAULT_PATTERN;
      return call(
        name,
        [parseInput(value), implicitCast(format, T.STRING)],
        T.LONG,
        show(name, [value, format]),
        ctx,
        true,
      );
    },
    kernel: parseKernel(toSeconds, false),
  };
}

/** to_date(text, pattern) / try_to_date: the pattern read as a local date-time in UTC, keeping the day. */
const toDay = (micros: bigint): bigint => floorDiv(micros, 86_400_000_000n);

export function dateParsing(name: "to_date" | "try_to_date"): ScalarFunction & { kernel: Kernel } {
  const soft = name === "try_to_date";
  const parse = parseKernel(toDay, soft);
  // to_date itself lives in datetime.ts; its patterned form runs under this internal name.
  const callName = soft ? "try_to_date" : "to_date_with_pattern";
  return {
    resolve: (args, ctx) => {
      const [value, pattern] = args as [Expr, Expr | undefined];
      if (pattern === undefined) {
        const cast: Expr = {
          kind: "cast",
          child: value,
          type: T.DATE,
          nullable: true,
          mode: soft ? "try" : "ansi",
          implicit: true,
        };
        return call(callName, [cast], T.DATE, show(name, args), ctx, true);
      }
      return call(callName, [value, implicitCast(pattern, T.STRING)], T.DATE, show(name, args), ctx, true);
    },
    kernel: ([a, p], c) => {
      const column = a as ColumnVector;
      if (p === undefined) return column;
      if (column.type.kind.case !== "string") {
        // Dates pass through; timestamps keep their day in the session zone via the analyzer's cast rules.
        throw notSupportedLocally(`${c.name} with a pattern over ${T.simpleString(column.type)} input`);
      }
      const days = parse([column, p], c, { timeZone: "UTC" });
      const values = days.data as BigInt64Array;
      const out = new Int32Array(days.length);
      for (let i = 0; i < days.length; i++) out[i] = Number(values[i]);
      return { type: T.DATE, length: days.length, data: out, validity: days.validity };
    },
  };
}

export const datetimeParsingFunctions: Record<string, ScalarFunction> = {
  to_timestamp: toTimestamp("to_timestamp"),
  try_to_timestamp: toTimestamp("try_to_timestamp"),
  unix_timestamp: toUnixTimestamp("unix_timestamp"),
  to_unix_timestamp: toUnixTimestamp("to_unix_timestamp"),
  try_to_date: dateParsing("try_to_date"),
  to_date_with_pattern: {
    resolve: () => {
      throw unresolvedRoutine("to_date_with_pattern");
    },
    kernel: dateParsing("to_date").kernel,
  },
};
