/**
 * Physical operators: plain data (bound expressions, no closures) so a stage's plan can be posted to a worker
 * thread. Exchanges mark where the DAG scheduler cuts stages; everything between two exchanges runs as one
 * pipelined task per partition.
 */
import type { Batch } from "../columnar/column-vector.js";
import type { ParquetScanSource } from "../io/parquet-scan.js";
import type { AggregateName, AttributeRef, Expr, SortKey } from "../logical/expressions.js";
import type { Generator } from "../logical/generators.js";
import type { JoinType } from "../logical/logical-plan.js";
import type { WindowColumn } from "../logical/window-functions.js";
import type { DataType } from "../types/data-types.js";

/** How rows are spread over partitions. */
export type Partitioning =
  | { readonly kind: "hash"; readonly keys: readonly Expr[]; readonly numPartitions: number }
  | { readonly kind: "single" }
  | { readonly kind: "roundRobin"; readonly numPartitions: number }
  /** repartitionById: `key` (an INT) gives each row's partition, modulo the count; NULL goes to partition 0. */
  | { readonly kind: "direct"; readonly key: Expr; readonly numPartitions: number }
  /** Key ranges of a global sort; boundaries are sampled from the map output when the stage runs. */
  | { readonly kind: "range"; readonly orders: readonly SortKey[]; readonly numPartitions: number }
  | { readonly kind: "broadcast" }
  | { readonly kind: "unknown"; readonly numPartitions: number };

export interface AggregateSpec {
  readonly name: AggregateName;
  readonly distinct: boolean;
  /** Bound to the aggregate's input (raw rows in partial/complete mode). */
  readonly args: readonly Expr[];
  readonly inputType: DataType;
  readonly resultType: DataType;
  readonly ansi: boolean;
}

export type AggregateMode = "partial" | "final" | "complete";

interface Base {
  readonly output: readonly AttributeRef[];
}

