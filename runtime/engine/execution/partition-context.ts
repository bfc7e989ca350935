/**
 * The evaluation context of an operator computing one partition: the task's context plus a fresh partition
 * scope (index and per-expression state). When the operator's rows come straight from a file scan in the same
 * pipeline, the scope also names the file of the batch being evaluated — a scan yields one batch per file and the
 * operators in between keep that correspondence — as Spark's InputFileBlockHolder is set while a file is read.
 */
import { pathToFileURL } from "node:url";
import { type InputFileBlock, partitionScope } from "../functions/partition-scope.js";
import type { PhysicalPlan } from "../physical/physical-plan.js";
import type { TaskContext } from "./operators.js";

function inputFilesOf(input: PhysicalPlan, partition: number): readonly InputFileBlock[] {
  switch (input.kind) {
    case "fileScan":
      return (input.filePartitions[partition] ?? []).flatMap((index) => {
        const file = input.source.files[index];
        return file === undefined ? [] : [{ uri: pathToFileURL(file.path).href, start: 0, length: file.size }];
      });
    case "project":
    case "filter":
    case "sample":
    case "generate":
    case "expand":
    case "limit":
      return inputFilesOf(input.child, partition);
    default:
      return [];
  }
}

/** The context for each batch (by position) of the operator's input in this partition. */
export function inPartition(ctx: TaskContext, input: PhysicalPlan, partition: number): (batch: number) => TaskContext {
  const files = inputFilesOf(input, partition);
  const scope = partitionScope(partition);
  const scoped: TaskContext = { ...ctx, partition: scope };
  return (batch) => {
    scope.inputFile = files[batch] ?? null;
    return scoped;
  };
}
