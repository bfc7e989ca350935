/**
 * Top-level statements: queries, DDL (see ddl-parser.ts), INSERT, SHOW, DESCRIBE, SET/RESET, USE,
 * CACHE/UNCACHE/CLEAR CACHE and EXPLAIN. One statement per call; a trailing `;` is allowed.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { parseCreate, parseDrop, parseProperties } from "./ddl-parser.js";
import { parseExpression, startsQuery } from "./expression-parser.js";
import { unsupportedSql } from "./parse-error.js";
import type { ParserState } from "./parser-state.js";
import { parseQuery } from "./query-parser.js";
import type { ExplainMode, NameParts, SqlStatement } from "./statement.js";
import { keywordOf } from "./token.js";

export function parseStatement(state: ParserState): SqlStatement {
  const { stream } = state;
  const statement = parseStatementBody(state);
  while (stream.matchOp(";"));
  if (!stream.atEnd()) throw extraInput(state);
  return statement;
}

/** Spark's error for tokens left after a complete statement: `... near ')': extra input ')'`. */
export function extraInput(state: ParserState): Error {
  const { stream } = state;
  const token = stream.peek();
  const text = state.sql.slice(token.start, token.end);
  return stream.error(token, `: extra input '${text}'`);
}

function parseStatementBody(state: ParserState): SqlStatement {
  const { stream } = state;
  if (startsQuery(state)) return { kind: "query", relation: parseQuery(state) };
  const keyword = keywordOf(stream.peek());
  switch (keyword) {
    case "CREATE":
      stream.next();
      return parseCreate(state);
    case "DROP":
      stream.next();
      return parseDrop(state);
    case "INSERT":
      stream.next();
      return parseInsert(state);
    case "SHOW":
      stream.next();
      return parseShow(state);
    case "DESCRIBE":
    case "DESC":
      stream.next();
      return parseDescribe(state);
    case "SET":
      stream.next();
      return parseSet(state);
    case "RESET": {
      stream.next();
      const key = restOfStatement(state);
      return key === "" ? { kind: "reset" } : { kind: "reset", key };
    }
    case "USE":
      stream.next();
      stream.matchAnyKeyword("DATABASE", "SCHEMA", "NAMESPACE");
      return { kind: "use", namespace: stream.multipartIdentifier() };
    case "CACHE":
      stream.next();
      return parseCache(state);
    case "UNCACHE": {
      stream.next();
      stream.expectKeyword("TABLE");
      const ifExists = stream.matchKeywords("IF", "EXISTS");
      return { kind: "uncacheTable", table: stream.multipartIdentifier(), ifExists };
    }
    case "CLEAR":
      stream.next();
      stream.expectKeyword("CACHE");
      return { kind: "clearCache" };
    case "EXPLAIN":
      stream.next();
      return parseExplain(state);
    default:
      if (keyword !== undefined && RECOGNISED_BUT_UNSUPPORTED.has(keyword)) {
        throw unsupportedSql(state.sql, stream.peek(), `${keyword} statements`);
      }
      throw stream.error();
  }
}

/** Statements Spark has that this front end does not run yet: named in the error rather than a syntax error. */
const RECOGNISED_BUT_UNSUPPORTED = new Set([
  "ALTER",
  "ANALYZE",
  "CALL",
  "DECLARE",
  "DELETE",
  "EXECUTE",
  "LOAD",
  "MERGE",
  "MSCK",
  "REFRESH",
  "REPAIR",
  "TRUNCATE",
  "UPDATE",
  "ADD",
  "LIST",
]);

function parseInsert(state: ParserState): SqlStatement {
  const { stream } = state;
  const overwrite = stream.matchAnyKeyword("INTO", "OVERWRITE") === "OVERWRITE";
  if (!overwrite && stream.previous().text.toUpperCase() !== "INTO") throw stream.error(stream.previous());
  stream.matchKeywords("TABLE");
  const table = stream.multipartIdentifier();
  let partition: Record<string, Expression | null> | undefined;
  if (stream.matchKeywords("PARTITION")) {
    partition = Object.fromEntries(
      stream.parenthesizedList((): [string, Expression | null] => {
        const column = stream.identifier();
        return [column, stream.matchOp("=") ? parseExpression(state) : null];
      }),
    );
  }
  const ifNotExists = stream.matchKeywords("IF", "NOT", "EXISTS");
  let columns: string[] | undefined;
  if (stream.isOp("(") && !startsQuery(state)) columns = stream.parenthesizedList(() => stream.identifier());
  if (stream.isKeywords("BY", "NAME")) throw unsupportedSql(state.sql, stream.peek(), "INSERT ... BY NAME");
  const query = parseQuery(state);
  return {
    kind: "insert",
    table,
    overwrite,
    ifNotExists,
    ...(columns === undefined ? {} : { columns }),
    ...(partition === undefined ? {} : { partition }),
    query,
  };
}

