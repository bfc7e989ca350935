/**
 * `df.observe(name, *aggregates)` (the CollectMetrics relation). Rows pass through unchanged; the analyzer notes
 * the named aggregates over the node's input, and the engine computes them once the query has run and reports
 * them with the result, as Spark's execute response carries observed metrics.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { AnalysisException } from "../../errors/index.js";
import type { ObservedMetricsResult } from "../backend/observed-metrics-encoder.js";
import { getScalar } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import { children, type Expr, type NamedExpr } from "../logical/expressions.js";
import type { LogicalPlan } from "../logical/logical-plan.js";
import { runInline } from "./inline-query.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";

/** One set of metrics to compute after the query: `metrics` aggregate the rows of `child`. */
export interface ObservedMetricsSpec {
  readonly name: string;
  readonly planId: bigint;
  readonly child: LogicalPlan;
  readonly metrics: readonly NamedExpr[];
}

export function analyzeCollectMetrics(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  name: string,
  expressions: readonly Expression[],
  planId: bigint | undefined,
  observations: ObservedMetricsSpec[],
): LogicalPlan {
  const metrics = analyzer.exprs.resolveNamed(expressions, analyzer.scopeOf(child), true);
  for (const metric of metrics) checkMetric(metric.kind === "alias" ? metric.child : metric, metric);
  observations.push({ name, planId: planId ?? 0n, child, metrics });
  return child;
}

/** A metric is an aggregate of the rows: a column outside any aggregate function has no single value. */
function checkMetric(expr: Expr, metric: NamedExpr): void {
  if (expr.kind === "aggregate") return;
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

/** Computes one observation's metrics over its input (run again: the engine has no shared-pass accumulators). */
export function measure(
  analyzer: RelationAnalyzer,
  spec: ObservedMetricsSpec,
  timeZone: string,
): ObservedMetricsResult {
  const plan = analyzer.aggregate(spec.child, [], spec.metrics);
  const batch = runInline(plan, timeZone, analyzer.options.defaultParallelism);
  return {
    name: spec.name,
    planId: spec.planId,
    keys: spec.metrics.map((m) => m.name),
    types: spec.metrics.map((m) => m.type),
    values: batch.columns.map((column) => getScalar(column, 0)),
  };
}
