/** Binding attribute references to input column positions, and the partitioning a physical node guarantees. */
import type { AttributeRef, Expr } from "../logical/expressions.js";
import { transformUp } from "../logical/expressions.js";
import type { Partitioning, PhysicalPlan } from "./physical-plan.js";

export function bind(expr: Expr, input: readonly AttributeRef[]): Expr {
  return transformUp(expr, (e) => {
    if (e.kind !== "attr") return e;
    const ordinal = input.findIndex((a) => a.exprId === e.exprId);
    if (ordinal < 0) throw new Error(`internal: ${e.name}#${e.exprId} is not among the operator's inputs`);
    return { kind: "input", ordinal, type: e.type, nullable: e.nullable, name: e.name };
  });
}

/** What a node guarantees about where rows live, in terms of its output attribute ids. */
export interface Distribution {
  readonly kind: "hash" | "single" | "unknown";
  readonly keyIds: readonly number[];
  readonly numPartitions: number;
}

const UNKNOWN: Distribution = { kind: "unknown", keyIds: [], numPartitions: 0 };

export function distributionOf(plan: PhysicalPlan): Distribution {
  switch (plan.kind) {
    case "exchange":
    case "shuffleRead":
      return fromPartitioning(plan.partitioning, plan.output);
    case "filter":
    case "sort":
    case "limit":
    case "deduplicate":
    case "sample":
    case "hashAggregate":
    case "collectMetrics":
      return passThrough(distributionOf(plan.child), plan.output);
    case "project":
      return passThrough(distributionOf(plan.child), plan.output);
    case "hashJoin":
      return passThrough(distributionOf(plan.left), plan.output);
    default:
      return UNKNOWN;
  }
}

function fromPartitioning(p: Partitioning, input: readonly AttributeRef[]): Distribution {
  if (p.kind === "single") return { kind: "single", keyIds: [], numPartitions: 1 };
  if (p.kind !== "hash") return UNKNOWN;
  const keyIds: number[] = [];
  for (const key of p.keys) {
    if (key.kind !== "input") return UNKNOWN;
    const attr = input[key.ordinal];
    if (attr === undefined) return UNKNOWN;
    keyIds.push(attr.exprId);
  }
  return { kind: "hash", keyIds, numPartitions: p.numPartitions };
}

function passThrough(d: Distribution, output: readonly AttributeRef[]): Distribution {
  if (d.kind !== "hash") return d;
  const ids = new Set(output.map((a) => a.exprId));
  return d.keyIds.every((id) => ids.has(id)) ? d : UNKNOWN;
}

/** Whether rows are already clustered by `keyIds` into `numPartitions` partitions. */
export function satisfies(d: Distribution, keyIds: readonly number[], numPartitions: number): boolean {
  if (d.kind === "single") return numPartitions === 1 || keyIds.length === 0;
  return (
    d.kind === "hash" &&
    d.numPartitions === numPartitions &&
    d.keyIds.length === keyIds.length &&
    d.keyIds.every((id, i) => id === keyIds[i])
  );
}
