/** `df.stat`: PySpark's DataFrameStatFunctions, each a shorthand for the DataFrame method of the same name. */
import type { DataFrameStatFunctionsApi } from "../../generated/api/dataframe-stat-functions.js";
import type { ColumnOrName } from "./column-names.js";
import type { DataFrame } from "./dataframe.js";
import type { Stratum } from "./dataframe-statistics.js";

export class DataFrameStatFunctions implements DataFrameStatFunctionsApi {
  constructor(private readonly df: DataFrame) {}

  approxQuantile(col: string, probabilities: readonly number[], relativeError: number): Promise<number[]>;
  approxQuantile(col: readonly string[], probabilities: readonly number[], relativeError: number): Promise<number[][]>;
  approxQuantile(
    col: string | readonly string[],
    probabilities: readonly number[],
    relativeError: number,
  ): Promise<number[] | number[][]>;
  approxQuantile(
    col: string | readonly string[],
    probabilities: readonly number[],
    relativeError: number,
  ): Promise<number[] | number[][]> {
    return this.df.approxQuantile(col, probabilities, relativeError);
  }

  corr(col1: string, col2: string, method?: string | null): Promise<number> {
    return this.df.corr(col1, col2, method);
  }

  cov(col1: string, col2: string): Promise<number> {
    return this.df.cov(col1, col2);
  }

  crosstab(col1: string, col2: string): DataFrame {
    return this.df.crosstab(col1, col2);
  }

  freqItems(cols: readonly string[], support?: number | null): DataFrame {
    return this.df.freqItems(cols, support);
  }

  sampleBy(
    col: ColumnOrName,
    fractions: Readonly<Record<string, number>> | ReadonlyMap<Stratum, number>,
    seed?: number | bigint | null,
  ): DataFrame {
    return this.df.sampleBy(col, fractions, seed);
  }
}
