/**
 * The atoms of an expression: literals of every form, parameter markers, column references, `*`, parenthesized
 * expressions and tuples, scalar subqueries, lambdas, and the keyword-led forms (CASE, CAST, EXISTS, INTERVAL,
 * typed literals, EXTRACT/SUBSTRING/POSITION/TRIM with their SQL-standard syntax).
 */
import { create } from "@bufbuild/protobuf";
import { type Expression, ExpressionSchema } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { DataTypes, parseDataTypeAt } from "./data-type-parser.js";
import { dateLiteral, timeLiteral, timestampLiteral } from "./datetime-literal.js";
import {
  attribute,
  booleanLiteral,
  castTo,
  extractValue,
  fn,
  literal,
  nullLiteral,
  star,
  stringLiteral,
} from "./expression-builders.js";
import { parseExpression, startsQuery } from "./expression-parser.js";
import { parseFunctionCall } from "./function-call.js";
import { parseInterval } from "./interval-syntax.js";
import { numericLiteral } from "./numeric-literal.js";
import { invalidSql } from "./parse-error.js";
import type { ParserState } from "./parser-state.js";
import { parseQuery } from "./query-parser.js";
import { parseExtract, parseStandardStringFunction } from "./standard-call-syntax.js";
import { subqueryExpression } from "./subquery-expression.js";
import { keywordOf } from "./token.js";

/** Functions Spark lets you call without parentheses. */
const NILADIC = new Set(["CURRENT_DATE", "CURRENT_TIMESTAMP", "CURRENT_USER", "USER", "SESSION_USER", "CURRENT_TIME"]);
const TYPED_LITERALS = new Set(["DATE", "TIME", "TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ"]);

export function parsePrimary(state: ParserState): Expression {
  const { stream } = state;
  const token = stream.peek();
  switch (token.kind) {
    case "number":
      stream.next();
      return numericLiteral(token.text, false, state.sql, token);
    case "string":
      return stringLiteral(stream.stringLiteral());
    case "binary":
      stream.next();
      if (!/^[0-9a-fA-F]*$/.test(token.text)) {
        throw invalidSql(
          state.sql,
          token,
          "INVALID_TYPED_LITERAL",
          "42604",
          `The value of the typed literal "X" is invalid: '${token.text}'.`,
          {
            valueType: '"X"',
            value: `'${token.text}'`,
          },
        );
      }
      return literal({ literalType: { case: "binary", value: hexBytes(token.text) } });
    case "positionalParam":
    case "namedParam":
      stream.next();
      return state.parameter(token);
    case "op":
      return parseOperatorLed(state);
    case "word":
    case "quotedIdent":
      return parseWordLed(state);
    default:
      throw stream.error();
  }
}

function parseOperatorLed(state: ParserState): Expression {
  const { stream } = state;
  const token = stream.peek();
  if (token.text === "-" && stream.peek(1).kind === "number") {
    stream.next();
    const number = stream.next();
    return numericLiteral(number.text, true, state.sql, { ...number, start: token.start, column: token.column });
  }
  if (token.text === "*") {
    stream.next();
    return star();
  }
  if (token.text !== "(") throw stream.error();
  if (startsQuery(state)) {
    const saved = stream.position;
    try {
      stream.next();
      const query = parseQuery(state);
      stream.expectOp(")");
      return subqueryExpression(state, query, "scalar", token);
    } catch (error) {
      // `((SELECT 1) + 1)`: the parenthesis opened an expression that merely starts with a subquery.
      stream.reset(saved);
      if (!stream.isOp("(", 1)) throw error;
    }
  }
  const lambda = tryLambda(state);
  if (lambda !== undefined) return lambda;
  stream.next();
  const first = parseExpression(state);
  if (stream.matchOp(",")) {
    const items = [first, ...stream.commaList(() => parseExpression(state))];
    stream.expectOp(")");
    return fn("struct", items);
  }
  stream.expectOp(")");
  return first;
}

/** Whether `EXISTS (` here opens a subquery (rather than the arguments of the higher-order function). */
function existsSubquery(state: ParserState): boolean {
  const { stream } = state;
  const saved = stream.position;
  stream.next();
  stream.next();
  const query = startsQuery(state);
  stream.reset(saved);
  return query;
}

