/**
 * Pratt parser for Spark SQL expressions. Binding strengths follow Spark's grammar, loosest first:
 *   OR < AND < NOT < predicates (IS, IN, BETWEEN, LIKE) < comparisons < | < ^ < & < shifts
 *   < + - || < * / % DIV < unary - + ~ < postfix [i] .field ::type
 * Operators become the same UnresolvedFunction calls PySpark's Column operators build (`==`, `and`, `not`, ...).
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { parseDataTypeAt } from "./data-type-parser.js";
import {
  attribute,
  booleanLiteral,
  castTo,
  extractValue,
  fn,
  not,
  star,
  stringLiteral,
} from "./expression-builders.js";
import { invalidSql } from "./parse-error.js";
import type { ParserState } from "./parser-state.js";
import { parsePrimary } from "./primary-expression.js";
import { parseQuery } from "./query-parser.js";
import { subqueryExpression } from "./subquery-expression.js";
import { keywordOf, type Token } from "./token.js";

enum Power {
  Lowest = 0,
  Or = 1,
  And = 2,
  Not = 3,
  Predicate = 4,
  Comparison = 5,
  BitOr = 6,
  BitXor = 7,
  BitAnd = 8,
  Shift = 9,
  Additive = 10,
  Multiplicative = 11,
  Unary = 12,
  Postfix = 13,
}

const COMPARISONS: Record<string, string> = {
  "=": "==",
  "==": "==",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
  "<=>": "<=>",
};
const BINARY_OPS: Record<string, [Power, string]> = {
  "|": [Power.BitOr, "|"],
  "^": [Power.BitXor, "^"],
  "&": [Power.BitAnd, "&"],
  "<<": [Power.Shift, "<<"],
  ">>": [Power.Shift, ">>"],
  ">>>": [Power.Shift, ">>>"],
  "+": [Power.Additive, "+"],
  "-": [Power.Additive, "-"],
  "||": [Power.Additive, "concat"],
  "*": [Power.Multiplicative, "*"],
  "/": [Power.Multiplicative, "/"],
  "%": [Power.Multiplicative, "%"],
};
const PREDICATE_WORDS = new Set(["IS", "IN", "BETWEEN", "LIKE", "ILIKE", "RLIKE", "REGEXP"]);

/** Parses one full expression (an OR-level boolean expression). */
export function parseExpression(state: ParserState): Expression {
  return parseWithPower(state, Power.Lowest);
}

/** Parses an operand that binds tighter than `power`. */
export function parseWithPower(state: ParserState, power: number): Expression {
  let left = parsePrefix(state);
  for (;;) {
    const next = infixPower(state);
    if (next <= power) return left;
    left = parseInfix(state, left, next);
  }
}

function parsePrefix(state: ParserState): Expression {
  const { stream } = state;
  const token = stream.peek();
  if (keywordOf(token) === "NOT" || (token.kind === "op" && token.text === "!")) {
    stream.next();
    return not(parseWithPower(state, Power.And));
  }
  if (token.kind === "op" && (token.text === "-" || token.text === "+" || token.text === "~")) {
    // `-1` is a negative literal in Spark's grammar, not a negation of `1`.
    if (stream.peek(1).kind === "number" && token.text === "-") return parsePrimary(state);
    stream.next();
    const operand = parseWithPower(state, Power.Unary);
    return fn(token.text === "-" ? "negative" : token.text === "+" ? "positive" : "~", [operand]);
  }
  return parsePrimary(state);
}

function isPostfix(state: ParserState): boolean {
  const { stream } = state;
  if (stream.isKeyword("COLLATE") && stream.isIdentifier(1)) return true;
  return (
    stream.isOp("[") ||
    stream.isOp("::") ||
    (stream.isOp(".") && (stream.isIdentifier(1) || stream.peek(1).kind === "word"))
  );
}

