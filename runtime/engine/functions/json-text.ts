/**
 * The JSON parser of the engine's JSON functions and of the `json` file source. It keeps what Spark's Jackson
 * parser keeps and `JSON.parse` throws away: whether a number was written as an integer or with a
 * fraction/exponent, and the source text of every number, array and object (the file source hands a nested value
 * read into a string column over verbatim, and big integers and decimals stay exact).
 */
import { javaDoubleString } from "../logical/expression-display.js";

export type JsonValue =
  | { readonly kind: "null" }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "integer"; readonly text: string }
  | { readonly kind: "float"; readonly text: string }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "array"; readonly items: readonly JsonValue[]; readonly text: string }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, JsonValue])[]; readonly text: string };

export type JsonObject = Extract<JsonValue, { kind: "object" }>;

export interface JsonReadOptions {
  /** Strings may be single-quoted too (Spark's `allowSingleQuotes`, on by default for the file source). */
  readonly singleQuotes?: boolean;
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const NULL: JsonValue = { kind: "null" };
const TRUE: JsonValue = { kind: "boolean", value: true };
const FALSE: JsonValue = { kind: "boolean", value: false };

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class Reader {
  private at = 0;
  constructor(
    private readonly text: string,
    private readonly singleQuotes: boolean,
  ) {}

  atEnd(): boolean {
    this.skipSpace();
    return this.at >= this.text.length;
  }

  private skipSpace(): void {
    const text = this.text;
    let at = this.at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      at++;
    }
    this.at = at;
  }

  private fail(): never {
    throw new SyntaxError(`malformed JSON at ${this.at}`);
  }

  private isQuote(ch: string | undefined): boolean {
    return ch === '"' || (ch === "'" && this.singleQuotes);
  }

  value(): JsonValue {
    this.skipSpace();
    const ch = this.text[this.at];
    if (ch === "{") return this.object();
    if (ch === "[") return this.array();
    if (this.isQuote(ch)) return { kind: "string", value: this.string() };
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return this.number();
    for (const [word, value] of [
      ["true", TRUE],
      ["false", FALSE],
      ["null", NULL],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail();
  }

  private number(): JsonValue {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match === null) return this.fail();
    this.at += match[0].length;
    const float = match[2] !== undefined || match[3] !== undefined;
    return { kind: float ? "float" : "integer", text: match[0] };
  }

  /** A quoted string, its escapes decoded; raw control characters are malformed, as in Jackson. */
  private string(): string {
    const text = this.text;
    const quote = text.charCodeAt(this.at);
    let at = this.at + 1;
    let out = "";
    let from = at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (Number.isNaN(c) || c < 0x20) this.fail();
      if (c === quote) break;
      if (c !== 0x5c) {
        at++;
        continue;
      }
      out += text.slice(from, at);
      const escaped = text[at + 1];
      if (escaped === "u") {
        const hex = text.slice(at + 2, at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail();
        out += String.fromCharCode(Number.parseInt(hex, 16));
        at += 6;
      } else {
        const unescaped = escaped === undefined ? undefined : ESCAPES[escaped];
        if (unescaped === undefined) this.fail();
        out += unescaped;
        at += 2;
      }
      from = at;
    }
    this.at = at + 1;
    return out + text.slice(from, at);
  }

  private array(): JsonValue {
    const start = this.at++;
    const items: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.at] === "]") {
      this.at++;
      return { kind: "array", items, text: this.text.slice(start, this.at) };
    }
    for (;;) {
      items.push(this.value());
      this.skipSpace();
      const ch = this.text[this.at++];
      if (ch === "]") return { kind: "array", items, text: this.text.slice(start, this.at) };
      if (ch !== ",") this.fail();
    }
  }

  private object(): JsonValue {
    const start = this.at++;
    const entries: [string, JsonValue][] = [];
    this.skipSpace();
    if (this.text[this.at] === "}") {
      this.at++;
      return { kind: "object", entries, text: this.text.slice(start, this.at) };
    }
    for (;;) {
      this.skipSpace();
      if (!this.isQuote(this.text[this.at])) this.fail();
      const key = this.string();
      this.skipSpace();
      if (this.text[this.at++] !== ":") this.fail();
      entries.push([key, this.value()]);
      this.skipSpace();
      const ch = this.text[this.at++];
      if (ch === "}") return { kind: "object", entries, text: this.text.slice(start, this.at) };
      if (ch !== ",") this.fail();
    }
  }
}

function parse(text: string, options: JsonReadOptions, whole: boolean): JsonValue | null {
  const reader = new Reader(text, options.singleQuotes ?? false);
  try {
    const value = reader.value();
    return !whole || reader.atEnd() ? value : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** The first JSON value of `text`, or null when it does not start with one; like Jackson, ignores what follows. */
export function readJson(text: string, options: JsonReadOptions = {}): JsonValue | null {
  return parse(text, options, false);
}

/** `text` as one JSON document (surrounding whitespace allowed), or null when it is not exactly one. */
export function readJsonDocument(text: string, options: JsonReadOptions = {}): JsonValue | null {
  return parse(text, options, true);
}

/** The source text of a value that is not a string, as the file source stores it in a string column. */
export function sourceText(value: Exclude<JsonValue, { kind: "string" }>): string {
  switch (value.kind) {
    case "null":
      return "null";
    case "boolean":
      return String(value.value);
    default:
      return value.text;
  }
}

/** Compact JSON text as Jackson writes it back. */
export function writeJson(value: JsonValue): string {
  switch (value.kind) {
    case "null":
      return "null";
    case "boolean":
      return String(value.value);
    case "integer":
      return value.text;
    case "float":
      return javaDoubleString(Number(value.text));
    case "string":
      return JSON.stringify(value.value);
    case "array":
      return `[${value.items.map(writeJson).join(",")}]`;
    case "object":
      return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${writeJson(v)}`).join(",")}}`;
  }
}
