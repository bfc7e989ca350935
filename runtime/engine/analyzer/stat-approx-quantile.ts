/**
 * df.approxQuantile (StatApproxQuantile). Spark answers it eagerly while planning: each column (numeric only) is
 * cast to double, NULL and NaN skipped, its values fed to a Greenwald-Khanna summary with the requested relative
 * error, and the summaries queried; the relation is the one-row answer `approx_quantile: array<array<double>>`
 * (an empty list for a column without values). As in Spark, each partition of the input gets its own summary and
 * the summaries are merged in partition order; the engine splits sources as Spark does (local data in
 * min(rows, parallelism) slices, ranges in `parallelism` slices), so with the same parallelism the answers agree.
 * (Spark merges partition results in task completion order, which can differ within the error bound.)
 */
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { columnFromScalars, getScalar } from "../columnar/column-vector.js";
import { QuantileSummary } from "../execution/quantile-summary.js";
import { javaDoubleString } from "../logical/expression-display.js";
import type { LogicalPlan } from "../logical/logical-plan.js";
import { castTo } from "../sql/expression-builders.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { runInlinePartitions } from "./inline-query.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { columnNamed, columnType, inputOf, requirementFailed, scalaTypeName, selectFrom } from "./stat-helpers.js";

export function analyzeApproxQuantile(
  analyzer: RelationAnalyzer,
  rel: {
    input?: Relation | undefined;
    cols: readonly string[];
    probabilities: readonly number[];
    relativeError: number;
  },
): LogicalPlan {
  const input = inputOf(rel);
  if (!(rel.relativeError >= 0)) {
    throw requirementFailed(`Relative Error must be non-negative but got ${javaDoubleString(rel.relativeError)}`);
  }
  for (const name of rel.cols) {
    const type = columnType(analyzer, input, name);
    if (!T.isNumeric(type)) {
      throw requirementFailed(
        `Quantile calculation for column ${name} with data type ${scalaTypeName(type)} is not supported.`,
      );
    }
  }
  const doubles = analyzer.analyze(
    selectFrom(
      input,
      rel.cols.map((name) => castTo(columnNamed(name), T.DOUBLE, "default")),
    ),
  );
  const { timeZone, defaultParallelism } = analyzer.options;
  const partitions = runInlinePartitions(doubles, timeZone, defaultParallelism);
  const summaries = rel.cols.map((_, c) => {
    const merged = new QuantileSummary(rel.relativeError);
    for (const batch of partitions) {
      const summary = new QuantileSummary(rel.relativeError);
      const column = batch.columns[c];
      for (let row = 0; column !== undefined && row < batch.numRows; row++) {
        const value = getScalar(column, row);
        if (typeof value === "number" && !Number.isNaN(value)) summary.insert(value);
      }
      merged.merge(summary);
    }
    return merged;
  });
  for (const p of rel.probabilities) {
    if (!(p >= 0 && p <= 1)) throw requirementFailed("percentile should be in the range [0.0, 1.0]");
  }
  const answers = summaries.map((summary) => summary.query(rel.probabilities));
  const type = arrayType(arrayType(T.DOUBLE, true), true);
  const output = [analyzer.attribute("approx_quantile", type, false)];
  return { kind: "localRelation", batch: { columns: [columnFromScalars(type, [answers])], numRows: 1 }, output };
}
