/**
 * The Spark SQL front end of the embedded engine: SQL text in, the same Connect proto messages the DataFrame
 * API builds out. `parseSql` for statements, `parseExpression` for `selectExpr`/`expr()`/string filters,
 * `parseDataType` for type strings and `parseTableIdentifier` for table names.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { DataType } from "../../../generated/proto/spark/connect/types_pb.js";
import { parseDataTypeAt } from "./data-type-parser.js";
import { alias } from "./expression-builders.js";
import { parseExpression as parseExpressionAt } from "./expression-parser.js";
import { tokenize } from "./lexer.js";
import { type ParseOptions, ParserState } from "./parser-state.js";
import type { SqlStatement } from "./statement.js";
import { extraInput, parseStatement } from "./statement-parser.js";
import { TokenStream } from "./token-stream.js";

export type { ParseOptions } from "./parser-state.js";
export type { ColumnDefinition, ExplainMode, NameParts, SqlStatement, SqlStatementKind } from "./statement.js";

function stateFor(text: string, options: ParseOptions): ParserState {
  return new ParserState(new TokenStream(text, tokenize(text)), options);
}

/** Runs `parse` over the whole text, failing on anything left over. */
function parseAll<T>(text: string, options: ParseOptions, parse: (state: ParserState) => T): T {
  const state = stateFor(text, options);
  const result = parse(state);
  if (!state.stream.atEnd()) throw extraInput(state);
  return result;
}

/** Parses one SQL statement (a trailing `;` is allowed). Throws `ParseException` on invalid text. */
export function parseSql(text: string, options: ParseOptions = {}): SqlStatement {
  return parseStatement(stateFor(text, options));
}

/**
 * Parses a single expression, optionally with an alias (`"a + 1 AS b"`), as `selectExpr` and `expr()` accept.
 * Subqueries are not allowed here: there is no operator for them to attach to.
 */
export function parseExpression(text: string, options: ParseOptions = {}): Expression {
  return parseAll(text, options, (state) => {
    const expr = parseExpressionAt(state);
    const { stream } = state;
    const hasAs = stream.matchKeywords("AS");
    if (!hasAs && !stream.isIdentifier()) return expr;
    const names = stream.isOp("(") ? stream.parenthesizedList(() => stream.identifier()) : [stream.identifier()];
    return alias(expr, names);
  });
}

/** Parses a type string such as `decimal(10,2)` or `struct<a: int, b: array<string>>`. */
export function parseDataType(text: string): DataType {
  return parseAll(text, {}, (state) => parseDataTypeAt(state.stream));
}

/** Splits a table name such as `` db.`my table` `` into its unquoted parts. */
export function parseTableIdentifier(text: string): string[] {
  return parseAll(text, {}, (state) => state.stream.multipartIdentifier());
}
