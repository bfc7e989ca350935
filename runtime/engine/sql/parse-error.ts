/**
 * Builds the `ParseException`s the SQL front end raises, laid out like Spark's: the error class and SQLSTATE,
 * the position as `(line L, pos P)`, then an `== SQL ==` block with a caret line under the offending token.
 */
import { ParseException } from "../../errors/index.js";
import type { Token } from "./token.js";

/** Where a problem is: 1-based line and 0-based column, as Spark reports them. */
export interface SqlPosition {
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
}

/** The `== SQL ==` block: the text with a `---^^^` marker inserted after the line holding the position. */
function sqlContextBlock(sql: string, line: number, column: number): string {
  const lines = sql.split("\n");
  const out: string[] = ["== SQL =="];
  lines.forEach((text, index) => {
    out.push(text);
    if (index + 1 === line) out.push(`${"-".repeat(column)}^^^`);
  });
  return out.join("\n");
}

/**
 * The block Spark prints under semantic parse errors: `== SQL (line L, position P) ==`, the text, and carets
 * under the offending fragment (P is 1-based here, unlike the `pos` of syntax errors).
 */
function fragmentBlock(sql: string, at: SqlPosition): string {
  const lines = sql.split("\n");
  const out = [`== SQL (line ${at.line}, position ${at.column + 1}) ==`];
  lines.forEach((text, index) => {
    out.push(text);
    if (index + 1 === at.line) {
      const width = Math.max(1, Math.min(at.end - at.start, text.length - at.column));
      out.push(`${" ".repeat(at.column)}${"^".repeat(width)}`);
    }
  });
  return out.join("\n");
}

/** How Spark names a token in a syntax error: quoted text, or `end of input`. */
function describeToken(token: Token, sql: string): string {
  if (token.kind === "eof") return "end of input";
  return `'${sql.slice(token.start, token.end)}'`;
}

/** `[PARSE_SYNTAX_ERROR] Syntax error at or near <token>` pointing at `token`. */
export function syntaxError(sql: string, token: Token, hint = ""): ParseException {
  return syntaxErrorAt(sql, describeToken(token, sql), token, hint);
}

/**
 * A syntax error whose "near" text is given explicitly (e.g. a lone quote for an unterminated string). `hint`
 * is appended verbatim, as Spark does with `: extra input ')'`.
 */
export function syntaxErrorAt(sql: string, near: string, at: SqlPosition, hint = ""): ParseException {
  const message =
    `[PARSE_SYNTAX_ERROR] Syntax error at or near ${near}${hint}. SQLSTATE: 42601 ` +
    `(line ${at.line}, pos ${at.column})\n\n${sqlContextBlock(sql, at.line, at.column)}\n`;
  return new ParseException(message, {
    errorClass: "PARSE_SYNTAX_ERROR",
    sqlState: "42601",
    messageParameters: { error: near, hint },
    queryContext: [{ line: at.line, column: at.column, startIndex: at.start, stopIndex: at.end - 1 }],
  });
}

/**
 * A parse failure that is not a plain syntax error (bad literal, unsupported clause, unbound parameter).
 * The message follows Spark's shape: `[CLASS] text SQLSTATE: xxxxx` then the position and SQL block.
 */
export function invalidSql(
  sql: string,
  at: SqlPosition,
  errorClass: string,
  sqlState: string,
  text: string,
  messageParameters: Record<string, string> = {},
): ParseException {
  const message = `[${errorClass}] ${text} SQLSTATE: ${sqlState}\n${fragmentBlock(sql, at)}\n`;
  return new ParseException(message, {
    errorClass,
    sqlState,
    messageParameters,
    queryContext: [
      {
        line: at.line,
        column: at.column,
        startIndex: at.start,
        stopIndex: at.end - 1,
        fragment: sql.slice(at.start, at.end),
      },
    ],
  });
}

/** Something valid Spark SQL that this front end cannot express as a Connect proto plan. */
export function unsupportedSql(sql: string, at: SqlPosition, feature: string): ParseException {
  return invalidSql(
    sql,
    at,
    "UNSUPPORTED_FEATURE.SQL_SYNTAX",
    "0A000",
    `The feature is not supported: ${feature} in the embedded engine's SQL front end.`,
    { feature },
  );
}
