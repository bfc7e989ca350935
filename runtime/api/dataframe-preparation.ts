/**
 * Preparing data rather than querying it: partitioning (repartition, coalesce), sampling, optimizer hints,
 * summary statistics and null handling. DataFrame extends this class, which builds on the actions in
 * dataframe-actions.ts; each method here returns a new DataFrame over a plan built on this one.
 */
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import { requireNonNegativeInteger } from "./action-options.js";
import { Column, type ColumnOrLiteral, requireString } from "./column.js";
import { type ColumnOrName, columnOrName } from "./column-names.js";
import type { DataFrame } from "./dataframe.js";
import { DataFrameActions } from "./dataframe-actions.js";
import { lit } from "./functions.js";
import { DataFrameNaFunctions, type FillValue, type ReplaceTarget, type ReplaceValue } from "./na-functions.js";

/** A hint parameter as PySpark takes it: a string, number, Column, or array of strings and numbers. */
export type HintParameter = string | number | boolean | Column | readonly (string | number | boolean)[];

function isHintPrimitive(value: unknown): boolean {
  // Python's bool is an int, so PySpark lets booleans through as well.
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function hintItemError(itemType: string): ClientArgumentError {
  return new ClientArgumentError(
    `hint parameters must be str, float, int, Column or a list of str, float or int, got ${itemType}.`,
    {
      errorClass: "INVALID_ITEM_FOR_CONTAINER",
      messageParameters: {
        arg_name: "parameters",
        allowed_types: "str, float, int, Column, list[str], list[float], list[int]",
        item_type: itemType,
      },
    },
  );
}

export abstract class DataFramePreparation extends DataFrameActions {
  /** A DataFrame of this session over `relation`. */
  abstract withRelation(relation: Relation): DataFrame;
  /** Like `withRelation`, for plans that keep this DataFrame's columns (its known schema carries over). */
  abstract withSameSchema(relation: Relation): DataFrame;

  /**
   * Redistributes the rows: `repartition(n)` into n partitions, `repartition(n, ...cols)` or
   * `repartition(...cols)` hash-partitioned by the columns.
   */
  repartition(numPartitions: number | ColumnOrName, ...cols: ColumnOrName[]): DataFrame {
    if (typeof numPartitions === "number") {
      const n = requirePositiveInteger(numPartitions, "numPartitions");
      if (cols.length === 0) return this.withSameSchema(this.sparkSession.plans.repartition(this.relation, n, true));
      const exprs = cols.map((c) => columnOrName(c, "repartition").expr);
      return this.withSameSchema(this.sparkSession.plans.repartitionByExpression(this.relation, exprs, n));
    }
    const exprs = [numPartitions, ...cols].map((c) => columnOrName(c, "repartition").expr);
    return this.withSameSchema(this.sparkSession.plans.repartitionByExpression(this.relation, exprs));
  }

  /** Merges down to `numPartitions` partitions without a shuffle. */
  coalesce(numPartitions: number): DataFrame {
    return this.withSameSchema(
      this.sparkSession.plans.repartition(this.relation, requirePositiveInteger(numPartitions, "numPartitions"), false),
    );
  }

  /**
   * A random sample of about `fraction` of the rows: `sample(0.1)`, `sample(0.1, seed)` or
   * `sample(withReplacement, 0.1, seed?)`. Without a seed a random one is drawn, as in PySpark.
   */
  sample(fraction: number, seed?: number | bigint): DataFrame;
  sample(withReplacement: boolean, fraction: number, seed?: number | bigint): DataFrame;
  sample(first: number | boolean, second?: number | bigint, third?: number | bigint): DataFrame {
    const withReplacement = typeof first === "boolean" ? first : false;
    const fraction = typeof first === "boolean" ? second : first;
    const seed = typeof first === "boolean" ? third : second;
    if (typeof fraction !== "number" || !(fraction >= 0)) {
      throw new ClientArgumentError(`fraction must be a non-negative number, got ${String(fraction)}.`, {
        errorClass: "NOT_BOOL_OR_FLOAT_OR_INT",
      });
    }
    return this.withSameSchema(
      this.sparkSession.plans.sample(this.relation, fraction, withReplacement, sampleSeed(seed)),
    );
  }

  /**
   * Passes an optimizer hint such as `broadcast`, `merge` or `repartition`, with parameters that are strings,
   * numbers, Columns or arrays of strings and numbers (a single array argument is taken as the parameter list).
   */
  hint(name: string, ...parameters: HintParameter[]): DataFrame {
    const list: readonly unknown[] =
      parameters.length === 1 && Array.isArray(parameters[0]) ? (parameters[0] as readonly unknown[]) : parameters;
    requireString(name, "name");
    for (const p of list) {
      if (Array.isArray(p)) {
        const bad = p.find((e: unknown) => !isHintPrimitive(e));
        if (bad !== undefined || p.length === 0) throw hintItemError(`array[${describeType(bad ?? p[0])}]`);
      } else if (!isHintPrimitive(p) && !(p instanceof Column)) {
        throw hintItemError(describeType(p));
      }
    }
    const exprs = list.map((p) => lit(p as ColumnOrLiteral).expr);
    return this.withSameSchema(this.sparkSession.plans.hint(this.relation, name, exprs));
  }

  /** Basic statistics (count, mean, stddev, min, max) of the given columns, or of all when none are named. */
  describe(...cols: Array<string | readonly string[]>): DataFrame {
    const names = cols.flatMap((c) => (Array.isArray(c) ? [...c] : [c as string]));
    for (const name of names) requireString(name, "cols");
    return this.withRelation(this.sparkSession.plans.describe(this.relation, names));
  }

  /** The named statistics (e.g. `"count"`, `"min"`, `"25%"`); Spark's default set when none are named. */
  summary(...statistics: string[]): DataFrame {
    for (const name of statistics) requireString(name, "statistics");
    return this.withRelation(this.sparkSession.plans.summary(this.relation, statistics));
  }

  /** Null handling: `df.na.fill(0)`, `df.na.drop("all")`. */
  get na(): DataFrameNaFunctions {
    return new DataFrameNaFunctions(this);
  }

  fillna(value: FillValue | Readonly<Record<string, FillValue>>, subset?: string | readonly string[]): DataFrame {
    return this.na.fill(value, subset);
  }

  /** Replaces values in matching columns; see `DataFrameNaFunctions.replace`. */
  replace(
    toReplace: ReplaceTarget,
    value?: ReplaceValue | null | readonly (ReplaceValue | null)[],
    subset?: string | readonly string[] | null,
  ): DataFrame {
    return this.na.replace(toReplace, value, subset);
  }

  dropna(how: "any" | "all" = "any", thresh?: number, subset?: string | readonly string[]): DataFrame {
    return this.na.drop(how, thresh, subset);
  }
}

function requirePositiveInteger(value: unknown, argName: string): number {
  if (requireNonNegativeInteger(value, argName) === 0) {
    throw new ClientArgumentError(`${argName} must be positive, got 0.`, { errorClass: "VALUE_NOT_POSITIVE" });
  }
  return value as number;
}

/** The seed for `sample`: the given one, or a random non-negative 63-bit value as PySpark draws. */
function sampleSeed(seed: number | bigint | undefined): bigint {
  if (seed === undefined)
    return BigInt.asUintN(
      63,
      BigInt(Math.floor(Math.random() * 2 ** 53)) * 1024n + BigInt(Math.floor(Math.random() * 1024)),
    );
  if (typeof seed === "bigint") return seed;
  if (Number.isSafeInteger(seed)) return BigInt(seed);
  throw new ClientArgumentError(`seed must be an integer, got ${String(seed)}.`, { errorClass: "NOT_INT" });
}
