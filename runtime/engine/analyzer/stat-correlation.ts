/**
 * df.stat.corr and df.stat.cov (StatCorr, StatCov) as Spark 4 builds them: one aggregate over the two columns
 * cast to double with NULL read as 0.0, the Pearson correlation (NaN when undefined) or the sample covariance
 * (0.0 when undefined) in a single DOUBLE column named `corr` / `cov`.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import type { LogicalPlan } from "../logical/logical-plan.js";
import { alias, castTo, fn, literal } from "../sql/expression-builders.js";
import * as T from "../types/data-types.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { catalogString, columnNamed, columnType, inputOf, requirementFailed, selectFrom } from "./stat-helpers.js";

const double = (value: number): Expression => literal({ literalType: { case: "double", value } });

/** `when(isnull(c), 0.0).otherwise(cast(c as double))`, after checking the column is numeric. */
function numericOperand(analyzer: RelationAnalyzer, input: Relation, name: string, what: string): Expression {
  const type = columnType(analyzer, input, name);
  if (!T.isNumeric(type)) {
    throw requirementFailed(
      `Currently ${what} calculation for columns with dataType ${catalogString(type)} not supported.`,
    );
  }
  const column = columnNamed(name);
  return fn("when", [fn("isnull", [column]), double(0), castTo(column, T.DOUBLE, "default")]);
}

function statisticOf(
  analyzer: RelationAnalyzer,
  input: Relation,
  names: readonly [string, string],
  what: string,
  aggregate: string,
  whenUndefined: number,
  outputName: string,
): LogicalPlan {
  const [x, y] = names.map((name) => numericOperand(analyzer, input, name, what)) as [Expression, Expression];
  const value = fn(aggregate, [x, y]);
  const defined = fn("when", [fn("isnull", [value]), double(whenUndefined), value]);
  return analyzer.analyze(selectFrom(input, [alias(defined, [outputName])]));
}

export function analyzeCorr(
  analyzer: RelationAnalyzer,
  rel: { input?: Relation | undefined; col1: string; col2: string; method?: string | undefined },
): LogicalPlan {
  if ((rel.method ?? "pearson") !== "pearson") {
    throw requirementFailed("Currently only the calculation of the Pearson Correlation coefficient is supported.");
  }
  return statisticOf(analyzer, inputOf(rel), [rel.col1, rel.col2], "correlation", "corr", Number.NaN, "corr");
}

export function analyzeCov(
  analyzer: RelationAnalyzer,
  rel: { input?: Relation | undefined; col1: string; col2: string },
): LogicalPlan {
  return statisticOf(analyzer, inputOf(rel), [rel.col1, rel.col2], "covariance", "covar_samp", 0, "cov");
}
