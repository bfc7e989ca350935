/**
 * `df.inputFiles()`: the data files the plan's file-source scans read, as `file://` URIs, each once, sorted.
 * Sources the engine reads eagerly into memory (CSV, JSON, text) keep no file list, so they contribute none.
 */
import { childrenOf, type LogicalPlan } from "../logical/logical-plan.js";

export function inputFilesOf(plan: LogicalPlan): string[] {
  const files = new Set<string>();
  const visit = (node: LogicalPlan): void => {
    if (node.kind === "fileScan") for (const file of node.source.files) files.add(`file://${file.path}`);
    for (const child of childrenOf(node)) visit(child);
  };
  visit(plan);
  return [...files].sort();
}
