/**
 * A cursor over the tokens of one SQL text, with the keyword and identifier helpers every parser file uses.
 * Keywords are matched case-insensitively; an identifier is any word that is not one of Spark's strict
 * keywords (in default, non-ANSI-enforced mode almost every keyword may name a column), or a quoted name.
 */
import type { ParseException } from "../../errors/index.js";
import { STRICT_RESERVED } from "./keywords.js";
import { syntaxError } from "./parse-error.js";
import { keywordOf, type Token } from "./token.js";

export class TokenStream {
  private index = 0;

  constructor(
    readonly sql: string,
    private readonly tokens: Token[],
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  /** The token just consumed (for positions of errors about what was parsed). */
  previous(): Token {
    return this.tokens[Math.max(this.index - 1, 0)]!;
  }

  get position(): number {
    return this.index;
  }

  /** Rewinds to a saved position (for the few places Spark's grammar needs backtracking). */
  reset(position: number): void {
    this.index = position;
  }

  atEnd(): boolean {
    return this.peek().kind === "eof";
  }

  isKeyword(keyword: string, offset = 0): boolean {
    return keywordOf(this.peek(offset)) === keyword;
  }

  /** True when the next tokens are these keywords in order. */
  isKeywords(...keywords: string[]): boolean {
    return keywords.every((keyword, i) => this.isKeyword(keyword, i));
  }

  /** Consumes the keywords if they all come next, in order. */
  matchKeywords(...keywords: string[]): boolean {
    if (!this.isKeywords(...keywords)) return false;
    this.index += keywords.length;
    return true;
  }

  /** Consumes and returns whichever of the keywords comes next. */
  matchAnyKeyword<K extends string>(...keywords: K[]): K | undefined {
    const found = keywords.find((keyword) => this.isKeyword(keyword));
    if (found !== undefined) this.next();
    return found;
  }

  expectKeyword(...keywords: string[]): void {
    for (const keyword of keywords) {
      if (!this.isKeyword(keyword)) throw this.error();
      this.next();
    }
  }

  isOp(op: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "op" && token.text === op;
  }

  matchOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.next();
    return true;
  }

  expectOp(op: string): void {
    if (!this.isOp(op)) throw this.error();
    this.next();
  }

  /** A syntax error at the given token (default: the next one). */
  error(token: Token = this.peek(), hint = ""): ParseException {
    return syntaxError(this.sql, token, hint);
  }

  /** Whether the token at `offset` can be read as an identifier. */
  isIdentifier(offset = 0): boolean {
    const token = this.peek(offset);
    if (token.kind === "quotedIdent") return true;
    return token.kind === "word" && !STRICT_RESERVED.has(token.text.toUpperCase());
  }

  identifier(): string {
    if (!this.isIdentifier()) throw this.error();
    return this.next().text;
  }

  /** `a.b.c` with each part a plain or backticked identifier. */
  multipartIdentifier(): string[] {
    const parts = [this.identifier()];
    while (this.isOp(".") && this.isIdentifier(1)) {
      this.next();
      parts.push(this.identifier());
    }
    return parts;
  }

  /** A comma-separated list parsed by `item`. */
  commaList<T>(item: () => T): T[] {
    const items = [item()];
    while (this.matchOp(",")) items.push(item());
    return items;
  }

  /** `( item, ... )`. */
  parenthesizedList<T>(item: () => T): T[] {
    this.expectOp("(");
    const items = this.commaList(item);
    this.expectOp(")");
    return items;
  }

  /** A single string literal, joining adjacent pieces as Spark does (`'a' 'b'` is `'ab'`). */
  stringLiteral(): string {
    if (this.peek().kind !== "string") throw this.error();
    let text = this.next().text;
    while (this.peek().kind === "string") text += this.next().text;
    return text;
  }

  /**
   * Splits the next token in two where the lexer's longest match was wrong for the grammar: `>>` closing two
   * nested `<` in a type, or `:int` (lexed as a named parameter) inside `struct<a:int>`.
   */
  splitNext(): void {
    const token = this.peek();
    const cut = 1;
    const head: Token = {
      ...token,
      kind: "op",
      text: this.sql.slice(token.start, token.start + cut),
      end: token.start + cut,
    };
    const rest = this.sql.slice(token.start + cut, token.end);
    const tail: Token = {
      ...token,
      kind: token.kind === "namedParam" ? "word" : "op",
      text: rest,
      start: token.start + cut,
      column: token.column + cut,
    };
    this.tokens.splice(this.index, 1, head, tail);
  }
}
