/**
 * Formatting with Spark's datetime patterns (the java.time DateTimeFormatter letters Spark allows): years,
 * months, days, day of year, quarters, weekdays, AM/PM, 12/24-hour clocks, minutes, seconds and fractions,
 * quoted literals. Zone and week-based letters are not implemented and say so rather than print something else.
 */
import { notSupportedLocally } from "../errors.js";
import { civilFromDays, daysFromCivil, floorDiv, toLocalMicros } from "./datetime-format.js";

const MICROS_PER_DAY = 86_400_000_000n;
/** English month names, as Spark's formatter and its error messages spell them. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const QUARTER_WORDS = ["1st quarter", "2nd quarter", "3rd quarter", "4th quarter"];

interface Fields {
  year: number;
  month: number;
  day: number;
  dayOfYear: number;
  weekday: number; // Monday = 0
  hour: number;
  minute: number;
  second: number;
  micros: number;
}

type Piece = string | ((f: Fields) => string);

const pad = (n: number, width: number): string =>
  n < 0 ? `-${String(-n).padStart(width, "0")}` : String(n).padStart(width, "0");

function field(letter: string, count: number, pattern: string): Piece {
  const numeric = (get: (f: Fields) => number, max = 2) => {
    if (count > max)
      throw notSupportedLocally(`the datetime pattern letter run "${letter.repeat(count)}" (in "${pattern}")`);
    return (f: Fields) => pad(get(f), count);
  };
  switch (letter) {
    case "y":
    case "u":
      if (count === 2) return (f) => pad(((f.year % 100) + 100) % 100, 2);
      return (f) => pad(f.year, count);
    case "M":
    case "L":
      if (count === 3) return (f) => (MONTHS[f.month - 1] as string).slice(0, 3);
      if (count === 4) return (f) => MONTHS[f.month - 1] as string;
      return numeric((f) => f.month);
    case "d":
      return numeric((f) => f.day);
    case "D":
      return numeric((f) => f.dayOfYear, 3);
    case "Q":
    case "q":
      if (count === 3) return (f) => `Q${Math.floor((f.month - 1) / 3) + 1}`;
      if (count === 4) return (f) => QUARTER_WORDS[Math.floor((f.month - 1) / 3)] as string;
      return numeric((f) => Math.floor((f.month - 1) / 3) + 1);
    case "E":
      if (count <= 3) return (f) => (WEEKDAYS[f.weekday] as string).slice(0, 3);
      if (count === 4) return (f) => WEEKDAYS[f.weekday] as string;
      break;
    case "a":
      if (count === 1) return (f) => (f.hour < 12 ? "AM" : "PM");
      break;
    case "H":
      return numeric((f) => f.hour);
    case "k":
      return numeric((f) => (f.hour === 0 ? 24 : f.hour));
    case "K":
      return numeric((f) => f.hour % 12);
    case "h":
      return numeric((f) => (f.hour % 12 === 0 ? 12 : f.hour % 12));
    case "m":
      return numeric((f) => f.minute);
    case "s":
      return numeric((f) => f.second);
    case "S":
      if (count <= 6) return (f) => String(f.micros).padStart(6, "0").slice(0, count);
      if (count <= 9) return (f) => String(f.micros).padStart(6, "0").padEnd(count, "0");
      break;
    default:
      break;
  }
  throw notSupportedLocally(`the datetime pattern letter run "${letter.repeat(count)}" (in "${pattern}")`);
}

/** Splits a pattern into literal text and field printers. */
export function compilePattern(pattern: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        pieces.push("'");
        i += 2;
        continue;
      }
      let literal = "";
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          literal += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else literal += pattern[i++];
      }
      pieces.push(literal);
      continue;
    }
    if (/[a-zA-Z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      pieces.push(field(ch, count, pattern));
      i += count;
      continue;
    }
    if (ch === "[" || ch === "]" || ch === "{" || ch === "}" || ch === "#") {
      throw notSupportedLocally(`optional sections and reserved characters in datetime patterns (in "${pattern}")`);
    }
    pieces.push(ch);
    i++;
  }
  return pieces;
}

function fieldsOf(localMicros: bigint): Fields {
  const days = Number(floorDiv(localMicros, MICROS_PER_DAY));
  const inDay = Number(localMicros - BigInt(days) * MICROS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  const seconds = Math.floor(inDay / 1_000_000);
  return {
    year,
    month,
    day,
    dayOfYear: days - daysFromCivil(year, 1, 1) + 1,
    weekday: (((days + 3) % 7) + 7) % 7,
    hour: Math.floor(seconds / 3600),
    minute: Math.floor(seconds / 60) % 60,
    second: seconds % 60,
    micros: inDay % 1_000_000,
  };
}

/** Formats an instant (micros since the epoch) in `zone` with compiled `pieces`. */
export function formatWithPattern(micros: bigint, pieces: readonly Piece[], zone: string): string {
  const fields = fieldsOf(toLocalMicros(micros, zone));
  let out = "";
  for (const piece of pieces) out += typeof piece === "string" ? piece : piece(fields);
  return out;
}
