/**
 * The `dateFormat` / `timestampFormat` options. Without them Spark parses dates and timestamps leniently
 * (ISO-8601 shapes); with them, a datetime pattern (`yyyy`, `MM`, `dd`, `HH`, `mm`, `ss`, `SSS…`, `XXX`, quoted
 * literals) must match the whole text.
 */
import { IllegalArgumentException } from "../../errors/index.js";
import {
  daysFromCivil,
  localToUtcMillis,
  parseDateDays,
  parseTimestampMicros,
  parseTimestampNtzMicros,
} from "./value-parsers.js";

export interface DateTimeFormats {
  readonly dateFormat: CompiledPattern | null;
  readonly timestampFormat: CompiledPattern | null;
  readonly timestampNtzFormat: CompiledPattern | null;
  readonly timeZone: string;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  micros: number;
  offsetMinutes: number | null;
}

export interface CompiledPattern {
  readonly source: string;
  readonly regex: RegExp;
  readonly assign: readonly ((f: Fields, text: string) => void)[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function compilePattern(pattern: string): CompiledPattern {
  let re = "";
  const assign: ((f: Fields, text: string) => void)[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "'") {
      const close = pattern.indexOf("'", i + 1);
      const literal = close < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, close);
      re += literal === "" ? "'" : escapeRe(literal);
      i = close < 0 ? pattern.length : close + 1;
      continue;
    }
    let run = 1;
    while (pattern[i + run] === c) run++;
    i += run;
    const digits = (min: number, max: number): string => `(\\d{${min},${max}})`;
    switch (c) {
      case "y":
      case "u":
        re += run === 2 ? digits(2, 2) : digits(4, 6);
        assign.push(run === 2 ? (f, t) => (f.year = 2000 + Number(t)) : (f, t) => (f.year = Number(t)));
        break;
      case "M":
        re += run === 1 ? digits(1, 2) : digits(2, 2);
        assign.push((f, t) => (f.month = Number(t)));
        break;
      case "d":
        re += run === 1 ? digits(1, 2) : digits(2, 2);
        assign.push((f, t) => (f.day = Number(t)));
        break;
      case "H":
        re += run === 1 ? digits(1, 2) : digits(2, 2);
        assign.push((f, t) => (f.hour = Number(t)));
        break;
      case "m":
        re += run === 1 ? digits(1, 2) : digits(2, 2);
        assign.push((f, t) => (f.minute = Number(t)));
        break;
      case "s":
        re += run === 1 ? digits(1, 2) : digits(2, 2);
        assign.push((f, t) => (f.second = Number(t)));
        break;
      case "S":
        re += digits(run, run);
        assign.push((f, t) => (f.micros = Number(t.padEnd(6, "0").slice(0, 6))));
        break;
      case "X":
      case "Z":
      case "x":
        re += "(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})";
        assign.push((f, t) => {
          if (t === "Z") f.offsetMinutes = 0;
          else {
            const sign = t[0] === "-" ? -1 : 1;
            const body = t.slice(1).replace(":", "");
            f.offsetMinutes = sign * (Number(body.slice(0, 2)) * 60 + Number(body.slice(2) || 0));
          }
        });
        break;
      default:
        if (/[A-Za-z]/.test(c)) {
          throw new IllegalArgumentException(
            `The datetime pattern ${JSON.stringify(pattern)} uses the letter ${c}, which the local engine's file reader does not support yet.`,
          );
        }
        re += escapeRe(c.repeat(run));
    }
  }
  return { source: pattern, regex: new RegExp(`^${re}$`), assign };
}

function match(text: string, pattern: CompiledPattern): Fields | null {
  const m = pattern.regex.exec(text);
  if (m === null) return null;
  const f: Fields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, micros: 0, offsetMinutes: null };
  pattern.assign.forEach((set, k) => {
    set(f, m[k + 1] as string);
  });
  return f;
}

export function parseDateWith(text: string, formats: DateTimeFormats): number | null {
  if (formats.dateFormat === null) return parseDateDays(text);
  const f = match(text, formats.dateFormat);
  return f === null ? null : daysFromCivil(f.year, f.month, f.day);
}

export function parseTimestampWith(text: string, formats: DateTimeFormats, ntz: boolean): bigint | null {
  const pattern = ntz ? formats.timestampNtzFormat : formats.timestampFormat;
  if (pattern === null) return ntz ? parseTimestampNtzMicros(text) : parseTimestampMicros(text, formats.timeZone);
  const f = match(text, pattern);
  if (f === null) return null;
  const local = (daysFromCivil(f.year, f.month, f.day) * 86_400 + f.hour * 3600 + f.minute * 60 + f.second) * 1000;
  const utc = ntz
    ? local
    : f.offsetMinutes === null
      ? localToUtcMillis(local, formats.timeZone)
      : local - f.offsetMinutes * 60_000;
  return BigInt(utc) * 1000n + BigInt(f.micros);
}
