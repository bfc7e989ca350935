/**
 * Statistics over a DataFrame, each computed by the server from its own relation (StatCorr, StatCov,
 * StatApproxQuantile, StatCrosstab, StatFreqItems, StatSampleBy), random splits, and observed metrics.
 * `df.stat` groups the same methods as PySpark's DataFrameStatFunctions. DataFrame builds on this class.
 */
import type { Expression_Literal } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType, literalFromValue } from "../plan/literals.js";
import { badValue, requireArray, requireNumber, seedOrRandom, wrongType } from "./argument-checks.js";
import { Column, requireString } from "./column.js";
import { type ColumnOrName, columnOrName } from "./column-names.js";
import type { DataFrame } from "./dataframe.js";
import { DataFramePreparation } from "./dataframe-preparation.js";
import { runQuery } from "./execution.js";
import { Observation } from "./observation.js";
import { listenForObservedMetrics } from "./observed-metrics.js";
import { DataFrameStatFunctions } from "./stat-functions.js";

/** A stratum of `sampleBy`: a value of the column (PySpark allows numbers and strings). */
export type Stratum = string | number | boolean;

export abstract class DataFrameStatistics extends DataFramePreparation {
  /** Statistics functions: `df.stat.corr("a", "b")`, `df.stat.crosstab(...)`. */
  get stat(): DataFrameStatFunctions {
    return new DataFrameStatFunctions(this as unknown as DataFrame);
  }

  /** The Pearson correlation coefficient of two numeric columns (the only method Spark has). */
  async corr(col1: string, col2: string, method?: string | null): Promise<number> {
    requireString(col1, "col1");
    requireString(col2, "col2");
    const chosen = method === undefined || method === null || method === "" ? "pearson" : method;
    if (chosen !== "pearson") {
      throw badValue("VALUE_NOT_PEARSON", "method", chosen, 'must be "pearson"');
    }
    return this.singleDouble(this.sparkSession.plans.corr(this.relation, col1, col2, chosen), "corr");
  }

  /** The sample covariance of two numeric columns. */
  async cov(col1: string, col2: string): Promise<number> {
    requireString(col1, "col1");
    requireString(col2, "col2");
    return this.singleDouble(this.sparkSession.plans.cov(this.relation, col1, col2), "cov");
  }

