/** The lexical units of Spark SQL text, as the lexer hands them to the parser. */

export type TokenKind =
  /** A bare word: keyword or identifier; the parser decides which from context. */
  | "word"
  /** A backtick-quoted identifier; `text` holds the unquoted name. */
  | "quotedIdent"
  /** A string literal; `text` holds the decoded value (escapes applied, adjacent literals not yet joined). */
  | "string"
  /** A numeric literal, possibly with a type suffix such as `L`, `BD`, `D`; `text` is the raw spelling. */
  | "number"
  /** A hex binary literal `X'..'`; `text` holds the hex digits. */
  | "binary"
  /** Punctuation or an operator such as `(`, `<=>`, `::`, `->`. */
  | "op"
  /** A positional parameter marker `?`. */
  | "positionalParam"
  /** A named parameter marker `:name`; `text` holds the name. */
  | "namedParam"
  /** The body of a hint comment `/*+ ... *\/`. */
  | "hint"
  | "eof";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset of the first character in the SQL text. */
  readonly start: number;
  /** Offset one past the last character. */
  readonly end: number;
  /** 1-based line number of the first character. */
  readonly line: number;
  /** 0-based column of the first character within its line. */
  readonly column: number;
}

/** The upper-cased spelling of a word token, used for keyword comparisons. */
export function keywordOf(token: Token): string | undefined {
  return token.kind === "word" ? token.text.toUpperCase() : undefined;
}
