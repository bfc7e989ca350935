/**
 * df.stat.crosstab(col1, col2) (StatCrosstab) as Spark 4 builds it: group by col1 as a string ("null" for NULL)
 * named `<col1>_<col2>`, pivot on col2 as a string (backticks removed, "null" for NULL) so its sorted distinct
 * values become BIGINT count columns, then fill missing counts with 0. Row order is the grouping's, which Spark
 * does not fix either.
 */
import { create } from "@bufbuild/protobuf";
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import {
  Aggregate_GroupType,
  type Relation,
  RelationSchema,
} from "../../../generated/proto/spark/connect/relations_pb.js";
import type { LogicalPlan } from "../logical/logical-plan.js";
import { alias, castTo, fn, intLiteral, stringLiteral } from "../sql/expression-builders.js";
import * as T from "../types/data-types.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { columnNamed, inputOf } from "./stat-helpers.js";

/** `when(isnull(c), "null").otherwise(text)`. */
const nullAsText = (column: Expression, text: Expression): Expression =>
  fn("when", [fn("isnull", [column]), stringLiteral("null"), text]);

export function analyzeCrosstab(
  analyzer: RelationAnalyzer,
  rel: { input?: Relation | undefined; col1: string; col2: string },
): LogicalPlan {
  const first = columnNamed(rel.col1);
  const second = columnNamed(rel.col2);
  const rowKey = alias(nullAsText(first, castTo(first, T.STRING, "default")), [`${rel.col1}_${rel.col2}`]);
  const columnKey = nullAsText(
    second,
    fn("regexp_replace", [castTo(second, T.STRING, "default"), stringLiteral("`"), stringLiteral("")]),
  );
  const count = alias(fn("count", [intLiteral(1)]), ["count"]);
  const pivoted = create(RelationSchema, {
    relType: {
      case: "aggregate",
      value: {
        input: inputOf(rel),
        groupType: Aggregate_GroupType.PIVOT,
        groupingExpressions: [rowKey],
        aggregateExpressions: [count],
        pivot: { col: columnKey, values: [] },
      },
    },
  });
  const filled = create(RelationSchema, {
    relType: {
      case: "fillNa",
      value: { input: pivoted, cols: [], values: [{ literalType: { case: "long", value: 0n } }] },
    },
  });
  return analyzer.analyze(filled);
}
