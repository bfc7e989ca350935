/**
 * One `SELECT` block: hints, DISTINCT, the select list, FROM, WHERE, GROUP BY, HAVING and WINDOW. Builds
 *   Hint* ( Deduplicate? ( Project | Drop?( Filter[having]?( Aggregate ) ) ) ( Filter[where]? ( from ) ) )
 * (the Drop removes hidden grouping columns, see grouped-select.ts). A SELECT without FROM reads from one
 * empty row: a Project without input. Aggregates without GROUP BY stay a Project, as in Spark's own parser;
 * the analyzer turns that into a global aggregate.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { alias } from "./expression-builders.js";
import { parseExpression } from "./expression-parser.js";
import { parseFromClause } from "./from-clause.js";
import { groupedAggregate } from "./grouped-select.js";
import { parseGroupBy } from "./grouping.js";
import { NOT_AN_IMPLICIT_ALIAS } from "./keywords.js";
import { tokenize } from "./lexer.js";
import { invalidSql, unsupportedSql } from "./parse-error.js";
import { ParserState, type PendingWindowReference } from "./parser-state.js";
import { distinct, filter, hint, project } from "./relation-builders.js";
import type { Token } from "./token.js";
import { TokenStream } from "./token-stream.js";
import { applyWindowSpec, parseWindowSpec, type WindowSpec } from "./window-spec.js";

const DOC_ROOT = "https://spark.apache.org/docs/latest";

interface HintCall {
  readonly name: string;
  readonly parameters: Expression[];
}

export function parseQuerySpecification(state: ParserState, fromFirst: Relation | undefined): Relation {
  const { stream } = state;
  stream.expectKeyword("SELECT");
  const hints: HintCall[] = [];
  while (stream.peek().kind === "hint") hints.push(...parseHints(state, stream.next()));
  const isDistinct = stream.matchAnyKeyword("DISTINCT", "ALL") === "DISTINCT";
  const windowReferences = state.beginWindowScope();
  try {
    const [selectList, selectRefs] = state.collectSubqueries(() => stream.commaList(() => parseNamedExpression(state)));
    let input = fromFirst;
    if (input === undefined && stream.matchKeywords("FROM")) input = parseFromClause(state);
    if (stream.matchKeywords("WHERE")) {
      const [condition, refs] = state.collectSubqueries(() => parseExpression(state));
      input = state.attachSubqueries(filter(input ?? oneRow(), condition), refs);
    }
    const groupByToken = stream.isKeywords("GROUP", "BY") ? stream.peek() : undefined;
    const [grouping, groupRefs] = state.collectSubqueries(() =>
      stream.matchKeywords("GROUP", "BY") ? parseGroupBy(state) : undefined,
    );
    let having: [Expression, Relation[]] | undefined;
    if (stream.matchKeywords("HAVING")) having = state.collectSubqueries(() => parseExpression(state));
    const windows = stream.matchKeywords("WINDOW") ? parseWindowClause(state) : new Map<string, WindowSpec>();
    resolveWindowReferences(state, windowReferences, windows);
    let node: Relation;
    if (grouping !== undefined || having !== undefined) {
      const groupToken = groupByToken ?? stream.previous();
      const aggregate = groupedAggregate(input ?? oneRow(), grouping, selectList, (feature) =>
        unsupportedSql(state.sql, groupToken, feature),
      );
      node = state.attachSubqueries(aggregate.node, [...selectRefs, ...groupRefs]);
      if (having !== undefined) node = state.attachSubqueries(filter(node, having[0]), having[1]);
      node = aggregate.finish(node);
    } else {
      node = state.attachSubqueries(project(input, selectList), selectRefs);
    }
    if (isDistinct) node = distinct(node);
    for (const call of [...hints].reverse()) node = hint(node, call.name, call.parameters);
    return node;
  } finally {
    state.endWindowScope();
  }
}

/** The single empty row a SELECT without FROM reads. */
function oneRow(): Relation {
  return project(undefined, []);
}

/** `expr`, `expr alias`, `expr AS alias`, `expr AS (a, b)` (multi-name alias for generators). */
export function parseNamedExpression(state: ParserState): Expression {
  const { stream } = state;
  const expr = parseExpression(state);
  if (stream.matchKeywords("AS")) {
    if (stream.isOp("("))
      return alias(
        expr,
        stream.parenthesizedList(() => stream.identifier()),
      );
    return alias(expr, [stream.identifier()]);
  }
  if (isImplicitAlias(stream)) return alias(expr, [stream.identifier()]);
  return expr;
}

/** Whether the next token can be an alias written without AS. */
export function isImplicitAlias(stream: TokenStream): boolean {
  const token = stream.peek();
  if (token.kind === "quotedIdent") return true;
  return token.kind === "word" && !NOT_AN_IMPLICIT_ALIAS.has(token.text.toUpperCase());
}

/** Fills each `OVER name` with its definition from the WINDOW clause. */
function resolveWindowReferences(
  state: ParserState,
  references: readonly PendingWindowReference[],
  windows: ReadonlyMap<string, WindowSpec>,
): void {
  for (const reference of references) {
    const spec = windows.get(reference.name.toLowerCase());
    if (spec === undefined) {
      throw invalidSql(
        state.sql,
        reference.token,
        "MISSING_WINDOW_SPECIFICATION",
        "42P20",
        `Window specification is not defined in the WINDOW clause for ${reference.name}. For more information ` +
          `about WINDOW clauses, please refer to '${DOC_ROOT}/sql-ref-syntax-qry-select-window.html'.`,
        { docroot: DOC_ROOT, windowName: reference.name },
      );
    }
    applyWindowSpec(reference.window, spec);
  }
}

/** `WINDOW w1 AS (...), w2 AS (...)`. */
function parseWindowClause(state: ParserState): Map<string, WindowSpec> {
  const { stream } = state;
  const definitions = new Map<string, WindowSpec>();
  do {
    const name = stream.identifier();
    stream.expectKeyword("AS");
    definitions.set(name.toLowerCase(), parseWindowSpec(state));
  } while (stream.matchOp(","));
  return definitions;
}

/**
 * Parses the body of a `/*+ ... *\/` comment: hint calls separated by commas or spaces, each `NAME` or
 * `NAME(param, ...)`. The body is re-lexed in place so error positions still point into the original text.
 */
function parseHints(state: ParserState, token: Token): HintCall[] {
  const bodyStart = token.start + 3;
  const padded = state.sql.slice(0, bodyStart).replace(/[^\n]/g, " ") + token.text;
  const sub = new ParserState(new TokenStream(state.sql, tokenize(padded)), state.options);
  const calls: HintCall[] = [];
  const { stream } = sub;
  while (!stream.atEnd()) {
    const name = stream.identifier();
    const parameters = stream.isOp("(") ? stream.parenthesizedList(() => parseExpression(sub)) : [];
    calls.push({ name, parameters });
    stream.matchOp(",");
  }
  return calls;
}
