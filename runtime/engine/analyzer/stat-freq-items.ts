/**
 * df.stat.freqItems(cols, support) (StatFreqItems): one row with a `<col>_freqItems` array per column (element
 * type the column's, holding NULL if the column may), the candidates of a frequent-items counter of
 * 1/support slots. Spark runs the counter as an aggregate: one per partition over its rows, each shipped to the
 * final task and merged there in partition order; the engine does the same eagerly, over the same partitions
 * (see inline-query), so candidates and their order agree with Spark's for the key types whose JVM hash the
 * counter reproduces.
 */
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { columnFromScalars, getScalar } from "../columnar/column-vector.js";
import { notSupportedLocally } from "../errors.js";
import { FrequentItemsCounter, type KeyKind } from "../execution/frequent-items.js";
import { javaDoubleString } from "../logical/expression-display.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { runInlinePartitions } from "./inline-query.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { columnNamed, inputOf, requirementFailed, selectFrom } from "./stat-helpers.js";

/** Spark's default support when the client sends none. */
const DEFAULT_SUPPORT = 0.01;

function keyKind(type: T.DataType): KeyKind {
  switch (type.kind.case) {
    case "byte":
    case "short":
    case "integer":
    case "date":
      return "int";
    case "long":
    case "timestamp":
    case "timestampNtz":
      return "long";
    case "float":
    case "double":
      return "double";
    case "boolean":
      return "boolean";
    case "string":
      return "string";
    default:
      throw notSupportedLocally(
        `freqItems over ${T.simpleString(type)} columns (Spark's answer follows JVM hash codes the engine does not reproduce for them)`,
      );
  }
}

export function analyzeFreqItems(
  analyzer: RelationAnalyzer,
  rel: { input?: Relation | undefined; cols: readonly string[]; support?: number | undefined },
): LogicalPlan {
  const support = rel.support ?? DEFAULT_SUPPORT;
  if (!(support >= 1e-4 && support <= 1)) {
    throw requirementFailed(`Support must be in [1e-4, 1], but got ${javaDoubleString(support)}.`);
  }
  const size = Math.trunc(1 / support);
  const selected = analyzer.analyze(selectFrom(inputOf(rel), rel.cols.map(columnNamed)));
  const columns = outputOf(selected);
  const kinds = columns.map((c) => keyKind(c.type));
  const { timeZone, defaultParallelism } = analyzer.options;
  const partitions = runInlinePartitions(selected, timeZone, defaultParallelism);
  const results = columns.map((_, c) => {
    const final = new FrequentItemsCounter(size, kinds[c] as KeyKind);
    for (const batch of partitions) {
      const partial = new FrequentItemsCounter(size, kinds[c] as KeyKind);
      const vector = batch.columns[c];
      for (let row = 0; vector !== undefined && row < batch.numRows; row++) partial.add(getScalar(vector, row), 1n);
      final.merge(partial.shipped());
    }
    return final.items();
  });
  const output = columns.map((c) =>
    analyzer.attribute(`${rel.cols[columns.indexOf(c)]}_freqItems`, arrayType(c.type, c.nullable), false),
  );
  const batch = { columns: output.map((a, c) => columnFromScalars(a.type, [results[c] ?? []])), numRows: 1 };
  return { kind: "localRelation", batch, output };
}