function infixPower(state: ParserState): number {
  const { stream } = state;
  const token = stream.peek();
  if (token.kind === "op") {
    if (isPostfix(state)) return Power.Postfix;
    if (token.text in COMPARISONS || token.text === "<>" || token.text === "!=") return Power.Comparison;
    return BINARY_OPS[token.text]?.[0] ?? Power.Lowest;
  }
  const keyword = keywordOf(token);
  if (keyword === "OR") return Power.Or;
  if (keyword === "AND") return Power.And;
  if (keyword === "DIV") return Power.Multiplicative;
  if (keyword === "COLLATE" && isPostfix(state)) return Power.Postfix;
  if (keyword !== undefined && PREDICATE_WORDS.has(keyword)) return Power.Predicate;
  if (keyword === "NOT" && PREDICATE_WORDS.has(keywordOf(stream.peek(1)) ?? "")) return Power.Predicate;
  return Power.Lowest;
}

function parseInfix(state: ParserState, left: Expression, power: number): Expression {
  const { stream } = state;
  const token = stream.next();
  const keyword = keywordOf(token);
  switch (keyword) {
    case "OR":
      return fn("or", [left, parseWithPower(state, Power.Or)]);
    case "AND":
      return fn("and", [left, parseWithPower(state, Power.And)]);
    case "DIV":
      return fn("div", [left, parseWithPower(state, Power.Multiplicative)]);
  }
  if (power === Power.Predicate) return parsePredicate(state, left, token);
  // `s COLLATE UTF8_LCASE` is `collate(s, 'UTF8_LCASE')`, as F.collate builds it.
  if (keyword === "COLLATE") return fn("collate", [left, stringLiteral(stream.identifier())]);
  if (token.kind !== "op") throw stream.error(token);
  switch (token.text) {
    case "[": {
      const index = parseExpression(state);
      stream.expectOp("]");
      return extractValue(left, index);
    }
    case "::":
      return castTo(left, parseDataTypeAt(stream), "default");
    case ".":
      return fieldAccess(state, left);
    case "<>":
    case "!=":
      return not(fn("==", [left, parseWithPower(state, Power.Comparison)]));
  }
  const comparison = COMPARISONS[token.text];
  if (comparison !== undefined) return fn(comparison, [left, parseWithPower(state, Power.Comparison)]);
  const [opPower, name] = BINARY_OPS[token.text]!;
  return fn(name, [left, parseWithPower(state, opPower)]);
}

/** `a.b` after an attribute extends its name (`t.col.field`); after any other expression it extracts a field. */
function fieldAccess(state: ParserState, left: Expression): Expression {
  const { stream } = state;
  if (stream.matchOp("*") && left.exprType.case === "unresolvedAttribute") {
    return star([left.exprType.value.unparsedIdentifier]);
  }
  const nameToken = stream.next();
  if (nameToken.kind !== "word" && nameToken.kind !== "quotedIdent") throw stream.error(nameToken);
  if (left.exprType.case === "unresolvedAttribute" && !left.exprType.value.planId) {
    const current = left.exprType.value.unparsedIdentifier;
    const next = attribute([nameToken.text]);
    if (next.exprType.case === "unresolvedAttribute") {
      next.exprType.value.unparsedIdentifier = `${current}.${next.exprType.value.unparsedIdentifier}`;
    }
    return next;
  }
  return extractValue(left, stringLiteral(nameToken.text));
}

function parsePredicate(state: ParserState, left: Expression, first: Token): Expression {
  const { stream } = state;
  let negated = false;
  let keyword = keywordOf(first);
  if (keyword === "NOT") {
    negated = true;
    keyword = keywordOf(stream.next());
  }
  const wrap = (expr: Expression): Expression => (negated ? not(expr) : expr);
  switch (keyword) {
    case "IS":
      return parseIs(state, left);
    case "BETWEEN": {
      const lower = parseWithPower(state, Power.Predicate);
      stream.expectKeyword("AND");
      const upper = parseWithPower(state, Power.Predicate);
      return wrap(fn("between", [left, lower, upper]));
    }
    case "IN":
      return wrap(parseIn(state, left));
    case "RLIKE":
    case "REGEXP":
      return wrap(fn("rlike", [left, parseWithPower(state, Power.Predicate)]));
    case "LIKE":
    case "ILIKE":
      return parseLike(state, left, keyword.toLowerCase(), negated);
    default:
      throw stream.error(stream.previous());
  }
}

