/**
 * The FROM clause: tables (or CTEs), derived tables `(SELECT ..) AS x(a, b)`, table-valued functions such as
 * `range(10)`, inline `VALUES`, comma joins and explicit joins with ON or USING.
 *
 * Inline tables have no proto of their own short of LocalRelation (which needs Arrow data), so `VALUES` is a
 * UNION ALL of one-row projections named col1..colN: the same rows, and Spark's union type widening.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { alias } from "./expression-builders.js";
import { parseExpression, startsQuery } from "./expression-parser.js";
import { invalidSql, unsupportedSql } from "./parse-error.js";
import type { ParserState } from "./parser-state.js";
import { parsePivotClause } from "./pivot-clause.js";
import { parseQuery, tableOrCte } from "./query-parser.js";
import {
  type JoinKind,
  join,
  lateralJoin,
  project,
  setOperation,
  subqueryAlias,
  tableFunction,
  toDf,
} from "./relation-builders.js";
import { isImplicitAlias } from "./select-parser.js";
import { parseUnpivotClause } from "./unpivot-clause.js";

export function parseFromClause(state: ParserState): Relation {
  const { stream } = state;
  let result = parseJoinedRelation(state);
  // `FROM a, b` is an inner join without condition; `FROM a, LATERAL (...)` a lateral one.
  while (stream.matchOp(",")) {
    result = stream.isKeyword("LATERAL")
      ? lateralJoin(result, parseLateralRelation(state), "inner", undefined)
      : join(result, parseJoinedRelation(state), "inner", {});
  }
  while (stream.isKeywords("LATERAL", "VIEW")) result = parseLateralView(state, result);
  if (stream.isKeyword("PIVOT") && stream.isOp("(", 1)) result = parsePivotClause(state, result);
  if (stream.isKeyword("UNPIVOT")) result = parseUnpivotClause(state, result);
  return result;
}

function parseJoinedRelation(state: ParserState): Relation {
  const { stream } = state;
  let left = parseRelationPrimary(state);
  for (;;) {
    if (stream.isKeyword("NATURAL")) throw unsupportedSql(state.sql, stream.peek(), "NATURAL JOIN");
    const kind = parseJoinKind(state);
    if (kind === undefined) return left;
    if (stream.isKeyword("LATERAL")) {
      const right = parseLateralRelation(state);
      const [condition, refs] = stream.matchKeywords("ON")
        ? state.collectSubqueries(() => parseExpression(state))
        : [undefined, []];
      left = state.attachSubqueries(lateralJoin(left, right, kind, condition), refs);
      continue;
    }
    const right = parseRelationPrimary(state);
    if (stream.matchKeywords("ON")) {
      const [condition, refs] = state.collectSubqueries(() => parseExpression(state));
      left = state.attachSubqueries(join(left, right, kind, { on: condition }), refs);
    } else if (stream.matchKeywords("USING")) {
      left = join(left, right, kind, { using: stream.parenthesizedList(() => stream.identifier()) });
    } else {
      left = join(left, right, kind, {});
    }
  }
}

/** Consumes a join operator (`LEFT OUTER JOIN`, `CROSS JOIN`, `JOIN`, ...) and returns its kind. */
function parseJoinKind(state: ParserState): JoinKind | undefined {
  const { stream } = state;
  const forms: [string[], JoinKind][] = [
    [["JOIN"], "inner"],
    [["INNER", "JOIN"], "inner"],
    [["CROSS", "JOIN"], "cross"],
    [["LEFT", "OUTER", "JOIN"], "left"],
    [["LEFT", "SEMI", "JOIN"], "semi"],
    [["LEFT", "ANTI", "JOIN"], "anti"],
    [["LEFT", "JOIN"], "left"],
    [["SEMI", "JOIN"], "semi"],
    [["ANTI", "JOIN"], "anti"],
    [["RIGHT", "OUTER", "JOIN"], "right"],
    [["RIGHT", "JOIN"], "right"],
    [["FULL", "OUTER", "JOIN"], "full"],
    [["FULL", "JOIN"], "full"],
  ];
  for (const [words, kind] of forms) if (stream.matchKeywords(...words)) return kind;
  return undefined;
}

function parseRelationPrimary(state: ParserState): Relation {
  const { stream } = state;
  if (stream.isOp("(")) {
    stream.next();
    const inner = startsQuery(state) ? parseQuery(state) : parseFromClause(state);
    stream.expectOp(")");
    return withAlias(state, inner);
  }
  if (stream.isKeyword("VALUES")) return withAlias(state, parseValues(state));
  const name = stream.multipartIdentifier();
  if (stream.isOp("(")) return withAlias(state, tableFunctionCall(state, name));
  if (stream.isKeyword("TABLESAMPLE")) throw unsupportedSql(state.sql, stream.peek(), "TABLESAMPLE");
  const timeTravel = [
    ["VERSION", "AS", "OF"],
    ["TIMESTAMP", "AS", "OF"],
    ["FOR", "SYSTEM_TIME"],
    ["FOR", "SYSTEM_VERSION"],
  ];
  if (timeTravel.some((words) => stream.isKeywords(...words)))
    throw unsupportedSql(state.sql, stream.peek(), "time travel");
  return withAlias(state, tableOrCte(state, name));
}

