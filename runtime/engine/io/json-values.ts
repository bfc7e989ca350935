/**
 * A JSON parser for the `json` source that keeps what `JSON.parse` throws away and Spark's reader uses: the
 * source text of every number (so big integers and decimals stay exact and a number read as a string keeps its
 * spelling) and of every array and object (Spark hands a nested value read into a string column over verbatim,
 * whitespace and all).
 */

export type JsonValue = null | boolean | string | JsonNumber | JsonArray | JsonObject;

export interface JsonNumber {
  readonly kind: "number";
  readonly text: string;
  /** Whether the literal has a fraction or an exponent (Jackson's float token) rather than digits only. */
  readonly fractional: boolean;
}

export interface JsonArray {
  readonly kind: "array";
  readonly items: readonly JsonValue[];
  readonly text: string;
}

export interface JsonObject {
  readonly kind: "object";
  readonly fields: ReadonlyMap<string, JsonValue>;
  readonly text: string;
}

export function isJsonObject(value: JsonValue): value is JsonObject {
  return value !== null && typeof value === "object" && value.kind === "object";
}

export function isJsonArray(value: JsonValue): value is JsonArray {
  return value !== null && typeof value === "object" && value.kind === "array";
}

/** The source text of a value that is not a string: what Spark stores when a string column reads it. */
export function jsonText(value: Exclude<JsonValue, string>): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  return value.text;
}

class MalformedJson extends Error {}

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

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Parses one JSON document (surrounding whitespace allowed); undefined when the text is not valid JSON. */
export function parseJson(text: string): JsonValue | undefined {
  const parser = new JsonParser(text);
  try {
    const value = parser.value();
    parser.skipSpace();
    return parser.atEnd() ? value : undefined;
  } catch (error) {
    if (error instanceof MalformedJson) return undefined;
    throw error;
  }
}

class JsonParser {
  private at = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  skipSpace(): void {
    const text = this.text;
    let at = this.at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      at++;
    }
    this.at = at;
  }

  value(): JsonValue {
    this.skipSpace();
    const c = this.text[this.at];
    switch (c) {
      case "{":
        return this.object();
      case "[":
        return this.array();
      case '"':
      case "'":
        return this.string();
      case "t":
        return this.word("true", true);
      case "f":
        return this.word("false", false);
      case "n":
        return this.word("null", null);
      default:
        return this.number();
    }
  }

  private object(): JsonObject {
    const start = this.at++;
    const fields = new Map<string, JsonValue>();
    this.skipSpace();
    if (this.text[this.at] === "}") {
      this.at++;
    } else {
      for (;;) {
        this.skipSpace();
        const quote = this.text[this.at];
        if (quote !== '"' && quote !== "'") throw new MalformedJson();
        const key = this.string();
        this.skipSpace();
        this.expect(":");
        fields.set(key, this.value());
        this.skipSpace();
        if (this.text[this.at] === ",") {
          this.at++;
          continue;
        }
        this.expect("}");
        break;
      }
    }
    return { kind: "object", fields, text: this.text.slice(start, this.at) };
  }

  private array(): JsonArray {
    const start = this.at++;
    const items: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.at] === "]") {
      this.at++;
    } else {
      for (;;) {
        items.push(this.value());
        this.skipSpace();
        if (this.text[this.at] === ",") {
          this.at++;
          continue;
        }
        this.expect("]");
        break;
      }
    }
    return { kind: "array", items, text: this.text.slice(start, this.at) };
  }

  /** A double-quoted string, or a single-quoted one, which Spark's reader accepts by default (allowSingleQuotes). */
  private string(): string {
    const text = this.text;
    const quote = text.charCodeAt(this.at);
    let at = this.at + 1;
    let out = "";
    let from = at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (Number.isNaN(c) || c < 0x20) throw new MalformedJson();
      if (c === quote) break;
      if (c !== 0x5c) {
        at++;
        continue;
      }
      out += text.slice(from, at);
      const escaped = text[at + 1];
      if (escaped === "u") {
        const hex = text.slice(at + 2, at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new MalformedJson();
        out += String.fromCharCode(Number.parseInt(hex, 16));
        at += 6;
      } else {
        const unescaped = escaped === undefined ? undefined : ESCAPES[escaped];
        if (unescaped === undefined) throw new MalformedJson();
        out += unescaped;
        at += 2;
      }
      from = at;
    }
    this.at = at + 1;
    return out + text.slice(from, at);
  }

  private number(): JsonNumber {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match === null || match[0] === "" || match[0] === "-") throw new MalformedJson();
    this.at += match[0].length;
    return { kind: "number", text: match[0], fractional: match[1] !== undefined || match[2] !== undefined };
  }

  private word<V extends boolean | null>(word: string, value: V): V {
    if (!this.text.startsWith(word, this.at)) throw new MalformedJson();
    this.at += word.length;
    return value;
  }

  private expect(c: string): void {
    if (this.text[this.at] !== c) throw new MalformedJson();
    this.at++;
  }
}
