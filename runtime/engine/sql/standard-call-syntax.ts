/**
 * SQL-standard call syntax Spark accepts for a few functions: EXTRACT(field FROM x), SUBSTRING(s FROM a FOR b),
 * POSITION(x IN s) and TRIM([BOTH|LEADING|TRAILING] [chars] FROM s), mapped to the plain functions.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { fn, stringLiteral } from "./expression-builders.js";
import { parseExpression, parseWithPower } from "./expression-parser.js";
import type { ParserState } from "./parser-state.js";

/** EXTRACT(field FROM source) is `extract('field', source)`. */
export function parseExtract(state: ParserState): Expression {
  const { stream } = state;
  stream.next();
  stream.expectOp("(");
  const field = stream.identifier();
  stream.expectKeyword("FROM");
  const source = parseExpression(state);
  stream.expectOp(")");
  return fn("extract", [stringLiteral(field), source]);
}

/**
 * SUBSTRING(s FROM a [FOR b]), POSITION(x IN s) and TRIM([BOTH|LEADING|TRAILING] [chars] FROM s). Returns
 * undefined (cursor untouched) when the call uses plain comma arguments, which the generic path handles.
 */
export function parseStandardStringFunction(state: ParserState, keyword: string): Expression | undefined {
  const { stream } = state;
  const saved = stream.position;
  stream.next();
  stream.next();
  if (keyword === "TRIM") {
    const side = stream.matchAnyKeyword("BOTH", "LEADING", "TRAILING");
    const name = side === "LEADING" ? "ltrim" : side === "TRAILING" ? "rtrim" : "trim";
    if (side !== undefined && stream.matchKeywords("FROM")) return finish(name, [parseExpression(state)]);
    const first = parseExpression(state);
    // The two-argument trim functions take the characters to strip first: trim(chars, source).
    if (stream.matchKeywords("FROM")) return finish(name, [first, parseExpression(state)]);
    if (side !== undefined) throw stream.error();
    stream.reset(saved);
    return undefined;
  }
  const first = parseWithPower(state, 4);
  if (keyword === "POSITION") {
    if (!stream.matchKeywords("IN")) return restore();
    return finish("locate", [first, parseExpression(state)]);
  }
  if (!stream.matchKeywords("FROM")) return restore();
  const args = [first, parseExpression(state)];
  if (stream.matchKeywords("FOR")) args.push(parseExpression(state));
  return finish("substring", args);

  function finish(name: string, args: Expression[]): Expression {
    stream.expectOp(")");
    return fn(name, args);
  }
  function restore(): undefined {
    stream.reset(saved);
    return undefined;
  }
}
