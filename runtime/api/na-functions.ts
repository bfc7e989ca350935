/**
 * Handling nulls, as `df.na.fill(...)` / `df.fillna(...)` and `df.na.drop(...)` / `df.dropna(...)` in PySpark.
 * Fill values follow PySpark's typing with JS numbers: integral numbers fill as longs, others as doubles.
 */

import { create } from "@bufbuild/protobuf";
import type { DataFrameNaFunctionsApi } from "../../generated/api/dataframe-na-functions.js";
import {
  type Expression_Literal,
  Expression_LiteralSchema,
} from "../../generated/proto/spark/connect/expressions_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType, literalFromValue } from "../plan/literals.js";
import { requireString } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import type { DataFramePreparation } from "./dataframe-preparation.js";

export type FillValue = boolean | number | bigint | string;

/** A value `replace` matches or writes: PySpark takes booleans, numbers and strings (and null as a new value). */
export type ReplaceValue = boolean | number | string;
/** What `replace` replaces: one value, a list of values, or a mapping of old value to new value. */
export type ReplaceTarget =
  | ReplaceValue
  | readonly ReplaceValue[]
  | Readonly<Record<string, ReplaceValue | null>>
  | ReadonlyMap<ReplaceValue, ReplaceValue | null>;

function fillLiteral(value: unknown, argName: string): Expression_Literal {
  switch (typeof value) {
    case "boolean":
      return create(Expression_LiteralSchema, { literalType: { case: "boolean", value } });
    case "bigint":
      return create(Expression_LiteralSchema, { literalType: { case: "long", value } });
    case "number":
      return Number.isSafeInteger(value)
        ? create(Expression_LiteralSchema, { literalType: { case: "long", value: BigInt(value) } })
        : create(Expression_LiteralSchema, { literalType: { case: "double", value } });
    case "string":
      return create(Expression_LiteralSchema, { literalType: { case: "string", value } });
    default:
      throw new ClientArgumentError(`${argName} must be a boolean, number or string, got ${describeType(value)}.`, {
        errorClass: "NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR",
      });
  }
}

function subsetNames(subset: unknown): string[] {
  if (subset === undefined || subset === null) return [];
  if (typeof subset === "string") return [subset];
  if (Array.isArray(subset)) return subset.map((name) => requireString(name, "subset"));
  throw new ClientArgumentError(`subset must be a column name or an array of names, got ${describeType(subset)}.`, {
    errorClass: "NOT_LIST_OR_STR_OR_TUPLE",
    messageParameters: { arg_name: "subset", arg_type: describeType(subset) },
  });
}

function isReplaceValue(value: unknown): value is ReplaceValue {
  return typeof value === "boolean" || typeof value === "number" || typeof value === "string";
}

/** PySpark sends every number (it turns ints into floats) as a double, so `1` also matches `1.0`. */
function replaceLiteral(value: ReplaceValue | null): Expression_Literal {
  if (typeof value === "number") return create(Expression_LiteralSchema, { literalType: { case: "double", value } });
  return literalFromValue(value, "value");
}

