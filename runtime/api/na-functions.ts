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
import { describeType } from "../plan/literals.js";
import { requireString } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import type { DataFramePreparation } from "./dataframe-preparation.js";

export type FillValue = boolean | number | bigint | string;

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
  });
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
}
