/**
 * Turns Spark SQL text into tokens. Follows Spark's lexical rules in default mode: case-insensitive words that
 * may start with a digit (`1a` is a word, `10L` a bigint), backtick identifiers with doubled backticks, single-
 * or double-quoted strings with backslash escapes, raw strings `r'..'`, hex binaries `X'..'`, `--` and nested
 * `/* *\/` comments, and hint comments `/*+ .. *\/` kept as one token.
 */
import { syntaxErrorAt } from "./parse-error.js";
import type { Token, TokenKind } from "./token.js";

const OPERATORS = [
  ">>>",
  "<=>",
  "<=",
  ">=",
  "<>",
  "!=",
  "==",
  "<<",
  ">>",
  "::",
  "->",
  "=>",
  "||",
  "=",
  "<",
  ">",
  "|",
  "&",
  "^",
  "~",
  "!",
  "+",
  "-",
  "*",
  "/",
  "%",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ".",
  ";",
  ":",
];

const WORD_CHAR = /[A-Za-z0-9_]/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:[bB][dD]|[lLsSyYdDfF])?/;
const WORD_RUN = /^[A-Za-z0-9_]+/;

export function tokenize(sql: string): Token[] {
  return new Lexer(sql).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  /** Offsets where each line starts, for turning offsets into line/column pairs. */
  private readonly lineStarts: number[] = [0];

  constructor(private readonly sql: string) {
    for (let i = 0; i < sql.length; i++) if (sql[i] === "\n") this.lineStarts.push(i + 1);
  }

  run(): Token[] {
    const { sql } = this;
    while (this.pos < sql.length) {
      const ch = sql[this.pos]!;
      if (/\s/.test(ch)) {
        this.pos++;
      } else if (sql.startsWith("--", this.pos)) {
        while (this.pos < sql.length && sql[this.pos] !== "\n") this.pos++;
      } else if (sql.startsWith("/*+", this.pos)) {
        this.hint();
      } else if (sql.startsWith("/*", this.pos)) {
        this.skipBlockComment(this.pos);
      } else if (ch === "`") {
        this.quotedIdentifier();
      } else if (ch === "'" || ch === '"') {
        this.string(this.pos, this.pos, false);
      } else if ((ch === "r" || ch === "R") && /['"]/.test(sql[this.pos + 1] ?? "")) {
        this.string(this.pos, this.pos + 1, true);
      } else if ((ch === "x" || ch === "X") && sql[this.pos + 1] === "'") {
        this.binary();
      } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(sql[this.pos + 1] ?? ""))) {
        this.numberOrWord();
      } else if (WORD_CHAR.test(ch) || ch.charCodeAt(0) > 127) {
        this.word();
      } else if (ch === "?") {
        this.push("positionalParam", "?", this.pos, this.pos + 1);
        this.pos++;
      } else if (ch === ":" && /[A-Za-z_]/.test(sql[this.pos + 1] ?? "") && sql[this.pos - 1] !== ":") {
        const name = WORD_RUN.exec(sql.slice(this.pos + 1))![0];
        this.push("namedParam", name, this.pos, this.pos + 1 + name.length);
        this.pos += 1 + name.length;
      } else {
        this.operator();
      }
    }
    this.push("eof", "", sql.length, sql.length);
    return this.tokens;
  }

  private push(kind: TokenKind, text: string, start: number, end: number): void {
    this.tokens.push({ kind, text, start, end, line: this.lineAt(start), column: start - this.lineStartAt(start) });
  }

  /** 1-based line holding `offset` (binary search over line starts). */
  private lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  private lineStartAt(offset: number): number {
    return this.lineStarts[this.lineAt(offset) - 1]!;
  }

  private fail(near: string, offset: number): never {
    const line = this.lineAt(offset);
    const column = offset - this.lineStartAt(offset);
    throw syntaxErrorAt(this.sql, near, { line, column, start: offset, end: offset + 1 });
  }

  private skipBlockComment(start: number): void {
    let depth = 0;
    let i = start;
    while (i < this.sql.length) {
      if (this.sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (this.sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth === 0) {
          this.pos = i;
          return;
        }
      } else i++;
    }
    this.fail("'/'", start);
  }

  private hint(): void {
    const start = this.pos;
    const close = this.sql.indexOf("*/", start + 3);
    if (close < 0) this.fail("'/'", start);
    this.push("hint", this.sql.slice(start + 3, close), start, close + 2);
    this.pos = close + 2;
  }

  private quotedIdentifier(): void {
    const start = this.pos;
    let text = "";
    let i = start + 1;
    for (;;) {
      if (i >= this.sql.length) this.fail("'`'", start);
      const ch = this.sql[i]!;
      if (ch === "`") {
        if (this.sql[i + 1] === "`") {
          text += "`";
          i += 2;
          continue;
        }
        break;
      }
      text += ch;
      i++;
    }
    this.push("quotedIdent", text, start, i + 1);
    this.pos = i + 1;
  }

  /** A quoted string starting at `quoteAt`; `start` includes an `r` prefix for raw strings. */
  private string(start: number, quoteAt: number, raw: boolean): void {
    const quote = this.sql[quoteAt]!;
    let i = quoteAt + 1;
    let text = "";
    for (;;) {
      if (i >= this.sql.length) this.fail(`'${quote}'`, quoteAt);
      const ch = this.sql[i]!;
      if (ch === quote) {
        if (this.sql[i + 1] === quote && !raw) {
          text += quote;
          i += 2;
          continue;
        }
        break;
      }
      if (ch === "\\" && i + 1 < this.sql.length) {
        if (raw) {
          // A raw string keeps the backslash but still lets it protect a quote from ending the literal.
          text += ch + this.sql[i + 1];
          i += 2;
          continue;
        }
        const [decoded, length] = decodeEscape(this.sql, i);
        text += decoded;
        i += length;
        continue;
      }
      text += ch;
      i++;
    }
    this.push("string", text, start, i + 1);
    this.pos = i + 1;
  }

  private binary(): void {
    const start = this.pos;
    const close = this.sql.indexOf("'", start + 2);
    if (close < 0) this.fail("'''", start + 1);
    this.push("binary", this.sql.slice(start + 2, close), start, close + 1);
    this.pos = close + 1;
  }

  private numberOrWord(): void {
    const rest = this.sql.slice(this.pos);
    const number = NUMBER.exec(rest)?.[0] ?? "";
    const word = WORD_RUN.exec(rest)?.[0] ?? "";
    if (word.length > number.length) {
      this.word();
      return;
    }
    this.push("number", number, this.pos, this.pos + number.length);
    this.pos += number.length;
  }

  private word(): void {
    const start = this.pos;
    let i = start;
    while (i < this.sql.length && (WORD_CHAR.test(this.sql[i]!) || this.sql.charCodeAt(i) > 127)) i++;
    this.push("word", this.sql.slice(start, i), start, i);
    this.pos = i;
  }

  private operator(): void {
    const op = OPERATORS.find((candidate) => this.sql.startsWith(candidate, this.pos));
    if (op === undefined) this.fail(`'${this.sql[this.pos]}'`, this.pos);
    this.push("op", op, this.pos, this.pos + op.length);
    this.pos += op.length;
  }
}

