/**
 * The evaluation context of an operator computing one partition: the task's context plus a fresh partition
 * scope (index, per-expression state, and the file split its rows come from when they come straight from a
 * file scan in the same pipeline, as Spark's InputFileBlockHolder is set only while a scan is being read).
 */
import { pathToFileURL } from "node:url";
import { type InputFileBlock, partitionScope } from "../functions/partition-scope.js";
import type { PhysicalPlan } from "../physical/physical-plan.js";
import type { TaskContext } from "./operators.js";

function inputFileOf(input: PhysicalPlan, partition: number): InputFileBlock | null {
  switch (input.kind) {
    case "fileScan": {
      const file = input.source.files[partition];
      return file === undefined ? null : { uri: pathToFileURL(file.path).href, start: 0, length: file.size };
    }
    case "project":
    case "filter":
    case "sample":
    case "generate":
    case "expand":
    case "limit":
      return inputFileOf(input.child, partition);
    default:
      return null;
  }
}

export function inPartition(ctx: TaskContext, input: PhysicalPlan, partition: number): TaskContext {
  return { ...ctx, partition: partitionScope(partition, inputFileOf(input, partition)) };
}