/** The old → new pairs of a `replace` call, checked as PySpark checks them. */
function replacementPairs(
  toReplace: unknown,
  value: unknown,
  valueGiven: boolean,
): Array<[ReplaceValue, ReplaceValue | null]> {
  const isMapping =
    toReplace instanceof Map || (typeof toReplace === "object" && toReplace !== null && !Array.isArray(toReplace));
  if (!valueGiven && !isMapping) {
    throw new ClientArgumentError("value is required when to_replace is not a mapping.", {
      errorClass: "ARGUMENT_REQUIRED",
      messageParameters: { arg_name: "value", condition: "`to_replace` is dict" },
    });
  }
  if (!isMapping && !isReplaceValue(toReplace) && !Array.isArray(toReplace)) {
    throw new ClientArgumentError(
      `to_replace must be a value, an array or a mapping, got ${describeType(toReplace)}.`,
      {
        errorClass: "NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_LIST_OR_STR_OR_TUPLE",
        messageParameters: { arg_name: "to_replace", arg_type: describeType(toReplace) },
      },
    );
  }
  if (!isMapping && value !== null && value !== undefined && !isReplaceValue(value) && !Array.isArray(value)) {
    throw new ClientArgumentError(`value must be a value, an array or null, got ${describeType(value)}.`, {
      errorClass: "NOT_BOOL_OR_FLOAT_OR_INT_OR_LIST_OR_NONE_OR_STR_OR_TUPLE",
      messageParameters: { arg_name: "value", arg_type: describeType(value) },
    });
  }
  let pairs: Array<[unknown, unknown]>;
  if (toReplace instanceof Map) pairs = [...toReplace.entries()];
  else if (isMapping) pairs = Object.entries(toReplace as Record<string, unknown>);
  else {
    const olds: readonly unknown[] = Array.isArray(toReplace) ? toReplace : [toReplace];
    if (Array.isArray(value)) {
      if (value.length !== olds.length) {
        throw new ClientArgumentError(
          `to_replace and value must have the same length, got ${olds.length} and ${value.length}.`,
          {
            errorClass: "LENGTH_SHOULD_BE_THE_SAME",
            messageParameters: {
              arg1: "to_replace",
              arg2: "value",
              arg1_length: String(olds.length),
              arg2_length: String(value.length),
            },
          },
        );
      }
      pairs = olds.map((old, i) => [old, value[i]]);
    } else {
      pairs = olds.map((old) => [old, value ?? null]);
    }
  }
  // Later duplicates win, as a Python dict built from the pairs keeps the last value of a key.
  const unique = new Map<unknown, unknown>(pairs);
  const keys = [...unique.keys()];
  const values = [...unique.values()].filter((v) => v !== null);
  const allOf = (test: (v: unknown) => boolean) => keys.every(test) && values.every(test);
  const sameKind =
    allOf((v) => typeof v === "boolean") ||
    allOf((v) => typeof v === "string") ||
    // Python's bool is an int, so booleans may mix with numbers.
    allOf((v) => typeof v === "number" || typeof v === "boolean");
  if (!sameKind) {
    throw new ClientArgumentError(
      "Mixed types in a replacement are not supported: use only booleans, only numbers or only strings.",
      {
        errorClass: "MIXED_TYPE_REPLACEMENT",
      },
    );
  }
  return [...unique.entries()] as Array<[ReplaceValue, ReplaceValue | null]>;
}

export class DataFrameNaFunctions implements DataFrameNaFunctionsApi {
  constructor(private readonly df: DataFramePreparation) {}

  /**
   * Replaces nulls with `value` in every column of a matching type (or only in `subset`), or, given an object,
   * with a value per column.
   */
  fill(value: FillValue | Readonly<Record<string, FillValue>>, subset?: string | readonly string[]): DataFrame {
    let cols: string[];
    let values: Expression_Literal[];
    if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value);
      if (entries.length === 0)
        throw new ClientArgumentError("fill needs at least one column value.", { errorClass: "CANNOT_BE_EMPTY" });
      cols = entries.map(([name]) => name);
      values = entries.map(([name, v]) => fillLiteral(v, `value for ${name}`));
    } else {
      cols = subsetNames(subset);
      values = [fillLiteral(value, "value")];
    }
    return this.df.withRelation(this.df.sparkSession.plans.fillNa(this.df.relation, cols, values));
  }

  /**
   * Drops rows holding nulls (in `subset` when given): with `how` "any" (default) a single null drops the row,
   * with "all" only rows of nulls go; `thresh` keeps rows with at least that many non-null values.
   */
  drop(how: "any" | "all" = "any", thresh?: number, subset?: string | readonly string[]): DataFrame {
    let minNonNulls: number | undefined;
    if (how === "all") minNonNulls = 1;
    else if (how !== "any") {
      throw new ClientArgumentError(`how must be "any" or "all", got ${JSON.stringify(how)}.`, {
        errorClass: "VALUE_NOT_ANY_OR_ALL",
      });
    }
    if (thresh !== undefined) {
      if (!Number.isInteger(thresh))
        throw new ClientArgumentError(`thresh must be an integer, got ${String(thresh)}.`, { errorClass: "NOT_INT" });
      minNonNulls = thresh;
    }
    return this.df.withRelation(this.df.sparkSession.plans.dropNa(this.df.relation, subsetNames(subset), minNonNulls));
  }

  /**
   * Replaces values: `replace(1, 2)`, `replace([1, 2], [3, 4])`, `replace(["a", "b"], "c")` or
   * `replace({ a: "x", b: null })` (a mapping needs no `value`; object keys are strings, use a Map for numbers).
   * Only columns of a matching type (or those in `subset`) are touched.
   */
  replace(
    toReplace: ReplaceTarget,
    value?: ReplaceValue | null | readonly (ReplaceValue | null)[],
    subset?: string | readonly string[] | null,
  ): DataFrame {
    const pairs = replacementPairs(toReplace, value, value !== undefined);
    const replacements = pairs.map(([from, to]): [Expression_Literal, Expression_Literal] => [
      replaceLiteral(from),
      replaceLiteral(to),
    ]);
    return this.df.withRelation(
      this.df.sparkSession.plans.replace(this.df.relation, subsetNames(subset), replacements),
    );
  }
}