function parseWordLed(state: ParserState): Expression {
  const { stream } = state;
  const token = stream.peek();
  const keyword = keywordOf(token);
  const next = stream.peek(1);
  const followedByParen = next.kind === "op" && next.text === "(";
  if (keyword !== undefined) {
    switch (keyword) {
      case "NULL":
        stream.next();
        return nullLiteral(DataTypes.null());
      case "TRUE":
      case "FALSE":
        stream.next();
        return booleanLiteral(keyword === "TRUE");
      case "CASE":
        return parseCase(state);
      case "CAST":
      case "TRY_CAST":
        if (followedByParen) return parseCast(state, keyword === "TRY_CAST" ? "try" : "default");
        break;
      case "EXISTS":
        // `EXISTS (SELECT ...)` is a subquery; `exists(arr, x -> ...)` the higher-order function.
        if (followedByParen && existsSubquery(state)) {
          stream.next();
          stream.next();
          const query = parseQuery(state);
          stream.expectOp(")");
          return subqueryExpression(state, query, "exists", token);
        }
        break;
      case "INTERVAL":
        if (next.kind === "string" || next.kind === "number" || (next.kind === "op" && /^[-+]$/.test(next.text))) {
          return parseInterval(state);
        }
        break;
      case "EXTRACT":
        if (followedByParen) return parseExtract(state);
        break;
      case "SUBSTRING":
      case "SUBSTR":
      case "POSITION":
      case "TRIM":
        if (followedByParen) {
          const special = parseStandardStringFunction(state, keyword);
          if (special !== undefined) return special;
        }
        break;
    }
    if (TYPED_LITERALS.has(keyword) && next.kind === "string") return parseTypedLiteral(state, keyword);
    if (NILADIC.has(keyword) && !followedByParen && !(next.kind === "op" && next.text === ".")) {
      stream.next();
      return fn(keyword.toLowerCase(), []);
    }
  }
  if (stream.isOp("->", 1)) {
    const lambda = tryLambda(state);
    if (lambda !== undefined) return lambda;
  }
  // LEFT and RIGHT are reserved but still name the string functions.
  if (followedByParen && (keyword === "LEFT" || keyword === "RIGHT"))
    return parseFunctionCall(state, [stream.next().text]);
  const parts = [stream.identifier()];
  while (stream.isOp(".") && (stream.peek(1).kind === "word" || stream.peek(1).kind === "quotedIdent")) {
    stream.next();
    parts.push(stream.next().text);
  }
  if (stream.isOp(".") && stream.isOp("*", 1)) {
    stream.next();
    stream.next();
    return star(parts);
  }
  if (stream.isOp("(")) return parseFunctionCall(state, parts);
  return reference(state, parts);
}

/** A column reference, or a lambda variable (plus field accesses) inside a lambda body. */
function reference(state: ParserState, parts: string[]): Expression {
  const [head, ...fields] = parts;
  if (head === undefined || !state.isLambdaVariable(head)) return attribute(parts);
  let expr = lambdaVariable(head);
  for (const field of fields) expr = extractValue(expr, stringLiteral(field));
  return expr;
}

function lambdaVariable(name: string): Expression {
  return create(ExpressionSchema, {
    exprType: { case: "unresolvedNamedLambdaVariable", value: { nameParts: [name] } },
  });
}

/** `x -> body` or `(x, y) -> body`; returns undefined (cursor untouched) when no lambda starts here. */
function tryLambda(state: ParserState): Expression | undefined {
  const { stream } = state;
  const saved = stream.position;
  const names: string[] = [];
  if (stream.matchOp("(")) {
    if (!stream.isIdentifier()) return restore();
    names.push(...stream.commaList(() => (stream.isIdentifier() ? stream.identifier() : "")));
    if (names.includes("") || !stream.matchOp(")")) return restore();
  } else if (stream.isIdentifier()) {
    names.push(stream.identifier());
  }
  if (names.length === 0 || !stream.matchOp("->")) return restore();
  const body = state.withLambdaVariables(names, () => parseExpression(state));
  return create(ExpressionSchema, {
    exprType: {
      case: "lambdaFunction",
      value: { function: body, arguments: names.map((name) => ({ nameParts: [name] })) },
    },
  });

  function restore(): undefined {
    stream.reset(saved);
    return undefined;
  }
}

/** CASE WHEN c THEN v ... [ELSE e] END, and CASE x WHEN v THEN r ...: both become `when(c1, v1, ..., e)`. */
function parseCase(state: ParserState): Expression {
  const { stream } = state;
  stream.expectKeyword("CASE");
  const subject = stream.isKeyword("WHEN") ? undefined : parseExpression(state);
  const args: Expression[] = [];
  if (!stream.isKeyword("WHEN")) throw stream.error();
  while (stream.matchKeywords("WHEN")) {
    const condition = parseExpression(state);
    args.push(subject === undefined ? condition : fn("==", [subject, condition]));
    stream.expectKeyword("THEN");
    args.push(parseExpression(state));
  }
  if (stream.matchKeywords("ELSE")) args.push(parseExpression(state));
  stream.expectKeyword("END");
  return fn("when", args);
}

function parseCast(state: ParserState, mode: "try" | "default"): Expression {
  const { stream } = state;
  stream.next();
  stream.expectOp("(");
  const value = parseExpression(state);
  stream.expectKeyword("AS");
  const type = parseDataTypeAt(stream);
  stream.expectOp(")");
  return castTo(value, type, mode);
}

function parseTypedLiteral(state: ParserState, keyword: string): Expression {
  const { stream } = state;
  const token = stream.next();
  const text = stream.stringLiteral();
  const at = { ...token, end: stream.previous().end };
  if (keyword === "DATE") return dateLiteral(text, state.sql, at);
  if (keyword === "TIME") return timeLiteral(text, state.sql, at);
  const kind = keyword === "TIMESTAMP_NTZ" ? "timestampNtz" : "timestamp";
  return timestampLiteral(text, kind, state.sessionTimeZone, state.sql, at);
}

function hexBytes(hex: string): Uint8Array {
  const padded = hex.length % 2 === 1 ? `0${hex}` : hex;
  const bytes = new Uint8Array(padded.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(padded.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
