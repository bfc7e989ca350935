/**
 * Resolved expressions. They are plain data (no closures, no class instances) so a physical plan holding them
 * can be posted to a worker thread as is; the evaluator looks kernels up by name.
 */
import type { Scalar } from "../columnar/column-vector.js";
import type { DataType } from "../types/data-types.js";

interface Typed {
  readonly type: DataType;
  readonly nullable: boolean;
}

/** A column produced by some plan node, identified by `exprId` (names can repeat, ids cannot). */
export interface AttributeRef extends Typed {
  readonly kind: "attr";
  readonly exprId: number;
  readonly name: string;
  readonly qualifier: readonly string[];
  /** Column metadata as Spark's JSON text (df.withMetadata, alias(..., metadata)); absent when empty. */
  readonly metadata?: string;
}

/** An attribute bound to a position in the operator's input batch (physical plans only). */
export interface BoundRef extends Typed {
  readonly kind: "input";
  readonly ordinal: number;
  readonly name: string;
}

export interface Literal extends Typed {
  readonly kind: "literal";
  readonly value: Scalar;
}

export interface Alias extends Typed {
  readonly kind: "alias";
  readonly child: Expr;
  readonly name: string;
  readonly exprId: number;
  /** The column metadata the alias gives (explicitly, or kept from the column it renames). */
  readonly metadata?: string;
}

export type CastMode = "ansi" | "legacy" | "try";

export interface Cast extends Typed {
  readonly kind: "cast";
  readonly child: Expr;
  readonly mode: CastMode;
  /** Inserted by type coercion rather than written by the user (hidden from display names). */
  readonly implicit: boolean;
}

/** A scalar function or operator; `name` keys the kernel table (e.g. `add`, `equal`, `upper`). */
export interface Call extends Typed {
  readonly kind: "call";
  readonly name: string;
  readonly args: readonly Expr[];
  /** Spark's display form, used for auto-generated column names, e.g. `(id + 1)` or `upper(name)`. */
  readonly display: string;
  /** ANSI mode at analysis time (decides overflow and divide-by-zero behaviour). */
  readonly ansi: boolean;
}

export interface CaseWhen extends Typed {
  readonly kind: "caseWhen";
  readonly branches: readonly { readonly when: Expr; readonly result: Expr }[];
  readonly otherwise: Expr | null;
}

export type AggregateName =
  | "count"
  | "sum"
  | "avg"
  | "min"
  | "max"
  | "first"
  | "last"
  | "count_if"
  | "var_samp"
  | "var_pop"
  | "stddev_samp"
  | "stddev_pop"
  | "collect_list"
  | "collect_set"
  | "try_sum"
  | "bool_and"
  | "bool_or"
  | "bit_and"
  | "bit_or"
  | "bit_xor"
  | "max_by"
  | "min_by"
  | "product"
  | "skewness"
  | "kurtosis"
  | "covar_pop"
  | "covar_samp"
  | "corr"
  | "regr_count"
  | "regr_avgx"
  | "regr_avgy"
  | "regr_sxx"
  | "regr_syy"
  | "regr_sxy"
  | "regr_slope"
  | "regr_intercept"
  | "regr_r2"
  | "percentile"
  | "mode"
  | "approx_count_distinct"
  | "percentile_approx"
  | "listagg"
  | "bitmap_construct_agg"
  | "bitmap_or_agg"
  | "bitmap_and_agg"
  | "histogram_numeric"
  | "count_min_sketch"
  | "hll_sketch_agg"
  | "hll_union_agg";

export interface AggregateCall extends Typed {
  readonly kind: "aggregate";
  readonly name: AggregateName;
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  readonly display: string;
  readonly ansi: boolean;
}

/** A lambda parameter read inside its lambda's body; `id` is unique per binding, the name is for display only. */
export interface LambdaVariable extends Typed {
  readonly kind: "lambdaVar";
  readonly id: number;
  readonly name: string;
}

/**
 * A lambda argument of a higher-order function call (`transform`, `aggregate`, ...). Its type is the body's;
 * the call's evaluator binds `params` to element columns and evaluates `body` once over all elements.
 */
export interface LambdaFunction extends Typed {
  readonly kind: "lambda";
  readonly params: readonly LambdaVariable[];
  readonly body: Expr;
}

export type Expr =
  | AttributeRef
  | BoundRef
  | Literal
  | Alias
  | Cast
  | Call
  | CaseWhen
  | AggregateCall
  | LambdaVariable
  | LambdaFunction;
export type NamedExpr = AttributeRef | Alias;

export interface SortKey {
  readonly expr: Expr;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

export function children(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case "alias":
    case "cast":
      return [expr.child];
    case "call":
    case "aggregate":
      return expr.args;
    case "caseWhen":
      return [...expr.branches.flatMap((b) => [b.when, b.result]), ...(expr.otherwise ? [expr.otherwise] : [])];
    case "lambda":
      return [expr.body];
    default:
      return [];
  }
}

/** Rebuilds an expression bottom-up with `rule` applied to every node after its children. */
export function transformUp(expr: Expr, rule: (e: Expr) => Expr): Expr {
  const rebuilt = mapChildren(expr, (child) => transformUp(child, rule));
  return rule(rebuilt);
}

export function mapChildren(expr: Expr, f: (e: Expr) => Expr): Expr {
  switch (expr.kind) {
    case "alias":
      return { ...expr, child: f(expr.child) };
    case "cast":
      return { ...expr, child: f(expr.child) };
    case "call":
      return { ...expr, args: expr.args.map(f) };
    case "aggregate":
      return { ...expr, args: expr.args.map(f) };
    case "caseWhen":
      return {
        ...expr,
        branches: expr.branches.map((b) => ({ when: f(b.when), result: f(b.result) })),
        otherwise: expr.otherwise ? f(expr.otherwise) : null,
      };
    case "lambda":
      return { ...expr, body: f(expr.body) };
    default:
      return expr;
  }
}

export function anyNode(expr: Expr, predicate: (e: Expr) => boolean): boolean {
  return predicate(expr) || children(expr).some((c) => anyNode(c, predicate));
}

export function collectAttributes(expr: Expr, into: Set<number> = new Set()): Set<number> {
  if (expr.kind === "attr") into.add(expr.exprId);
  for (const child of children(expr)) collectAttributes(child, into);
  return into;
}

export const isAggregate = (expr: Expr): boolean => anyNode(expr, (e) => e.kind === "aggregate");
/**
 * Calls whose value depends on the partition computing them or the row's place in it (a per-partition seeded
 * generator, a row counter, the file being scanned).
 */
const PARTITION_DEPENDENT_CALLS: ReadonlySet<string> = new Set([
  "rand",
  "randn",
  "uniform",
  "randstr",
  "shuffle",
  "monotonically_increasing_id",
  "spark_partition_id",
  "input_file_name",
  "input_file_block_start",
  "input_file_block_length",
]);

export const isPartitionDependent = (expr: Expr): boolean =>
  anyNode(expr, (e) => e.kind === "call" && PARTITION_DEPENDENT_CALLS.has(e.name));

/** Calls that give a new value per row even over constant arguments, so they are never folded to one literal. */
const NONDETERMINISTIC_CALLS: ReadonlySet<string> = new Set(["uuid", ...PARTITION_DEPENDENT_CALLS]);

export const isFoldable = (expr: Expr): boolean =>
  expr.kind === "literal" ||
  (expr.kind === "call" && !NONDETERMINISTIC_CALLS.has(expr.name) && children(expr).every(isFoldable)) ||
  ((expr.kind === "cast" || expr.kind === "caseWhen") && children(expr).every(isFoldable));