function parseShow(state: ParserState): SqlStatement {
  const { stream } = state;
  if (stream.matchKeywords("TABLES")) {
    const namespace = parseFromNamespace(state);
    const pattern = parsePattern(state);
    return { kind: "showTables", ...optional({ namespace, pattern }) };
  }
  if (stream.matchAnyKeyword("DATABASES", "SCHEMAS", "NAMESPACES") !== undefined) {
    const pattern = parsePattern(state);
    return { kind: "showDatabases", ...optional({ pattern }) };
  }
  const scopeWord = stream.isKeyword("FUNCTIONS", 1) ? stream.matchAnyKeyword("USER", "SYSTEM", "ALL") : undefined;
  if (stream.matchKeywords("FUNCTIONS")) {
    const scope = scopeWord === "USER" ? "user" : scopeWord === "SYSTEM" ? "system" : "all";
    const namespace = parseFromNamespace(state);
    const pattern = parsePattern(state);
    return { kind: "showFunctions", scope, ...optional({ namespace, pattern }) };
  }
  if (stream.matchKeywords("COLUMNS")) {
    if (stream.matchAnyKeyword("FROM", "IN") === undefined) throw stream.error();
    const table = stream.multipartIdentifier();
    const database = parseFromNamespace(state);
    return { kind: "showColumns", table: database === undefined ? table : [...database, ...table] };
  }
  if (stream.matchKeywords("TBLPROPERTIES")) {
    const table = stream.multipartIdentifier();
    if (!stream.isOp("(")) return { kind: "showTblProperties", table };
    stream.expectOp("(");
    const key = stream.peek().kind === "string" ? stream.stringLiteral() : stream.multipartIdentifier().join(".");
    stream.expectOp(")");
    return { kind: "showTblProperties", table, key };
  }
  throw unsupportedSql(state.sql, stream.peek(), `SHOW ${stream.peek().text.toUpperCase()}`);
}

function parseFromNamespace(state: ParserState): NameParts | undefined {
  const { stream } = state;
  return stream.matchAnyKeyword("FROM", "IN") === undefined ? undefined : stream.multipartIdentifier();
}

/** `[LIKE] 'pattern'`. */
function parsePattern(state: ParserState): string | undefined {
  const { stream } = state;
  const like = stream.matchKeywords("LIKE");
  if (stream.peek().kind === "string") return stream.stringLiteral();
  if (like) throw stream.error();
  return undefined;
}

function optional<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

function parseDescribe(state: ParserState): SqlStatement {
  const { stream } = state;
  // `DESCRIBE TABLE t` names a table; any other query form (or QUERY) describes a query.
  if (stream.matchKeywords("QUERY") || (startsQuery(state) && !stream.isKeyword("TABLE"))) {
    return { kind: "describeQuery", query: parseQuery(state) };
  }
  if (stream.isKeyword("FUNCTION") || stream.isKeyword("DATABASE") || stream.isKeyword("CATALOG")) {
    throw unsupportedSql(state.sql, stream.peek(), `DESCRIBE ${stream.peek().text.toUpperCase()}`);
  }
  stream.matchKeywords("TABLE");
  const extended = stream.matchAnyKeyword("EXTENDED", "FORMATTED") !== undefined;
  const table = stream.multipartIdentifier();
  if (stream.atEnd() || stream.isOp(";")) return { kind: "describeTable", table, extended };
  return { kind: "describeTable", table, extended, column: stream.multipartIdentifier() };
}

/** SET forms work on the raw text, as Spark's SET does: keys and values may hold almost any character. */
function parseSet(state: ParserState): SqlStatement {
  const { stream } = state;
  if (stream.matchKeywords("TIME", "ZONE")) {
    const value = stream.matchKeywords("LOCAL")
      ? Intl.DateTimeFormat().resolvedOptions().timeZone
      : stream.peek().kind === "string"
        ? stream.stringLiteral()
        : restOfStatement(state);
    return { kind: "set", key: "spark.sql.session.timeZone", value, verbose: false };
  }
  if (stream.isKeyword("VAR") || stream.isKeyword("VARIABLE"))
    throw unsupportedSql(state.sql, stream.peek(), "SET VARIABLE");
  const text = restOfStatement(state);
  if (text === "") return { kind: "set", verbose: false };
  if (text === "-v") return { kind: "set", verbose: true };
  const equals = text.indexOf("=");
  if (equals < 0) return { kind: "set", key: unquote(text), verbose: false };
  return {
    kind: "set",
    key: unquote(text.slice(0, equals).trim()),
    value: text.slice(equals + 1).trim(),
    verbose: false,
  };
}

function unquote(key: string): string {
  return key.startsWith("`") && key.endsWith("`") && key.length >= 2 ? key.slice(1, -1).replaceAll("``", "`") : key;
}

/** The raw text from the cursor to the end (minus a trailing `;`), consuming all tokens. */
function restOfStatement(state: ParserState): string {
  const { stream } = state;
  const start = stream.peek().start;
  let end = start;
  while (!stream.atEnd() && !stream.isOp(";")) end = stream.next().end;
  return state.sql.slice(start, end).trim();
}

function parseCache(state: ParserState): SqlStatement {
  const { stream } = state;
  const lazy = stream.matchKeywords("LAZY");
  stream.expectKeyword("TABLE");
  const table = stream.multipartIdentifier();
  const options = stream.matchKeywords("OPTIONS") ? parseProperties(state) : {};
  const hasQuery = stream.matchKeywords("AS") || startsQuery(state);
  return { kind: "cacheTable", table, lazy, options, ...(hasQuery ? { query: parseQuery(state) } : {}) };
}

function parseExplain(state: ParserState): SqlStatement {
  const { stream } = state;
  const word = stream.matchAnyKeyword("EXTENDED", "CODEGEN", "COST", "FORMATTED", "LOGICAL");
  const mode: ExplainMode = word === undefined || word === "LOGICAL" ? "simple" : (word.toLowerCase() as ExplainMode);
  return { kind: "explain", mode, statement: parseStatementBody(state) };
}