function parseIs(state: ParserState, left: Expression): Expression {
  const { stream } = state;
  const negated = stream.matchKeywords("NOT");
  const wrap = (expr: Expression): Expression => (negated ? not(expr) : expr);
  const keyword = stream.matchAnyKeyword("NULL", "TRUE", "FALSE", "UNKNOWN", "DISTINCT");
  switch (keyword) {
    case "NULL":
      return fn(negated ? "isNotNull" : "isNull", [left]);
    case "UNKNOWN":
      return fn(negated ? "isNotNull" : "isNull", [left]);
    case "TRUE":
    case "FALSE":
      return wrap(fn("<=>", [left, booleanLiteral(keyword === "TRUE")]));
    case "DISTINCT": {
      stream.expectKeyword("FROM");
      const right = parseWithPower(state, Power.Predicate);
      return negated ? fn("<=>", [left, right]) : not(fn("<=>", [left, right]));
    }
    default:
      throw stream.error();
  }
}

function parseIn(state: ParserState, left: Expression): Expression {
  const { stream } = state;
  const open = stream.peek();
  stream.expectOp("(");
  if (startsQuery(state)) {
    const query = parseQuery(state);
    stream.expectOp(")");
    // `(a, b) IN (SELECT x, y ...)` compares the tuple's members against the subquery's columns.
    const values =
      left.exprType.case === "unresolvedFunction" && left.exprType.value.functionName === "struct"
        ? left.exprType.value.arguments
        : [left];
    return subqueryExpression(state, query, "in", open, values);
  }
  const items = stream.commaList(() => parseExpression(state));
  stream.expectOp(")");
  return fn("in", [left, ...items]);
}

function parseLike(state: ParserState, left: Expression, name: string, negated: boolean): Expression {
  const { stream } = state;
  const quantifier = stream.matchAnyKeyword("ANY", "SOME", "ALL");
  if (quantifier !== undefined) {
    // LIKE ANY/ALL has no builtin of its own over Connect; it is the OR/AND of single LIKEs.
    const patterns = stream.parenthesizedList(() => parseExpression(state));
    const tests = patterns.map((pattern) => {
      const test = fn(name, [left, pattern]);
      return negated ? not(test) : test;
    });
    const joiner = quantifier === "ALL" ? "and" : "or";
    return tests.reduce((acc, test) => fn(joiner, [acc, test]));
  }
  const pattern = parseWithPower(state, Power.Predicate);
  const args = [left, pattern];
  if (stream.matchKeywords("ESCAPE")) {
    const escapeToken = stream.peek();
    const escapeChar = stream.stringLiteral();
    if (escapeChar.length !== 1)
      throw invalidSql(
        state.sql,
        { ...escapeToken, end: stream.previous().end },
        "INVALID_ESC",
        "42604",
        `Found an invalid escape string: '${escapeChar}'. The escape string must contain only one character.`,
        { invalidEscape: `'${escapeChar}'` },
      );
    args.push(stringLiteral(escapeChar));
  }
  const like = fn(name, args);
  return negated ? not(like) : like;
}

/** Whether a query (not an expression) begins at the cursor, possibly behind extra parentheses. */
export function startsQuery(state: ParserState): boolean {
  const { stream } = state;
  let offset = 0;
  while (stream.isOp("(", offset)) offset++;
  const keyword = keywordOf(stream.peek(offset));
  return (
    keyword === "SELECT" || keyword === "WITH" || keyword === "VALUES" || keyword === "FROM" || keyword === "TABLE"
  );
}