export type PhysicalPlan =
  | (Base & {
      readonly kind: "range";
      readonly start: bigint;
      readonly end: bigint;
      readonly step: bigint;
      readonly numSlices: number;
    })
  | (Base & { readonly kind: "localScan"; readonly partitions: readonly Batch[] })
  /** One task per file; `columns` are positions in `source.fields`, parallel to `output`. */
  | (Base & {
      readonly kind: "fileScan";
      readonly source: ParquetScanSource;
      readonly columns: readonly number[];
      /** Indices into `source.files` read by each partition, packed as Spark packs small files. */
      readonly filePartitions: readonly (readonly number[])[];
    })
  | (Base & { readonly kind: "project"; readonly child: PhysicalPlan; readonly exprs: readonly Expr[] })
  | (Base & { readonly kind: "filter"; readonly child: PhysicalPlan; readonly condition: Expr })
  | (Base & {
      readonly kind: "hashAggregate";
      readonly mode: AggregateMode;
      readonly child: PhysicalPlan;
      readonly keys: readonly Expr[];
      readonly aggregates: readonly AggregateSpec[];
    })
  | (Base & { readonly kind: "exchange"; readonly child: PhysicalPlan; readonly partitioning: Partitioning })
  | (Base & { readonly kind: "shuffleRead"; readonly shuffleId: number; readonly partitioning: Partitioning })
  | (Base & { readonly kind: "sort"; readonly child: PhysicalPlan; readonly orders: readonly SortKey[] })
  | (Base & { readonly kind: "limit"; readonly child: PhysicalPlan; readonly limit: number })
  | (Base & { readonly kind: "offset"; readonly child: PhysicalPlan; readonly offset: number })
  | (Base & { readonly kind: "tail"; readonly child: PhysicalPlan; readonly limit: number })
  | (Base & {
      readonly kind: "hashJoin";
      readonly left: PhysicalPlan;
      readonly right: PhysicalPlan;
      readonly joinType: JoinType;
      readonly leftKeys: readonly Expr[];
      readonly rightKeys: readonly Expr[];
      /** Residual condition over left ++ right columns. */
      readonly condition: Expr | null;
      /**
       * The build (right) side is broadcast: every partition of the left side probes the same single partition,
       * so the left side keeps its partitioning and is never shuffled. Otherwise both sides are co-partitioned.
       */
      readonly broadcast: boolean;
    })
  | (Base & {
      readonly kind: "nestedLoopJoin";
      readonly left: PhysicalPlan;
      readonly right: PhysicalPlan;
      readonly joinType: JoinType;
      readonly condition: Expr | null;
    })
  | (Base & { readonly kind: "union"; readonly inputs: readonly PhysicalPlan[] })
  | (Base & { readonly kind: "coalesce"; readonly child: PhysicalPlan; readonly numPartitions: number })
  | (Base & { readonly kind: "deduplicate"; readonly child: PhysicalPlan; readonly keys: readonly number[] })
  | (Base & {
      readonly kind: "setOp";
      readonly op: "intersect" | "except";
      readonly all: boolean;
      readonly left: PhysicalPlan;
      readonly right: PhysicalPlan;
    })
  /** Window functions over a partition sorted by partition keys then order keys; expressions bound to the child. */
  | (Base & {
      readonly kind: "window";
      readonly child: PhysicalPlan;
      readonly partitionBy: readonly Expr[];
      readonly orderBy: readonly SortKey[];
      readonly columns: readonly WindowColumn[];
    })
  /** Each input row once per projection, projections in order (bound to the child). */
  | (Base & {
      readonly kind: "expand";
      readonly child: PhysicalPlan;
      readonly projections: readonly (readonly Expr[])[];
    })
  /** The generator's rows per input row (arguments bound to the child); output is the child's then its columns. */
  | (Base & { readonly kind: "generate"; readonly child: PhysicalPlan; readonly generator: Generator })
  | (Base & {
      readonly kind: "sample";
      readonly child: PhysicalPlan;
      readonly lowerBound: number;
      readonly upperBound: number;
      readonly withReplacement: boolean;
      readonly seed: bigint;
      /** sampleBy: keep a row when Spark's per-partition draw is below `fraction` (bound to the child). */
      readonly stratified?: { readonly fraction: Expr };
    })
  /**
   * df.observe: rows pass through while each task folds them into `partial` aggregate states (bound to the
   * child) that travel back with its outcome; the driver merges them and evaluates `metrics` (bound to the
   * merged results, one column per aggregate) once the job has run.
   */
  | (Base & {
      readonly kind: "collectMetrics";
      readonly child: PhysicalPlan;
      readonly metricsId: number;
      readonly name: string;
      readonly observedPlanId: bigint;
      readonly partial: readonly AggregateSpec[];
      readonly metrics: readonly Expr[];
      readonly metricNames: readonly string[];
    });

export type PhysicalKind = PhysicalPlan["kind"];

export function physicalChildren(plan: PhysicalPlan): readonly PhysicalPlan[] {
  switch (plan.kind) {
    case "range":
    case "localScan":
    case "fileScan":
    case "shuffleRead":
      return [];
    case "hashJoin":
    case "nestedLoopJoin":
    case "setOp":
      return [plan.left, plan.right];
    case "union":
      return plan.inputs;
    default:
      return [plan.child];
  }
}

/** The number of partitions (tasks) a node produces. */
export function numPartitions(plan: PhysicalPlan): number {
  switch (plan.kind) {
    case "range":
      return plan.numSlices;
    case "localScan":
      return plan.partitions.length;
    case "fileScan":
      return Math.max(1, plan.filePartitions.length);
    case "exchange":
    case "shuffleRead":
      return partitionCount(plan.partitioning);
    case "union":
      return plan.inputs.reduce((sum, input) => sum + numPartitions(input), 0);
    case "coalesce":
      return Math.min(plan.numPartitions, numPartitions(plan.child));
    case "hashJoin":
    case "setOp":
      return numPartitions(plan.left);
    case "nestedLoopJoin":
      return numPartitions(plan.left);
    default:
      return numPartitions(plan.child);
  }
}

export function partitionCount(p: Partitioning): number {
  return p.kind === "single" || p.kind === "broadcast" ? 1 : p.numPartitions;
}
