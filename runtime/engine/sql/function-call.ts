/**
 * Function calls: `name([DISTINCT] args)`, `count(*)`, named arguments `k => v`, `IGNORE NULLS`,
 * `FILTER (WHERE ..)` and `OVER (...)`. Names are lower-cased, as PySpark's `functions` module sends them.
 */

import { create } from "@bufbuild/protobuf";
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { ExpressionSchema } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { NULL_SKIPPING_AGGREGATES } from "./aggregate-functions.js";
import { DataTypes } from "./data-type-parser.js";
import { alias, booleanLiteral, fn, intLiteral, nullLiteral, stringLiteral } from "./expression-builders.js";
import { parseExpression } from "./expression-parser.js";
import { TIME_UNITS } from "./keywords.js";
import { unsupportedSql } from "./parse-error.js";
import type { ParserState } from "./parser-state.js";
import type { Token } from "./token.js";
import { parseOver } from "./window-spec.js";

/** Functions whose first argument may be a bare unit keyword (`timestampadd(HOUR, 1, ts)`). */
const UNIT_FIRST = new Set(["timestampadd", "timestampdiff", "dateadd", "date_add", "datediff", "date_diff"]);

/** Functions taking a trailing `ignoreNulls` flag, with the defaults of the arguments before it. */
const IGNORE_NULLS_ARITY: Record<string, readonly (() => Expression)[]> = {
  first: [],
  last: [],
  first_value: [],
  last_value: [],
  any_value: [],
  nth_value: [],
  lag: [() => intLiteral(1), () => nullLiteral(DataTypes.null())],
  lead: [() => intLiteral(1), () => nullLiteral(DataTypes.null())],
};

export function parseFunctionCall(state: ParserState, nameParts: readonly string[]): Expression {
  const { stream } = state;
  const nameToken = stream.previous();
  const name = nameParts.map((part) => part.toLowerCase()).join(".");
  stream.expectOp("(");
  const isDistinct = stream.matchKeywords("DISTINCT");
  if (!isDistinct) stream.matchKeywords("ALL");
  let args: Expression[] = [];
  let ignoreNulls = false;
  if (name === "count" && !isDistinct && stream.isOp("*") && stream.isOp(")", 1)) {
    // Spark reads count(*) as count(1).
    stream.next();
    args = [intLiteral(1)];
  } else if (!stream.isOp(")")) {
    args = stream.commaList(() => parseArgument(state));
    args = args.map((arg, index) => (index === 0 && UNIT_FIRST.has(name) ? unitArgument(arg) : arg));
    if (stream.matchKeywords("IGNORE", "NULLS")) ignoreNulls = true;
    else stream.matchKeywords("RESPECT", "NULLS");
  }
  stream.expectOp(")");
  if (stream.matchKeywords("IGNORE", "NULLS")) ignoreNulls = true;
  else stream.matchKeywords("RESPECT", "NULLS");
  if (ignoreNulls) args = withIgnoreNulls(state, name, args, nameToken);
  const callName = unitFormName(name, args);
  if (stream.isKeywords("WITHIN", "GROUP"))
    throw unsupportedSql(state.sql, stream.peek(), "WITHIN GROUP (ORDER BY ...)");
  if (stream.matchKeywords("FILTER")) args = withFilter(state, name, args, nameToken);
  const call = fn(callName, args, isDistinct);
  if (stream.matchKeywords("OVER")) return parseOver(state, call);
  return call;
}

function parseArgument(state: ParserState): Expression {
  const { stream } = state;
  if (stream.isIdentifier() && stream.isOp("=>", 1)) {
    const key = stream.identifier();
    stream.next();
    const value = parseExpression(state);
    return create(ExpressionSchema, { exprType: { case: "namedArgumentExpression", value: { key, value } } });
  }
  const value = parseExpression(state);
  // `struct(1 AS a)`: Spark lets an argument carry a name, which struct() uses as the field name.
  return stream.matchKeywords("AS") ? alias(value, [stream.identifier()]) : value;
}

/** `datediff(DAY, a, b)` and `dateadd(HOUR, n, t)` are Spark's spellings of timestampdiff / timestampadd. */
function unitFormName(name: string, args: readonly Expression[]): string {
  if (args.length !== 3 || args[0]?.exprType.case !== "literal") return name;
  if (name === "datediff" || name === "date_diff") return "timestampdiff";
  if (name === "dateadd" || name === "date_add") return "timestampadd";
  return name;
}

/** A bare `HOUR` in unit position reads as a column reference; turn it into the unit string. */
function unitArgument(arg: Expression): Expression {
  if (arg.exprType.case !== "unresolvedAttribute") return arg;
  const unit = arg.exprType.value.unparsedIdentifier.toUpperCase();
  return TIME_UNITS.has(unit) ? stringLiteral(unit) : arg;
}

function withIgnoreNulls(state: ParserState, name: string, args: Expression[], at: Token): Expression[] {
  const defaults = IGNORE_NULLS_ARITY[name];
  if (defaults === undefined) throw unsupportedSql(state.sql, at, `IGNORE NULLS for ${name}`);
  const filled = [...args];
  // Fill optional arguments up to the flag's position (input plus the listed defaults).
  for (let i = filled.length - 1; i < defaults.length; i++) filled.push(defaults[i]!());
  filled.push(booleanLiteral(true));
  return filled;
}

function withFilter(state: ParserState, name: string, args: Expression[], at: Token): Expression[] {
  const { stream } = state;
  stream.expectOp("(");
  stream.expectKeyword("WHERE");
  const condition = parseExpression(state);
  stream.expectOp(")");
  if (!NULL_SKIPPING_AGGREGATES.has(name)) throw unsupportedSql(state.sql, at, `FILTER (WHERE ...) on ${name}`);
  return args.map((arg) => fn("when", [condition, arg]));
}
