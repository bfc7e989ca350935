/**
 * Scalar, EXISTS and IN subqueries. As in PySpark 4.1, the expression holds only the subquery's plan id; the
 * subquery relation itself travels in the `WithRelations` node wrapped around the operator that uses it.
 */
import { create } from "@bufbuild/protobuf";
import {
  type Expression,
  ExpressionSchema,
  SubqueryExpression_SubqueryType,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import type { ParserState } from "./parser-state.js";
import type { Token } from "./token.js";

const TYPES = {
  scalar: SubqueryExpression_SubqueryType.SCALAR,
  exists: SubqueryExpression_SubqueryType.EXISTS,
  in: SubqueryExpression_SubqueryType.IN,
} as const;

export function subqueryExpression(
  state: ParserState,
  query: Relation,
  kind: keyof typeof TYPES,
  at: Token,
  inValues: readonly Expression[] = [],
): Expression {
  const planId = state.registerSubquery(query, at);
  return create(ExpressionSchema, {
    exprType: {
      case: "subqueryExpression",
      value: { planId, subqueryType: TYPES[kind], inSubqueryValues: [...inValues] },
    },
  });
}
