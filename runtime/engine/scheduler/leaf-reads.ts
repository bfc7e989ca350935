/**
 * What one task reads from outside its stage: shuffle partitions and file splits, found by following the same
 * partition mapping the operators use (a union's partitions are its inputs' in turn, a coalesce merges ranges).
 */
import { numPartitions, type PhysicalPlan } from "../physical/physical-plan.js";

type Leaf = Extract<PhysicalPlan, { kind: "shuffleRead" | "fileScan" }>;

/** The leaves (shuffle reads, file scans) one task reads, and which of their partitions, as the operators map them. */
export function leafReadsFor(plan: PhysicalPlan, partition: number): { leaf: Leaf; partition: number }[] {
  switch (plan.kind) {
    case "shuffleRead":
    case "fileScan":
      return [{ leaf: plan, partition }];
    case "range":
    case "localScan":
      return [];
    case "union": {
      let local = partition;
      for (const input of plan.inputs) {
        const count = numPartitions(input);
        if (local < count) return leafReadsFor(input, local);
        local -= count;
      }
      return [];
    }
    case "coalesce": {
      const childCount = numPartitions(plan.child);
      const n = Math.min(plan.numPartitions, childCount);
      const reads: { leaf: Leaf; partition: number }[] = [];
      for (let p = Math.floor((partition * childCount) / n); p < Math.floor(((partition + 1) * childCount) / n); p++)
        reads.push(...leafReadsFor(plan.child, p));
      return reads;
    }
    case "nestedLoopJoin":
      return [...leafReadsFor(plan.left, partition), ...leafReadsFor(plan.right, 0)];
    case "hashJoin":
      return [...leafReadsFor(plan.left, partition), ...leafReadsFor(plan.right, plan.broadcast ? 0 : partition)];
    case "setOp":
      return [...leafReadsFor(plan.left, partition), ...leafReadsFor(plan.right, partition)];
    default:
      return leafReadsFor(plan.child, partition);
  }
}

/** The shuffle partitions one task reads, following the same partition mapping as the operators. */
export function readsFor(plan: PhysicalPlan, partition: number): { shuffleId: number; partition: number }[] {
  return leafReadsFor(plan, partition).flatMap(({ leaf, partition: p }) =>
    leaf.kind === "shuffleRead" ? [{ shuffleId: leaf.shuffleId, partition: p }] : [],
  );
}
