/**
 * Whole queries: `WITH` common table expressions, set operations (INTERSECT binds tighter than UNION/EXCEPT,
 * as in Spark's default mode), and the trailing ORDER BY / SORT BY / DISTRIBUTE BY / CLUSTER BY / LIMIT /
 * OFFSET that apply to the result. CTEs are inlined where they are used, each under a SubqueryAlias of its name.
 */
import { clone } from "@bufbuild/protobuf";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { parseExpression } from "./expression-parser.js";
import { parseFromClause, parseValues } from "./from-clause.js";
import { sortBelowHiddenGroupingColumns } from "./grouped-select.js";
import { invalidSql } from "./parse-error.js";
import type { ParserState } from "./parser-state.js";
import {
  limit,
  offset,
  readTable,
  repartitionByExpression,
  type SetOperationKind,
  setOperation,
  sort,
  subqueryAlias,
  toDf,
} from "./relation-builders.js";
import { parseQuerySpecification } from "./select-parser.js";
import { keywordOf } from "./token.js";
import { ascending, parseSortItem } from "./window-spec.js";

export function parseQuery(state: ParserState): Relation {
  const { stream } = state;
  if (stream.matchKeywords("WITH")) {
    if (stream.isKeyword("RECURSIVE"))
      throw invalidSql(
        state.sql,
        stream.peek(),
        "UNSUPPORTED_FEATURE.SQL_SYNTAX",
        "0A000",
        "The feature is not supported: recursive CTEs in the embedded engine's SQL front end.",
      );
    const ctes = new Map<string, Relation>();
    state.withCtes(ctes, () => {
      do {
        const name = stream.identifier();
        const columns = stream.isOp("(") ? stream.parenthesizedList(() => stream.identifier()) : undefined;
        stream.matchKeywords("AS");
        stream.expectOp("(");
        const body = parseQuery(state);
        stream.expectOp(")");
        ctes.set(name.toLowerCase(), columns === undefined ? body : toDf(body, columns));
      } while (stream.matchOp(","));
    });
    return state.withCtes(ctes, () => parseQueryWithoutCtes(state));
  }
  return parseQueryWithoutCtes(state);
}

function parseQueryWithoutCtes(state: ParserState): Relation {
  const body = parseSetOperations(state, 0);
  return parseQueryOrganization(state, body);
}

/** Set operations: level 0 is UNION/EXCEPT/MINUS, level 1 INTERSECT. */
function parseSetOperations(state: ParserState, level: 0 | 1): Relation {
  const { stream } = state;
  let left = level === 0 ? parseSetOperations(state, 1) : parseQueryPrimary(state);
  for (;;) {
    const keyword = keywordOf(stream.peek());
    const kind: SetOperationKind | undefined =
      level === 1
        ? keyword === "INTERSECT"
          ? "intersect"
          : undefined
        : keyword === "UNION"
          ? "union"
          : keyword === "EXCEPT" || keyword === "MINUS"
            ? "except"
            : undefined;
    if (kind === undefined) return left;
    stream.next();
    const quantifier = stream.matchAnyKeyword("ALL", "DISTINCT");
    const right = level === 0 ? parseSetOperations(state, 1) : parseQueryPrimary(state);
    left = setOperation(left, right, kind, quantifier === "ALL");
  }
}

function parseQueryPrimary(state: ParserState): Relation {
  const { stream } = state;
  const keyword = keywordOf(stream.peek());
  if (keyword === "SELECT") return parseQuerySpecification(state, undefined);
  if (keyword === "FROM") {
    // FROM-first form: `FROM t SELECT a`.
    stream.next();
    const from = parseFromClause(state);
    if (!stream.isKeyword("SELECT")) return from;
    return parseQuerySpecification(state, from);
  }
  if (keyword === "TABLE") {
    stream.next();
    return tableOrCte(state, stream.multipartIdentifier());
  }
  if (keyword === "VALUES") return parseValues(state);
  if (stream.matchOp("(")) {
    const inner = parseQuery(state);
    stream.expectOp(")");
    return inner;
  }
  throw stream.error();
}

/** A table name, or the inlined body of a CTE of that name. */
export function tableOrCte(state: ParserState, nameParts: readonly string[]): Relation {
  if (nameParts.length === 1) {
    const cte = state.lookupCte(nameParts[0]!);
    if (cte !== undefined) {
      return subqueryAlias(clone(RelationSchema, cte), nameParts[0]!);
    }
  }
  return readTable(nameParts);
}

function parseQueryOrganization(state: ParserState, input: Relation): Relation {
  const { stream } = state;
  let result = input;
  if (stream.matchKeywords("ORDER", "BY")) {
    const order = stream.commaList(() => parseSortItem(state));
    result = sortBelowHiddenGroupingColumns(result, order) ?? sort(result, order, true);
  } else if (stream.matchKeywords("CLUSTER", "BY")) {
    const exprs = stream.commaList(() => parseExpression(state));
    result = repartitionByExpression(result, exprs);
    result = sort(
      result,
      exprs.map((child) => ascending(child)),
      false,
    );
  } else {
    if (stream.matchKeywords("DISTRIBUTE", "BY")) {
      result = repartitionByExpression(
        result,
        stream.commaList(() => parseExpression(state)),
      );
    }
    if (stream.matchKeywords("SORT", "BY")) {
      result = sort(
        result,
        stream.commaList(() => parseSortItem(state)),
        false,
      );
    }
  }
  let limitCount: number | undefined;
  let offsetCount: number | undefined;
  for (;;) {
    if (limitCount === undefined && stream.matchKeywords("LIMIT")) {
      limitCount = stream.matchKeywords("ALL") ? -1 : nonNegativeInt(state, "LIMIT");
    } else if (offsetCount === undefined && stream.matchKeywords("OFFSET")) {
      offsetCount = nonNegativeInt(state, "OFFSET");
    } else break;
  }
  // Spark applies OFFSET before LIMIT whatever order they are written in.
  if (offsetCount !== undefined) result = offset(result, offsetCount);
  if (limitCount !== undefined && limitCount >= 0) result = limit(result, limitCount);
  return result;
}

/** LIMIT/OFFSET take a constant integer; the proto carries it as an int32. */
function nonNegativeInt(state: ParserState, clause: string): number {
  const { stream } = state;
  const token = stream.peek();
  const expr = parseExpression(state);
  const value =
    expr.exprType.case === "literal" &&
    (expr.exprType.value.literalType.case === "integer" || expr.exprType.value.literalType.case === "long")
      ? Number(expr.exprType.value.literalType.value)
      : undefined;
  const text = state.sql.slice(token.start, stream.previous().end);
  const at = { ...token, end: stream.previous().end };
  const name = clause.toLowerCase();
  if (value === undefined) {
    throw invalidSql(
      state.sql,
      at,
      "INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE",
      "42K0E",
      `The ${name} like expression "${text}" is invalid. The ${name} expression must evaluate to a constant value.`,
      { name, expr: `"${text}"` },
    );
  }
  if (value < 0 || value > 2147483647) {
    throw invalidSql(
      state.sql,
      at,
      "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
      "42K0E",
      `The ${name} like expression "${text}" is invalid. The ${name} expression must be equal to or greater than 0, but got ${value}.`,
      { name, expr: `"${text}"`, v: String(value) },
    );
  }
  return value;
}
