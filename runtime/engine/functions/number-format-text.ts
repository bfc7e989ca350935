/**
 * Decimal values to and from text with a compiled number format (number-format-pattern.ts), as Spark's to_char
 * and to_number do. Formatting never rounds: a value with more significant digits than the format holds prints
 * as `#` in every digit position. Parsing ignores spaces and requires the input's shape to fit the format.
 */
import type { FormatToken, NumberFormat } from "./number-format-pattern.js";

/** The digits of |unscaled × 10^-scale|: integer part without leading zeros, fraction without trailing zeros. */
function splitDigits(unscaled: bigint, scale: number): { before: string; after: string } {
  const text = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
  const before = text.slice(0, text.length - scale).replace(/^0+/, "");
  const after = scale > 0 ? text.slice(text.length - scale).replace(/0+$/, "") : "";
  return { before, after };
}

function integerPart(
  token: FormatToken & { kind: "digits" },
  digits: string,
  overflow: boolean,
  zeroPadded: boolean,
): string {
  const padding = token.count - digits.length;
  let out = "";
  let position = 0;
  for (const ch of token.chars) {
    if (ch === ",") {
      // A separator among the padding prints as padding; past the first digit (or in overflow) as itself.
      out += overflow ? " " : position > padding || zeroPadded ? "," : " ";
      continue;
    }
    if (overflow) out += "#";
    else if (position < padding) out += zeroPadded ? "0" : " ";
    else out += digits[position - padding];
    position++;
  }
  return out;
}

/** to_char's text of unscaled × 10^-scale. */
export function formatWithNumberFormat(unscaled: bigint, scale: number, format: NumberFormat): string {
  const negative = unscaled < 0n;
  const { before, after: significantAfter } = splitDigits(unscaled, scale);
  const overflow = before.length > format.digitsBefore || significantAfter.length > format.digitsAfter;
  const after = significantAfter.padEnd(format.digitsAfter, "0");
  const bracketed = negative && format.tokens.some((t) => t.kind === "brackets");
  let out = bracketed ? "<" : "";
  let trailingSpaces = "";
  // Set while the text ends with a leading sign: the integer part's padding spaces go in front of it.
  let pendingSign = bracketed;
  let seenPoint = false;
  for (const token of format.tokens) {
    switch (token.kind) {
      case "sign": {
        const mark = negative ? "-" : token.text === "S" ? "+" : " ";
        out += mark;
        pendingSign = out.length === (bracketed ? 2 : 1) && mark !== " ";
        break;
      }
      case "brackets":
        out += negative ? ">" : "  ";
        break;
      case "dollar":
        out += "$";
        pendingSign = false;
        break;
      case "point":
        seenPoint = true;
        if (format.digitsAfter === 0) {
          // A point with no digits after it shows as a space at the end.
          trailingSpaces += " ";
          break;
        }
        if (out.endsWith(" ")) out = `${out.slice(0, -1)}0`;
        out += ".";
        pendingSign = false;
        break;
      case "digits": {
        if (seenPoint) {
          out += overflow ? "#".repeat(token.count) : after;
          break;
        }
        const text = integerPart(token, before, overflow, format.zeroPadded);
        const spaces = text.length - text.trimStart().length;
        if (pendingSign && spaces > 0) {
          out = `${out.slice(0, -1)}${text.slice(0, spaces)}${out.slice(-1)}${text.slice(spaces)}`;
        } else out += text;
        pendingSign = false;
        break;
      }
      default:
        break;
    }
  }
  return out + trailingSpaces;
}

/** to_number's reading of `text`: the unscaled value at the format's scale, or null when the text does not fit. */
export function parseWithNumberFormat(text: string, format: NumberFormat): bigint | null {
  let input = text.replaceAll(" ", "");
  let negative = false;
  if (format.tokens.some((t) => t.kind === "brackets") && input.startsWith("<") && input.endsWith(">")) {
    negative = true;
    input = input.slice(1, -1);
  }
  let at = 0;
  let seenPoint = false;
  let whole = "";
  let fraction = "";
  for (const token of format.tokens) {
    switch (token.kind) {
      case "sign": {
        const c = input[at];
        if (c === "-" || (c === "+" && token.text === "S")) {
          negative = negative || c === "-";
          at++;
        }
        break;
      }
      case "dollar":
        if (input[at] !== "$") return null;
        at++;
        break;
      case "point":
        seenPoint = true;
        if (input[at] === ".") at++;
        break;
      case "digits": {
        const start = at;
        const allowed = seenPoint ? /[0-9]/ : /[0-9,]/;
        while (at < input.length && allowed.test(input[at] as string)) at++;
        const run = input.slice(start, at);
        if (seenPoint) {
          if (run.length > token.count) return null;
          fraction = run;
        } else {
          if (!integerFits(run, token, format.zeroPadded)) return null;
          whole = run.replaceAll(",", "");
        }
        break;
      }
      default:
        break;
    }
  }
  if (at !== input.length || whole.length + fraction.length === 0) return null;
  const digits = `${whole}${fraction.padEnd(format.digitsAfter, "0")}`;
  const value = BigInt(digits === "" ? "0" : digits);
  return negative ? -value : value;
}

/** Digits with separators against the format's groups, aligned from the right as Spark matches them. */
function integerFits(run: string, token: FormatToken & { kind: "digits" }, zeroPadded: boolean): boolean {
  const groups = run.split(",");
  const formatGroups = token.chars.split(",").map((g) => g.length);
  if (groups.length > formatGroups.length) return false;
  const offset = formatGroups.length - groups.length;
  for (let g = 0; g < groups.length; g++) {
    const length = (groups[g] as string).length;
    const expected = formatGroups[g + offset] as number;
    if (g === 0 ? length > expected : length !== expected) return false;
  }
  if (zeroPadded && run.replaceAll(",", "").length !== token.count) return false;
  return true;
}
