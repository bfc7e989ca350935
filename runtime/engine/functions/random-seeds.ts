/**
 * The seed argument of Spark's random expressions (rand, randn, uniform, randstr, shuffle): a constant INT or
 * BIGINT (NULL reads as 0, as Spark's unboxing does); left out, Spark draws a random 64-bit seed once at
 * analysis and shows it in the column name, and the engine does the same.
 */
import { randomBytes } from "node:crypto";
import { dataTypeMismatch } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { unexpectedInput } from "./collection-errors.js";

export function randomSeed(): bigint {
  return randomBytes(8).readBigInt64BE();
}

const longLiteral = (value: bigint): Literal => ({ kind: "literal", value, type: T.LONG, nullable: false });

const SEED_TYPES = new Set(["byte", "short", "integer", "long", "null"]);

/** The seed as a BIGINT literal, checked as Spark checks it (constant, integral). */
export function seedArgument(arg: Expr | undefined, display: () => string, index: number): Literal {
  if (arg === undefined) return longLiteral(randomSeed());
  if (arg.kind !== "literal") {
    throw dataTypeMismatch("NON_FOLDABLE_INPUT", `"${display()}"`, "the seed must be a constant.", {
      inputName: "seed",
      inputType: "integer",
      inputExpr: `"${displayOf(arg)}"`,
    });
  }
  if (!SEED_TYPES.has(arg.type.kind.case ?? "")) throw unexpectedInput(display(), index, arg, '("INT" or "BIGINT")');
  return longLiteral(arg.value === null ? 0n : BigInt(arg.value as number | bigint));
}

/** A seed column's value (the kernel's copy of the literal; an empty batch has none). */
export function seedOf(column: { readonly length: number; readonly data: unknown }): bigint {
  return column.length === 0 ? 0n : ((column.data as BigInt64Array)[0] as bigint);
}