/** `LATERAL (query) [alias]` or `LATERAL fn(args) [alias]`: the right side of a lateral join. */
function parseLateralRelation(state: ParserState): Relation {
  const { stream } = state;
  stream.expectKeyword("LATERAL");
  if (stream.matchOp("(")) {
    const query = parseQuery(state);
    stream.expectOp(")");
    return withAlias(state, query);
  }
  const name = stream.multipartIdentifier();
  return withAlias(state, tableFunctionCall(state, name));
}

/** Generators with an `_outer` twin that yields one all-NULL row for empty input. */
const OUTER_GENERATORS = new Set(["explode", "posexplode", "inline"]);

/**
 * `LATERAL VIEW [OUTER] generator(args) table [AS] col, ...`: a lateral join with the generator as a table
 * function. OUTER keeps rows the generator yields nothing for: via the generator's `_outer` form where there
 * is one (a left lateral join alone does not keep them), otherwise as a left lateral join.
 */
function parseLateralView(state: ParserState, input: Relation): Relation {
  const { stream } = state;
  stream.expectKeyword("LATERAL", "VIEW");
  let outer = stream.matchKeywords("OUTER");
  const name = stream.multipartIdentifier();
  const single = name.length === 1 ? name[0]!.toLowerCase() : undefined;
  if (outer && single !== undefined && OUTER_GENERATORS.has(single)) {
    name.splice(0, 1, `${single}_outer`);
    outer = false;
  }
  const generator = tableFunctionCall(state, name);
  const tableName = stream.identifier();
  stream.matchKeywords("AS");
  const columns = isImplicitAlias(stream) ? stream.commaList(() => stream.identifier()) : [];
  const named = columns.length === 0 ? generator : toDf(generator, columns);
  return lateralJoin(input, subqueryAlias(named, tableName), outer ? "left" : "inner", undefined);
}

function tableFunctionCall(state: ParserState, name: readonly string[]): Relation {
  const { stream } = state;
  let args: Expression[] = [];
  if (stream.isOp("(", 0) && stream.isOp(")", 1)) {
    stream.next();
    stream.next();
  } else {
    args = stream.parenthesizedList(() => parseExpression(state));
  }
  return tableFunction(name.map((part) => part.toLowerCase()).join("."), args);
}

/** `[AS] alias [(col, ...)]` after a relation. */
function withAlias(state: ParserState, input: Relation): Relation {
  const { stream } = state;
  let name: string | undefined;
  if (stream.matchKeywords("AS")) name = stream.identifier();
  else if (isImplicitAlias(stream)) name = stream.identifier();
  if (name === undefined) return input;
  const columns = stream.isOp("(") ? stream.parenthesizedList(() => stream.identifier()) : undefined;
  return subqueryAlias(columns === undefined ? input : toDf(input, columns), name);
}

/** `VALUES (1, 'a'), (2, 'b')` or `VALUES 1, 2`. */
export function parseValues(state: ParserState): Relation {
  const { stream } = state;
  const start = stream.peek();
  stream.expectKeyword("VALUES");
  const rows = stream.commaList(() => parseValuesRow(state));
  const width = rows[0]!.length;
  const bad = rows.find((row) => row.length !== width);
  if (bad !== undefined) {
    throw invalidSql(
      state.sql,
      { ...start, end: stream.previous().end },
      "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH",
      "42000",
      `Invalid inline table. Inline table expected ${width} columns but found ${bad.length} columns in row ${rows.indexOf(bad)}.`,
      { expectedNumCols: String(width), actualNumCols: String(bad.length), rowIndex: String(rows.indexOf(bad)) },
    );
  }
  const projections = rows.map((row) =>
    project(
      undefined,
      row.map((value, i) => alias(value, [`col${i + 1}`])),
    ),
  );
  return projections.reduce((acc, next) => setOperation(acc, next, "union", true));
}

function parseValuesRow(state: ParserState): Expression[] {
  const { stream } = state;
  if (!stream.isOp("(")) return [parseExpression(state)];
  // `(1, 2)` is a row of two values; `(1 + 2)` a row of one.
  const saved = stream.position;
  stream.next();
  const values = stream.commaList(() => parseExpression(state));
  if (stream.matchOp(")")) return values;
  stream.reset(saved);
  return [parseExpression(state)];
}
