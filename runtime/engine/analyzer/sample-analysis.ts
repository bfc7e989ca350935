/**
 * The Sample relation (DataFrame.sample, and each split of randomSplit). For randomSplit the client asks for a
 * deterministic order: Spark then sorts every input partition by all its orderable columns, ascending, before
 * drawing, so the splits of one seed are disjoint whatever order the rows arrived in; the engine sorts the same
 * way, which also makes its draws land on the same rows as Spark's. Without a seed Spark draws a random one.
 */
import type { Sample } from "../../../generated/proto/spark/connect/relations_pb.js";
import { randomSeed } from "../functions/random-seeds.js";
import type { AttributeRef } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import type { DataType } from "../types/data-types.js";
import { arrayParts, structFields } from "../types/nested-types.js";

/** Spark's RowOrdering.isOrderable: maps, variants and intervals cannot be compared; nested types by parts. */
function isOrderable(type: DataType): boolean {
  switch (type.kind.case) {
    case "map":
    case "variant":
    case "calendarInterval":
      return false;
    case "array":
      return isOrderable(arrayParts(type).element);
    case "struct":
      return structFields(type).every((f) => isOrderable(f.type));
    default:
      return true;
  }
}

export function analyzeSample(child: LogicalPlan, sample: Sample): LogicalPlan {
  const keys = sample.deterministicOrder ? outputOf(child).filter((a: AttributeRef) => isOrderable(a.type)) : [];
  const input: LogicalPlan =
    keys.length === 0
      ? child
      : {
          kind: "sort",
          child,
          global: false,
          orders: keys.map((expr) => ({ expr, ascending: true, nullsFirst: true })),
        };
  return {
    kind: "sample",
    child: input,
    lowerBound: sample.lowerBound,
    upperBound: sample.upperBound,
    withReplacement: sample.withReplacement ?? false,
    seed: sample.seed ?? randomSeed(),
  };
}
