/**
 * Helpers for the SQL front end's tests: parse to a Relation or Expression, and hand-build the messages the
 * DataFrame API would produce for comparison. Plans are compared as proto JSON so failures show a readable diff.
 */
import { toJson } from "@bufbuild/protobuf";
import { type Expression, ExpressionSchema } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import type { ParseException } from "../../errors/index.js";
import { type ParseOptions, parseExpression, parseSql } from "./index.js";

export function queryOf(sql: string, options: ParseOptions = {}): Relation {
  const statement = parseSql(sql, options);
  if (statement.kind !== "query") throw new Error(`expected a query, got ${statement.kind}`);
  return statement.relation;
}

export function relationJson(relation: Relation): unknown {
  return toJson(RelationSchema, relation);
}

export function expressionJson(expression: Expression): unknown {
  return toJson(ExpressionSchema, expression);
}

/** The proto JSON of the single expression `SELECT <expr>` projects. */
export function selectedJson(expr: string, options: ParseOptions = {}): unknown {
  return expressionJson(parseExpression(expr, options));
}

/** Runs `action`, expecting a ParseException, and returns it. */
export function parseError(action: () => unknown): ParseException {
  try {
    action();
  } catch (error) {
    if (error instanceof Error && error.name === "ParseException") return error as ParseException;
    throw error;
  }
  throw new Error("expected a ParseException, but parsing succeeded");
}