/** Decodes one backslash escape at `at`; returns the text and how many source characters it used. */
function decodeEscape(sql: string, at: number): [string, number] {
  const next = sql[at + 1]!;
  const simple: Record<string, string> = {
    "0": "\u0000",
    b: "\b",
    n: "\n",
    r: "\r",
    t: "\t",
    Z: "\u001A",
    "'": "'",
    '"': '"',
    "\\": "\\",
  };
  if (/[0-7]/.test(next) && /^[0-7]{3}$/.test(sql.slice(at + 1, at + 4))) {
    return [String.fromCharCode(Number.parseInt(sql.slice(at + 1, at + 4), 8)), 4];
  }
  if (next === "u" && /^[0-9a-fA-F]{4}$/.test(sql.slice(at + 2, at + 6))) {
    return [String.fromCharCode(Number.parseInt(sql.slice(at + 2, at + 6), 16)), 6];
  }
  if (next === "U" && /^[0-9a-fA-F]{8}$/.test(sql.slice(at + 2, at + 10))) {
    return [String.fromCodePoint(Number.parseInt(sql.slice(at + 2, at + 10), 16)), 10];
  }
  // `\%` and `\_` stay escaped so LIKE patterns keep their meaning.
  if (next === "%" || next === "_") return [`\\${next}`, 2];
  return [simple[next] ?? next, 2];
}
