/**
 * A JSON reader for the JSON string functions that keeps what Spark's Jackson parser keeps: whether a number was
 * written as an integer (its digits are echoed as written) or with a fraction/exponent (echoed as a Java double,
 * `2.50` → `2.5`, `1e10` → `1.0E10`). Like Jackson, it reads the first JSON value and ignores what follows.
 */
import { javaDoubleString } from "../logical/expression-display.js";

export type JsonValue =
  | { readonly kind: "null" }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "integer"; readonly text: string }
  | { readonly kind: "float"; readonly text: string }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "array"; readonly items: readonly JsonValue[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, JsonValue])[] };

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  /** Matches `pattern` (sticky) exactly at the current position. */
  private sticky(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.at;
    return pattern.exec(this.text);
  }

  private skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at] as string)) this.at++;
  }

  private fail(): never {
    throw new SyntaxError(`malformed JSON at ${this.at}`);
  }

  value(): JsonValue {
    this.skipSpace();
    const ch = this.text[this.at];
    if (ch === "{") return this.object();
    if (ch === "[") return this.array();
    if (ch === '"') return { kind: "string", value: this.string() };
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return this.number();
    for (const [word, value] of [
      ["true", { kind: "boolean", value: true }],
      ["false", { kind: "boolean", value: false }],
      ["null", { kind: "null" }],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail();
  }

  private number(): JsonValue {
    const match = this.sticky(NUMBER);
    if (match === null) return this.fail();
    this.at += match[0].length;
    const float = match[2] !== undefined || match[3] !== undefined;
    return { kind: float ? "float" : "integer", text: match[0] };
  }

  private string(): string {
    const match = this.sticky(STRING);
    if (match === null) return this.fail();
    this.at += match[0].length;
    // JSON.parse checks the escapes and rejects raw control characters (a SyntaxError, like a bad token).
    return JSON.parse(match[0]) as string;
  }

  private array(): JsonValue {
    this.at++;
    const items: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.at] === "]") {
      this.at++;
      return { kind: "array", items };
    }
    for (;;) {
      items.push(this.value());
      this.skipSpace();
      const ch = this.text[this.at++];
      if (ch === "]") return { kind: "array", items };
      if (ch !== ",") this.fail();
    }
  }

  private object(): JsonValue {
    this.at++;
    const entries: [string, JsonValue][] = [];
    this.skipSpace();
    if (this.text[this.at] === "}") {
      this.at++;
      return { kind: "object", entries };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] !== '"') this.fail();
      const key = this.string();
      this.skipSpace();
      if (this.text[this.at++] !== ":") this.fail();
      entries.push([key, this.value()]);
      this.skipSpace();
      const ch = this.text[this.at++];
      if (ch === "}") return { kind: "object", entries };
      if (ch !== ",") this.fail();
    }
  }
}

/** The first JSON value of `text`, or null when it does not start with one. */
export function readJson(text: string): JsonValue | null {
  try {
    return new Reader(text).value();
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
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
