/**
 * `df.observe(name, *aggregates)` (the CollectMetrics relation): rows pass through unchanged while the named
 * aggregates measure them; the engine reports the metrics with the query's result, as Spark's execute response
 * carries observed metrics. Like Spark, a metric must be an aggregate of the rows and may not be DISTINCT.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import { children, type Expr, type NamedExpr } from "../logical/expressions.js";
import type { LogicalPlan } from "../logical/logical-plan.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";

export function analyzeCollectMetrics(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  name: string,
  expressions: readonly Expression[],
  planId: bigint | undefined,
): LogicalPlan {
  const metrics = analyzer.exprs.resolveNamed(expressions, analyzer.scopeOf(child), true);
  for (const metric of metrics) checkMetric(metric.kind === "alias" ? metric.child : metric, metric);
  return { kind: "collectMetrics", child, name, observedPlanId: planId ?? 0n, metrics };
}

/** A metric is an aggregate of the rows: a column outside any aggregate function has no single value. */
function checkMetric(expr: Expr, metric: NamedExpr): void {
  if (expr.kind === "aggregate") {
    if (expr.distinct) {
      const text = displayOf(metric.kind === "alias" ? metric.child : metric);
      throw sparkError(
        AnalysisException,
        "INVALID_OBSERVED_METRICS.AGGREGATE_EXPRESSION_WITH_DISTINCT_UNSUPPORTED",
        "42K0E",
        `Aggregate expression with distinct are not allowed in observed metrics, but found: ${text}.`,
        { expr: `"${text}"` },
      );
    }
    return;
  }
  if (expr.kind === "attr") {
    const text = displayOf(metric.kind === "alias" ? metric.child : metric);
    throw sparkError(
      AnalysisException,
      "INVALID_OBSERVED_METRICS.NON_AGGREGATE_FUNC_ARG_IS_ATTRIBUTE",
      "42K0E",
      `Observed metric ${text} uses column ${expr.name} outside an aggregate function.`,
      { expr: `"${text}"` },
    );
  }
  for (const child of children(expr)) checkMetric(child, metric);
}
