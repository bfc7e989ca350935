/**
 * CREATE and DROP of views, tables and databases, and the `(key = value, ...)` property lists they take.
 */
import { parseDataTypeAt } from "./data-type-parser.js";
import { unsupportedSql } from "./parse-error.js";
import type { ParserState } from "./parser-state.js";
import { parseQuery } from "./query-parser.js";
import type { ColumnDefinition, SqlStatement } from "./statement.js";

/** Everything after `CREATE`. */
export function parseCreate(state: ParserState): SqlStatement {
  const { stream } = state;
  const replace = stream.matchKeywords("OR", "REPLACE");
  const global = stream.matchKeywords("GLOBAL");
  const temporary = stream.matchAnyKeyword("TEMPORARY", "TEMP") !== undefined;
  if (global && !temporary) throw stream.error();
  if (stream.matchKeywords("VIEW")) return parseCreateView(state, { replace, global, temporary });
  if (temporary) throw stream.error();
  const external = stream.matchKeywords("EXTERNAL");
  if (stream.matchKeywords("TABLE")) return parseCreateTable(state, replace, external);
  if (!replace && !external && stream.matchAnyKeyword("DATABASE", "SCHEMA", "NAMESPACE") !== undefined) {
    return parseCreateDatabase(state);
  }
  throw unsupportedSql(state.sql, stream.peek(), `CREATE ${stream.peek().text.toUpperCase()}`);
}

function parseCreateView(
  state: ParserState,
  flags: { replace: boolean; global: boolean; temporary: boolean },
): SqlStatement {
  const { stream } = state;
  const ifNotExists = stream.matchKeywords("IF", "NOT", "EXISTS");
  const name = stream.multipartIdentifier();
  const columns = stream.isOp("(")
    ? stream.parenthesizedList(() => {
        const column = stream.identifier();
        return stream.matchKeywords("COMMENT") ? { name: column, comment: stream.stringLiteral() } : { name: column };
      })
    : [];
  let comment: string | undefined;
  let properties: Record<string, string> = {};
  for (;;) {
    if (stream.matchKeywords("COMMENT")) comment = stream.stringLiteral();
    else if (stream.matchKeywords("TBLPROPERTIES")) properties = parseProperties(state);
    else break;
  }
  stream.expectKeyword("AS");
  const start = stream.peek().start;
  const query = parseQuery(state);
  const queryText = state.sql.slice(start, stream.previous().end);
  return {
    kind: "createView",
    name,
    ...flags,
    ifNotExists,
    columns,
    ...(comment === undefined ? {} : { comment }),
    properties,
    query,
    queryText,
  };
}

function parseCreateTable(state: ParserState, replace: boolean, external: boolean): SqlStatement {
  const { stream } = state;
  const ifNotExists = stream.matchKeywords("IF", "NOT", "EXISTS");
  const name = stream.multipartIdentifier();
  const columns = stream.isOp("(") ? stream.parenthesizedList(() => parseColumnDefinition(state)) : undefined;
  let provider: string | undefined;
  let options: Record<string, string> = {};
  let partitionBy: string[] = [];
  let location: string | undefined;
  let comment: string | undefined;
  let properties: Record<string, string> = {};
  for (;;) {
    if (stream.matchKeywords("USING")) provider = stream.multipartIdentifier().join(".");
    else if (stream.matchKeywords("OPTIONS")) options = parseProperties(state);
    else if (stream.matchKeywords("PARTITIONED", "BY"))
      partitionBy = stream.parenthesizedList(() => stream.identifier());
    else if (stream.matchKeywords("LOCATION")) location = stream.stringLiteral();
    else if (stream.matchKeywords("COMMENT")) comment = stream.stringLiteral();
    else if (stream.matchKeywords("TBLPROPERTIES")) properties = parseProperties(state);
    else if (stream.isKeywords("CLUSTERED", "BY") || stream.isKeywords("STORED", "AS") || stream.isKeyword("ROW")) {
      throw unsupportedSql(state.sql, stream.peek(), `${stream.peek().text.toUpperCase()} in CREATE TABLE`);
    } else break;
  }
  const query = stream.matchKeywords("AS") || stream.isKeyword("SELECT") ? parseQuery(state) : undefined;
  return {
    kind: "createTable",
    name,
    replace,
    ifNotExists,
    external,
    ...(columns === undefined ? {} : { columns }),
    ...(provider === undefined ? {} : { provider }),
    options,
    partitionBy,
    ...(location === undefined ? {} : { location }),
    ...(comment === undefined ? {} : { comment }),
    properties,
    ...(query === undefined ? {} : { query }),
  };
}

function parseColumnDefinition(state: ParserState): ColumnDefinition {
  const { stream } = state;
  const name = stream.identifier();
  const dataType = parseDataTypeAt(stream);
  const nullable = !stream.matchKeywords("NOT", "NULL");
  if (stream.matchKeywords("COMMENT")) return { name, dataType, nullable, comment: stream.stringLiteral() };
  return { name, dataType, nullable };
}

function parseCreateDatabase(state: ParserState): SqlStatement {
  const { stream } = state;
  const ifNotExists = stream.matchKeywords("IF", "NOT", "EXISTS");
  const name = stream.multipartIdentifier();
  let comment: string | undefined;
  let location: string | undefined;
  let properties: Record<string, string> = {};
  for (;;) {
    if (stream.matchKeywords("COMMENT")) comment = stream.stringLiteral();
    else if (stream.matchKeywords("LOCATION")) location = stream.stringLiteral();
    else if (stream.matchKeywords("WITH", "DBPROPERTIES") || stream.matchKeywords("WITH", "PROPERTIES")) {
      properties = parseProperties(state);
    } else break;
  }
  return {
    kind: "createDatabase",
    name,
    ifNotExists,
    ...(comment === undefined ? {} : { comment }),
    ...(location === undefined ? {} : { location }),
    properties,
  };
}

/** Everything after `DROP`. */
export function parseDrop(state: ParserState): SqlStatement {
  const { stream } = state;
  const what = stream.matchAnyKeyword("VIEW", "TABLE", "DATABASE", "SCHEMA", "NAMESPACE");
  if (what === undefined) throw unsupportedSql(state.sql, stream.peek(), `DROP ${stream.peek().text.toUpperCase()}`);
  const ifExists = stream.matchKeywords("IF", "EXISTS");
  const name = stream.multipartIdentifier();
  if (what === "VIEW") return { kind: "dropView", name, ifExists };
  if (what === "TABLE") return { kind: "dropTable", name, ifExists, purge: stream.matchKeywords("PURGE") };
  const cascade = stream.matchAnyKeyword("CASCADE", "RESTRICT") === "CASCADE";
  return { kind: "dropDatabase", name, ifExists, cascade };
}

/** `(key = value, ...)` where keys are dotted names or strings and values strings, numbers or words. */
export function parseProperties(state: ParserState): Record<string, string> {
  const { stream } = state;
  const entries = stream.parenthesizedList((): [string, string] => {
    // A quoted key is one string token: `'k' 'v'` is a key and its value, not one joined string.
    const key = stream.peek().kind === "string" ? stream.next().text : stream.multipartIdentifier().join(".");
    stream.matchOp("=");
    const token = stream.peek();
    if (token.kind === "string") return [key, stream.stringLiteral()];
    if (token.kind === "number" || token.kind === "word") return [key, stream.next().text];
    if (token.kind === "op" && token.text === "-" && stream.peek(1).kind === "number") {
      stream.next();
      return [key, `-${stream.next().text}`];
    }
    throw stream.error();
  });
  return Object.fromEntries(entries);
}
