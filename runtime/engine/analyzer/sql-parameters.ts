/**
 * The parameter values of a `spark.sql(text, args)` call, as the SQL parser takes them. Connect sends them in
 * two shapes: literals (`args`, `posArgs`) or expressions (`namedArguments`, `posArguments`); both end as
 * expressions here. Commands and queries bind the same values, so both read them through this.
 */
import { create } from "@bufbuild/protobuf";
import {
  type Expression,
  type Expression_Literal,
  ExpressionSchema,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation, SQL } from "../../../generated/proto/spark/connect/relations_pb.js";

export interface SqlParameters {
  readonly named: Readonly<Record<string, Expression>>;
  readonly positional: readonly Expression[];
  /** DataFrames passed as `{name}` kwargs of `spark.sql`: readable by name in the query, as CTEs are. */
  readonly views?: ReadonlyMap<string, Relation>;
}

export function sqlParametersOf(sql: SQL): SqlParameters {
  const literal = (value: Expression_Literal): Expression =>
    create(ExpressionSchema, { exprType: { case: "literal", value } });
  const named: Record<string, Expression> = { ...sql.namedArguments };
  for (const [key, value] of Object.entries(sql.args)) named[key] = literal(value);
  const positional = sql.posArguments.length > 0 ? sql.posArguments : sql.posArgs.map(literal);
  return { named, positional };
}
