/**
 * Spark's size-only plan statistics (no CBO): what decides whether a join side is small enough to broadcast
 * (`spark.sql.autoBroadcastJoinThreshold`). A file scan is its files' bytes scaled to the columns it reads, a
 * filter keeps its child's size (no selectivity without column statistics), a projection scales by row width,
 * an inner join multiplies its sides. The numbers are only compared with the threshold, so overshooting is safe.
 */
import type { DataType } from "../types/data-types.js";
import type { PhysicalPlan } from "./physical-plan.js";

/** Spark's `DataType.defaultSize`: the width one value is assumed to take. */
export function defaultSize(type: DataType): number {
  const kind = type.kind;
  switch (kind.case) {
    case "null":
    case "boolean":
    case "byte":
      return 1;
    case "short":
      return 2;
    case "integer":
    case "float":
    case "date":
    case "yearMonthInterval":
      return 4;
    case "long":
    case "double":
    case "timestamp":
    case "timestampNtz":
    case "dayTimeInterval":
    case "time":
      return 8;
    case "decimal":
      return (kind.value.precision ?? 10) <= 18 ? 8 : 16;
    case "string":
    case "char":
    case "varChar":
      return 20;
    case "calendarInterval":
      return 16;
    case "array":
      return kind.value.elementType === undefined ? 100 : defaultSize(kind.value.elementType);
    case "map":
      return (
        (kind.value.keyType === undefined ? 100 : defaultSize(kind.value.keyType)) +
        (kind.value.valueType === undefined ? 100 : defaultSize(kind.value.valueType))
      );
    case "struct":
      return kind.value.fields.reduce((sum, f) => sum + (f.dataType === undefined ? 100 : defaultSize(f.dataType)), 0);
    default:
      return 100;
  }
}

/** Spark's row width estimate: 8 bytes of row overhead plus each column's default size. */
function rowWidth(types: readonly DataType[]): number {
  return 8 + types.reduce((sum, t) => sum + defaultSize(t), 0);
}

const widthOf = (plan: PhysicalPlan): number => rowWidth(plan.output.map((a) => a.type));

/** Estimated bytes a plan produces; `Infinity` when nothing bounds it. */
export function estimatedBytes(plan: PhysicalPlan): number {
  switch (plan.kind) {
    case "range":
      return Math.max(0, Math.ceil(Number(plan.end - plan.start) / Number(plan.step))) * widthOf(plan);
    case "localScan":
      return plan.partitions.reduce((sum, b) => sum + b.numRows, 0) * widthOf(plan);
    case "fileScan": {
      const fileBytes = plan.source.files.reduce((sum, f) => sum + f.size, 0);
      const all = rowWidth(plan.source.fields.map((f) => f.type));
      return (fileBytes * widthOf(plan)) / all;
    }
    case "hashAggregate":
      if (plan.keys.length === 0) return widthOf(plan);
      return scaled(plan, plan.child);
    case "project":
    case "expand":
    case "generate":
    case "window":
      return scaled(plan, plan.child);
    case "limit":
    case "tail":
      return Math.min(estimatedBytes(plan.child), plan.limit * widthOf(plan));
    case "union":
      return plan.inputs.reduce((sum, input) => sum + estimatedBytes(input), 0);
    case "hashJoin":
    case "nestedLoopJoin":
      if (plan.joinType === "left_semi" || plan.joinType === "left_anti") return estimatedBytes(plan.left);
      return estimatedBytes(plan.left) * estimatedBytes(plan.right);
    case "setOp":
      return estimatedBytes(plan.left);
    case "shuffleRead":
      return Number.POSITIVE_INFINITY;
    default:
      return estimatedBytes(plan.child);
  }
}

function scaled(plan: PhysicalPlan, child: PhysicalPlan): number {
  return (estimatedBytes(child) * widthOf(plan)) / widthOf(child);
}
