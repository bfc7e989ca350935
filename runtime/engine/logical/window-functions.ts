/**
 * Resolved window functions: what a `Window` plan node computes for each row of a partition, over which frame.
 * Plain data like the other expressions, so a physical plan holding them can go to a worker thread.
 */
import type { AggregateCall, AttributeRef, Expr } from "./expressions.js";

/** One end of a frame; `offset` counts rows (ROWS) or order-key distance (RANGE), negative meaning before. */
export type FrameBound =
  | { readonly kind: "unbounded" }
  | { readonly kind: "current" }
  /** `preceding`: written as `<n> PRECEDING` in SQL, which is how Spark then names it. */
  | { readonly kind: "offset"; readonly value: number; readonly preceding?: boolean };

export interface WindowFrame {
  readonly type: "rows" | "range";
  readonly lower: FrameBound;
  readonly upper: FrameBound;
}

export type RankingName = "row_number" | "rank" | "dense_rank" | "percent_rank" | "cume_dist";

export type WindowFunction =
  | { readonly kind: "ranking"; readonly name: RankingName }
  | { readonly kind: "ntile"; readonly buckets: number }
  /** lag (negative offset) and lead: the value `offset` rows away in the partition, else `fallback`. */
  | {
      readonly kind: "offset";
      readonly input: Expr;
      readonly offset: number;
      readonly fallback: Expr;
      readonly ignoreNulls: boolean;
    }
  /** nth_value, first and last: a row of the frame picked by position (`n` = 0 means the last row). */
  | { readonly kind: "nthValue"; readonly input: Expr; readonly n: number; readonly ignoreNulls: boolean }
  | { readonly kind: "aggregate"; readonly call: AggregateCall };

/** A window function with its frame, and the column it produces. */
export interface WindowColumn {
  readonly attr: AttributeRef;
  readonly fn: WindowFunction;
  readonly frame: WindowFrame;
}

/** The expressions a window function reads, for binding and attribute collection. */
export function windowFunctionInputs(fn: WindowFunction): readonly Expr[] {
  switch (fn.kind) {
    case "ranking":
    case "ntile":
      return [];
    case "offset":
      return [fn.input, fn.fallback];
    case "nthValue":
      return [fn.input];
    case "aggregate":
      return fn.call.args;
  }
}

/** Rebuilds a window function with `f` applied to each expression it reads. */
export function mapWindowFunction(fn: WindowFunction, f: (e: Expr) => Expr): WindowFunction {
  switch (fn.kind) {
    case "ranking":
    case "ntile":
      return fn;
    case "offset":
      return { ...fn, input: f(fn.input), fallback: f(fn.fallback) };
    case "nthValue":
      return { ...fn, input: f(fn.input) };
    case "aggregate":
      return { ...fn, call: { ...fn.call, args: fn.call.args.map(f) } };
  }
}
