/**
 * Generators: table-valued expressions that turn one input row into zero or more output rows (explode,
 * posexplode, inline, stack, json_tuple). They live in a Generate plan node, never inside an ordinary expression.
 */
import type { Expr } from "./expressions.js";

export type GeneratorKind = "explode" | "posexplode" | "inline" | "stack" | "json_tuple";

export interface Generator {
  readonly kind: GeneratorKind;
  /** Resolved arguments (for stack: the row count first, then the values). */
  readonly args: readonly Expr[];
  /** The `_outer` form: a row of NULLs where the input yields no rows. */
  readonly outer: boolean;
  /** Spark's display form, e.g. `explode(arr)`. */
  readonly display: string;
}

/** The builtin names that are generators, with the generator they denote. */
export const GENERATOR_FUNCTIONS: Readonly<Record<string, { kind: GeneratorKind; outer: boolean }>> = {
  explode: { kind: "explode", outer: false },
  explode_outer: { kind: "explode", outer: true },
  posexplode: { kind: "posexplode", outer: false },
  posexplode_outer: { kind: "posexplode", outer: true },
  inline: { kind: "inline", outer: false },
  inline_outer: { kind: "inline", outer: true },
  stack: { kind: "stack", outer: false },
  json_tuple: { kind: "json_tuple", outer: false },
};

export const isGeneratorName = (name: string): boolean => Object.hasOwn(GENERATOR_FUNCTIONS, name.toLowerCase());
