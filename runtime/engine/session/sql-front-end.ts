/**
 * The engine's use of the SQL parser (runtime/engine/sql): queries become Relations for the analyzer, a few
 * session commands (temporary views) run here, everything else is named as unsupported.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import type { SqlParameters } from "../analyzer/sql-parameters.js";
import { notSupportedLocally } from "../errors.js";
import { parseExpression, parseSql, type SqlStatement } from "../sql/index.js";
import type { SessionCatalog } from "./session-catalog.js";

/** A statement, with the values of its `?` / `:name` markers when the call gave some. */
export function parseSqlStatement(text: string, parameters?: SqlParameters): SqlStatement {
  return parseSql(text, parseOptionsOf(parameters));
}

const parseOptionsOf = (parameters: SqlParameters | undefined) =>
  parameters === undefined
    ? {}
    : {
        namedArguments: parameters.named,
        positionalArguments: parameters.positional,
        ...(parameters.views === undefined ? {} : { views: parameters.views }),
      };

/** The Relation of a SQL query (the `sql` relation); commands are not relations. */
export function sqlQueryRelation(text: string, parameters?: SqlParameters): Relation {
  const statement = parseSql(text, parseOptionsOf(parameters));
  if (statement.kind !== "query") throw notSupportedLocally(`the SQL statement ${statement.kind} inside a query`);
  return statement.relation;
}

export function sqlExpression(text: string): Expression {
  return parseExpression(text);
}

/**
 * Runs a statement eagerly where it is a session command and returns the relation to answer with: the query
 * itself, or null for a command with no rows.
 */
export function runSqlStatement(
  statement: SqlStatement,
  catalog: SessionCatalog,
  validate: (query: Relation) => void,
): Relation | null {
  switch (statement.kind) {
    case "query":
      return statement.relation;
    case "createView": {
      if (!statement.temporary || statement.global) throw notSupportedLocally("persistent or global views");
      validate(statement.query);
      const name = statement.name.join(".");
      if (statement.ifNotExists && catalog.tempViews.get(name) !== undefined) return null;
      catalog.tempViews.create(name, statement.query, statement.replace);
      return null;
    }
    case "dropView":
      catalog.tempViews.drop(statement.name.join("."));
      return null;
    default:
      throw notSupportedLocally(`the SQL statement ${statement.kind}`);
  }
}
