/**
 * Tokens of Spark's type DDL: words, `backquoted` identifiers, integers, quoted strings and the punctuation
 * `< > ( ) , :`. Positions are kept so syntax errors can point at the offending spot.
 */
import { typeSyntaxError } from "./type-errors.js";

export type TokenKind = "word" | "quoted-identifier" | "number" | "string" | "symbol" | "end";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly position: number;
}

const SYMBOLS = new Set(["<", ">", "(", ")", ",", ":", "-"]);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < source.length && /[A-Za-z0-9_]/.test(source[i] as string)) i++;
      tokens.push({ kind: "word", text: source.slice(start, i), position: start });
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < source.length && /[0-9]/.test(source[i] as string)) i++;
      // Column names such as `1col` are legal in Spark DDL; keep digits+letters as one word.
      if (i < source.length && /[A-Za-z_]/.test(source[i] as string)) {
        while (i < source.length && /[A-Za-z0-9_]/.test(source[i] as string)) i++;
        tokens.push({ kind: "word", text: source.slice(start, i), position: start });
      } else {
        tokens.push({ kind: "number", text: source.slice(start, i), position: start });
      }
    } else if (c === "`") {
      const { text, end } = readQuoted(source, i, "`", true);
      tokens.push({ kind: "quoted-identifier", text, position: i });
      i = end;
    } else if (c === "'" || c === '"') {
      const { text, end } = readQuoted(source, i, c, false);
      tokens.push({ kind: "string", text, position: i });
      i = end;
    } else if (SYMBOLS.has(c)) {
      tokens.push({ kind: "symbol", text: c, position: i });
      i++;
    } else {
      throw typeSyntaxError(source, i, "a type, a name or one of < > ( ) , :");
    }
  }
  tokens.push({ kind: "end", text: "", position: source.length });
  return tokens;
}

/** Reads a quoted run; backquotes escape by doubling, string quotes by backslash or doubling. */
function readQuoted(source: string, start: number, quote: string, doubling: boolean): { text: string; end: number } {
  let text = "";
  let i = start + 1;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === quote) {
      if (source[i + 1] === quote) {
        text += quote;
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    if (!doubling && c === "\\" && i + 1 < source.length) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    text += c;
    i++;
  }
  throw typeSyntaxError(source, start, `a closing ${quote}`);
}