  /**
   * Approximate quantiles of numeric columns, each within `relativeError` of the exact rank (0 computes them
   * exactly). One column name gives a list of numbers; an array of names, one list per column.
   */
  async approxQuantile(col: string, probabilities: readonly number[], relativeError: number): Promise<number[]>;
  async approxQuantile(
    col: readonly string[],
    probabilities: readonly number[],
    relativeError: number,
  ): Promise<number[][]>;
  async approxQuantile(
    col: string | readonly string[],
    probabilities: readonly number[],
    relativeError: number,
  ): Promise<number[] | number[][]>;
  async approxQuantile(
    col: string | readonly string[],
    probabilities: readonly number[],
    relativeError: number,
  ): Promise<number[] | number[][]> {
    if (typeof col !== "string" && !Array.isArray(col)) {
      throw wrongType("NOT_LIST_OR_STR_OR_TUPLE", "col", col, "a column name or an array of names");
    }
    const names: readonly unknown[] = typeof col === "string" ? [col] : col;
    for (const name of names) {
      if (typeof name !== "string") throw wrongType("NOT_LIST_OF_STR", "columns", name, "a column name");
    }
    const probabilityList = requireArray(probabilities, "probabilities");
    for (const p of probabilityList) {
      if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
        throw wrongType("NOT_LIST_OF_FLOAT_OR_INT", "probabilities", p, "a number between 0 and 1");
      }
    }
    requireNumber(relativeError, "relativeError");
    if (relativeError < 0) throw badValue("NEGATIVE_VALUE", "relativeError", relativeError, "must not be negative");
    const plan = this.sparkSession.plans.approxQuantile(
      this.relation,
      names as string[],
      probabilityList as number[],
      relativeError,
    );
    const rows = await runQuery(this.sparkSession.backend, plan).collect();
    const quantiles = rows[0]?.get(0) as number[][] | undefined;
    if (!Array.isArray(quantiles)) throw new Error("approxQuantile: the server returned no quantiles");
    return typeof col === "string" ? (quantiles[0] ?? []) : quantiles;
  }

  /** A contingency table of two columns: one row per value of `col1`, one column per value of `col2`. */
  crosstab(col1: string, col2: string): DataFrame {
    requireString(col1, "col1");
    requireString(col2, "col2");
    return this.withRelation(this.sparkSession.plans.crosstab(this.relation, col1, col2));
  }

  /** Items occurring in at least `support` (default 1%) of the rows of each column; may hold false positives. */
  freqItems(cols: readonly string[], support?: number | null): DataFrame {
    const names = requireArray(cols, "cols");
    for (const name of names) requireString(name, "cols");
    // PySpark treats a missing or zero support as the default.
    const chosen =
      support === undefined || support === null || support === 0 ? 0.01 : requireNumber(support, "support");
    return this.withRelation(this.sparkSession.plans.freqItems(this.relation, names as string[], chosen));
  }

  /**
   * A stratified sample without replacement: rows whose `col` value is a key of `fractions` are kept with that
   * probability, other rows dropped. Object keys are strings; use a Map for numeric or boolean strata.
   */
  sampleBy(
    col: ColumnOrName,
    fractions: Readonly<Record<string, number>> | ReadonlyMap<Stratum, number>,
    seed?: number | bigint | null,
  ): DataFrame {
    if (!(col instanceof Column) && typeof col !== "string") {
      throw wrongType("NOT_COLUMN_OR_STR", "col", col, "a Column or a column name");
    }
    if (typeof fractions !== "object" || fractions === null || Array.isArray(fractions)) {
      throw wrongType("NOT_DICT", "fractions", fractions, "an object or a Map of stratum to fraction");
    }
    const entries: Array<[unknown, unknown]> =
      fractions instanceof Map ? [...fractions.entries()] : Object.entries(fractions);
    const strata = entries.map(([stratum, fraction]): [Expression_Literal, number] => {
      if (typeof stratum !== "string" && typeof stratum !== "number" && typeof stratum !== "boolean") {
        throw new ClientArgumentError(`fractions keys must be numbers or strings, got ${describeType(stratum)}.`, {
          errorClass: "DISALLOWED_TYPE_FOR_CONTAINER",
          messageParameters: {
            arg_name: "fractions",
            arg_type: "dict",
            allowed_types: "float, int, str",
            item_type: describeType(stratum),
          },
        });
      }
      return [literalFromValue(stratum, "fractions"), requireNumber(fraction, "fractions")];
    });
    const seedValue = seedOrRandom(seed);
    return this.withRelation(
      this.sparkSession.plans.sampleBy(this.relation, columnOrName(col, "col").expr, strata, seedValue),
    );
  }

  /** Splits the rows randomly by relative `weights` (normalised to sum 1); the same seed gives the same split. */
  randomSplit(weights: readonly number[], seed?: number | bigint | null): DataFrame[] {
    const list = requireArray(weights, "weights");
    for (const w of list) {
      if (requireNumber(w, "weights") < 0) throw badValue("VALUE_NOT_POSITIVE", "weights", w, "must not be negative");
    }
    const seedValue = seedOrRandom(seed);
    const total = (list as number[]).reduce((sum, w) => sum + w, 0);
    if (!(total > 0)) throw badValue("VALUE_NOT_POSITIVE", "sum(weights)", total, "must be positive");
    // Cumulative bounds summed exactly as PySpark sums them, so both clients draw the same splits.
    const bounds = [0];
    for (const w of list as number[]) bounds.push((bounds[bounds.length - 1] as number) + w / total);
    return bounds.slice(1).map((upper, i) => {
      const lower = bounds[i] as number;
      return this.withSameSchema(this.sparkSession.plans.sampleBetween(this.relation, lower, upper, seedValue));
    });
  }

  /**
   * Collects aggregate metrics (`count(lit(1))`, `max("x")`, …) under a name while the plan runs. Given an
   * Observation, `await observation.get` resolves with them after the first action; with a plain name they are
   * reported in `executionInfo.observations`.
   */
  observe(observation: Observation | string, ...exprs: Column[]): DataFrame {
    if (exprs.length === 0) {
      throw new ClientArgumentError("observe needs at least one metric expression.", {
        errorClass: "CANNOT_BE_EMPTY",
        messageParameters: { item: "exprs" },
      });
    }
    if (!exprs.every((e) => e instanceof Column)) {
      throw new ClientArgumentError("exprs must all be Columns.", {
        errorClass: "NOT_LIST_OF_COLUMN",
        messageParameters: { arg_name: "exprs" },
      });
    }
    let name: string;
    if (observation instanceof Observation) {
      name = observation.attach();
      listenForObservedMetrics(this.sparkSession.backend, name, observation);
    } else if (typeof observation === "string") {
      name = observation;
    } else {
      throw wrongType("NOT_OBSERVATION_OR_STR", "observation", observation, "an Observation or a name");
    }
    return this.withSameSchema(
      this.sparkSession.plans.collectMetrics(
        this.relation,
        name,
        exprs.map((e) => e.expr),
      ),
    );
  }

  /** Runs a one-row, one-column statistic relation and returns its double. */
  private async singleDouble(plan: Relation, method: string): Promise<number> {
    const rows = await runQuery(this.sparkSession.backend, plan).collect();
    const value = rows[0]?.get(0);
    if (typeof value !== "number") throw new Error(`${method}: the server returned ${describeType(value)}`);
    return value;
  }
}
