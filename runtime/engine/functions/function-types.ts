/** The contract every builtin scalar function implements: analysis-time typing plus a whole-column kernel. */
import type { ColumnVector } from "../columnar/column-vector.js";
import type { Call, Expr } from "../logical/expressions.js";
import type { PartitionScope } from "./partition-scope.js";

export interface ResolveContext {
  readonly ansi: boolean;
  /** When the query is analysed (microseconds since the epoch): every clock function in it reads this one instant. */
  readonly instantMicros?: bigint;
}

export interface EvalContext {
  readonly timeZone: string;
  /** Columns bound to the lambda variables in scope (by variable id), row-aligned with the batch evaluated. */
  readonly lambdaValues?: ReadonlyMap<number, ColumnVector>;
  /** The partition an operator is computing, for partition-dependent expressions (absent: one stream, index 0). */
  readonly partition?: PartitionScope;
}

export type Kernel = (args: readonly ColumnVector[], call: Call, ctx: EvalContext) => ColumnVector;

export interface ScalarFunction {
  /** Checks argument types, inserts Spark's implicit casts and returns the typed expression. */
  readonly resolve: (args: readonly Expr[], ctx: ResolveContext, name: string) => Expr;
  /** Absent when `resolve` rewrites into other expressions (e.g. `when` into CASE WHEN). */
  readonly kernel?: Kernel;
}

export function call(
  name: string,
  args: readonly Expr[],
  type: Call["type"],
  display: string,
  ctx: ResolveContext,
  nullable = args.some((a) => a.nullable),
): Call {
  return { kind: "call", name, args, type, nullable, display, ansi: ctx.ansi };
}
