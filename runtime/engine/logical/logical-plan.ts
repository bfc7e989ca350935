/**
 * The resolved logical plan: what to compute, with every column bound to an attribute id. Produced by the
 * analyzer from proto Relations (or parsed SQL), rewritten by the optimizer, turned into a physical plan.
 */
import type { Batch } from "../columnar/column-vector.js";
import type { ParquetScanSource } from "../io/parquet-scan.js";
import type { AttributeRef, Expr, NamedExpr, SortKey } from "./expressions.js";
import type { Generator } from "./generators.js";
import type { WindowColumn } from "./window-functions.js";

export type JoinType = "inner" | "left_outer" | "right_outer" | "full_outer" | "left_semi" | "left_anti" | "cross";

interface Node {
  /** The front end's plan id (`Relation.common.plan_id`), used to resolve `df["col"]` references. */
  readonly planId?: bigint | undefined;
}

export type LogicalPlan =
  | (Node & {
      readonly kind: "range";
      readonly start: bigint;
      readonly end: bigint;
      readonly step: bigint;
      readonly numPartitions: number;
      readonly output: readonly AttributeRef[];
    })
  | (Node & {
      readonly kind: "localRelation";
      readonly batch: Batch;
      readonly output: readonly AttributeRef[];
      /** Splits that are already natural partitions (one per file or byte range of a file scan). */
      readonly splits?: readonly Batch[];
    })
  | (Node & {
      readonly kind: "fileScan";
      readonly source: ParquetScanSource;
      /** Positions in `source.fields` the scan produces, parallel to `output` (pruned to what the query reads). */
      readonly columns: readonly number[];
      readonly output: readonly AttributeRef[];
    })
  | (Node & { readonly kind: "project"; readonly child: LogicalPlan; readonly exprs: readonly NamedExpr[] })
  | (Node & { readonly kind: "filter"; readonly child: LogicalPlan; readonly condition: Expr })
  | (Node & {
      readonly kind: "aggregate";
      readonly child: LogicalPlan;
      readonly groupings: readonly NamedExpr[];
      readonly aggregates: readonly NamedExpr[];
    })
  | (Node & {
      readonly kind: "join";
      readonly left: LogicalPlan;
      readonly right: LogicalPlan;
      readonly joinType: JoinType;
      readonly condition: Expr | null;
      readonly output: readonly AttributeRef[];
    })
  | (Node & {
      readonly kind: "sort";
      readonly child: LogicalPlan;
      readonly orders: readonly SortKey[];
      readonly global: boolean;
    })
  | (Node & { readonly kind: "limit"; readonly child: LogicalPlan; readonly limit: number })
  | (Node & { readonly kind: "offset"; readonly child: LogicalPlan; readonly offset: number })
  | (Node & { readonly kind: "tail"; readonly child: LogicalPlan; readonly limit: number })
  | (Node & {
      readonly kind: "union";
      readonly inputs: readonly LogicalPlan[];
      readonly output: readonly AttributeRef[];
    })
  | (Node & {
      readonly kind: "setOp";
      readonly op: "intersect" | "except";
      readonly all: boolean;
      readonly left: LogicalPlan;
      readonly right: LogicalPlan;
    })
  | (Node & { readonly kind: "deduplicate"; readonly child: LogicalPlan; readonly keys: readonly AttributeRef[] })
  | (Node & {
      readonly kind: "sample";
      readonly child: LogicalPlan;
      readonly lowerBound: number;
      readonly upperBound: number;
      readonly withReplacement: boolean;
      readonly seed: bigint;
      /** sampleBy: keep a row when Spark's draw is below `fraction` (per row); the bounds are then unused. */
      readonly stratified?: { readonly fraction: Expr; readonly singleStream: boolean };
    })
  | (Node & {
      readonly kind: "repartition";
      readonly child: LogicalPlan;
      readonly numPartitions: number | null;
      readonly keys: readonly Expr[] | null;
      /** repartitionByRange: rows go to partitions by ranges of these sort keys (then `keys` is empty). */
      readonly ranges?: readonly SortKey[];
    })
  /** Window functions sharing one PARTITION BY / ORDER BY; output is the child's columns then theirs. */
  | (Node & {
      readonly kind: "window";
      readonly child: LogicalPlan;
      readonly partitionBy: readonly Expr[];
      readonly orderBy: readonly SortKey[];
      readonly columns: readonly WindowColumn[];
    })
  /** One output row per input row and projection (rollup/cube/grouping sets, unpivot); output is `output`. */
  | (Node & {
      readonly kind: "expand";
      readonly child: LogicalPlan;
      readonly projections: readonly (readonly Expr[])[];
      readonly output: readonly AttributeRef[];
    })
  /** A generator's rows for each input row; output is the child's columns then `generatorOutput`. */
  | (Node & {
      readonly kind: "generate";
      readonly child: LogicalPlan;
      readonly generator: Generator;
      readonly generatorOutput: readonly AttributeRef[];
    })
  /** df.observe: rows pass through unchanged while `metrics` aggregate them, reported with the query's result. */
  | (Node & {
      readonly kind: "collectMetrics";
      readonly child: LogicalPlan;
      readonly name: string;
      /** The observed DataFrame's plan id, which the client matches the metrics to. */
      readonly observedPlanId: bigint;
      readonly metrics: readonly NamedExpr[];
    })
  | (Node & {
      readonly kind: "subqueryAlias";
      readonly child: LogicalPlan;
      readonly alias: string;
      readonly output: readonly AttributeRef[];
    });

export type LogicalKind = LogicalPlan["kind"];

export function toAttribute(named: NamedExpr): AttributeRef {
  if (named.kind === "attr") return named;
  return {
    kind: "attr",
    exprId: named.exprId,
    name: named.name,
    type: named.type,
    nullable: named.nullable,
    qualifier: [],
    ...(named.metadata === undefined ? {} : { metadata: named.metadata }),
  };
}

export function outputOf(plan: LogicalPlan): readonly AttributeRef[] {
  switch (plan.kind) {
    case "range":
    case "localRelation":
    case "fileScan":
    case "join":
    case "union":
    case "subqueryAlias":
    case "expand":
      return plan.output;
    case "window":
      return [...outputOf(plan.child), ...plan.columns.map((c) => c.attr)];
    case "generate":
      return [...outputOf(plan.child), ...plan.generatorOutput];
    case "project":
      return plan.exprs.map(toAttribute);
    case "aggregate":
      return plan.aggregates.map(toAttribute);
    case "setOp":
      return outputOf(plan.left);
    case "filter":
    case "sort":
    case "limit":
    case "offset":
    case "tail":
    case "deduplicate":
    case "sample":
    case "repartition":
    case "collectMetrics":
      return outputOf(plan.child);
  }
}

export function childrenOf(plan: LogicalPlan): readonly LogicalPlan[] {
  switch (plan.kind) {
    case "range":
    case "localRelation":
    case "fileScan":
      return [];
    case "join":
    case "setOp":
      return [plan.left, plan.right];
    case "union":
      return plan.inputs;
    default:
      return [plan.child];
  }
}

/** Finds the node a plan id belongs to (depth first), for `df["col"]`-style references. */
export function findByPlanId(plan: LogicalPlan, planId: bigint): LogicalPlan | undefined {
  if (plan.planId === planId) return plan;
  for (const child of childrenOf(plan)) {
    const found = findByPlanId(child, planId);
    if (found) return found;
  }
  return undefined;
}
