/**
 * Cutting a physical plan into stages at its exchanges: each exchange's subtree becomes a shuffle map stage
 * (writing hash/round-robin/single blocks), the rest reads those shuffles. The graph is validated (every read
 * has a producing parent) and listed parents first.
 */
import { numPartitions, type Partitioning, type PhysicalPlan } from "../physical/physical-plan.js";

export interface Stage {
  readonly id: number;
  /** The stage's plan with every exchange replaced by a shuffle read. */
  readonly plan: PhysicalPlan;
  readonly numTasks: number;
  readonly parents: readonly Stage[];
  /** Set for shuffle map stages: where the output goes. */
  readonly shuffle: { readonly shuffleId: number; readonly partitioning: Partitioning } | null;
}

export interface StageGraph {
  readonly result: Stage;
  /** All stages, every stage after its parents. */
  readonly ordered: readonly Stage[];
}

export function buildStages(
  root: PhysicalPlan,
  registerShuffle: (numMaps: number, numReducers: number) => number,
): StageGraph {
  const ordered: Stage[] = [];
  let nextStageId = 0;

  const cut = (plan: PhysicalPlan, parents: Stage[]): PhysicalPlan => {
    if (plan.kind === "exchange") {
      const childParents: Stage[] = [];
      const childPlan = cut(plan.child, childParents);
      const numMaps = numPartitions(childPlan);
      const reducers =
        plan.partitioning.kind === "single" || plan.partitioning.kind === "broadcast"
          ? 1
          : plan.partitioning.numPartitions;
      const shuffleId = registerShuffle(numMaps, reducers);
      const stage: Stage = {
        id: nextStageId++,
        plan: childPlan,
        numTasks: numMaps,
        parents: childParents,
        shuffle: { shuffleId, partitioning: plan.partitioning },
      };
      ordered.push(stage);
      parents.push(stage);
      return { kind: "shuffleRead", shuffleId, partitioning: plan.partitioning, output: plan.output };
    }
    return mapChildren(plan, (child) => cut(child, parents));
  };

  const resultParents: Stage[] = [];
  const resultPlan = cut(root, resultParents);
  const result: Stage = {
    id: nextStageId++,
    plan: resultPlan,
    numTasks: numPartitions(resultPlan),
    parents: resultParents,
    shuffle: null,
  };
  ordered.push(result);
  validate(ordered);
  return { result, ordered };
}

function validate(stages: readonly Stage[]): void {
  const produced = new Set<number>();
  for (const stage of stages) {
    for (const read of shuffleReads(stage.plan)) {
      if (!produced.has(read))
        throw new Error(`internal: stage ${stage.id} reads shuffle ${read} before any stage writes it`);
    }
    if (stage.shuffle) produced.add(stage.shuffle.shuffleId);
  }
}

function shuffleReads(plan: PhysicalPlan): number[] {
  if (plan.kind === "shuffleRead") return [plan.shuffleId];
  return childrenOf(plan).flatMap(shuffleReads);
}

function childrenOf(plan: PhysicalPlan): PhysicalPlan[] {
  const out: PhysicalPlan[] = [];
  mapChildren(plan, (c) => {
    out.push(c);
    return c;
  });
  return out;
}

export function mapChildren(plan: PhysicalPlan, f: (child: PhysicalPlan) => PhysicalPlan): PhysicalPlan {
  switch (plan.kind) {
    case "range":
    case "localScan":
    case "fileScan":
    case "shuffleRead":
      return plan;
    case "hashJoin":
    case "nestedLoopJoin":
    case "setOp":
      return { ...plan, left: f(plan.left), right: f(plan.right) };
    case "union":
      return { ...plan, inputs: plan.inputs.map(f) };
    default:
      return { ...plan, child: f(plan.child) } as PhysicalPlan;
  }
}
