/**
 * `spark.tvf`: Spark's table-valued functions as DataFrames (`spark.tvf.explode(F.array(...))`,
 * `spark.tvf.sql_keywords()`, ...). Each builds the `UnresolvedTableValuedFunction` relation PySpark builds; the
 * server resolves the function. Arguments are Columns, or strings naming columns, as in PySpark.
 */
import type { TableValuedFunctionApi } from "../../generated/api/table-valued-function.js";
import { ClientArgumentError } from "../errors/index.js";
import { type ColumnOrName, columnOrName } from "./column-names.js";
import { DataFrame } from "./dataframe.js";
import type { SparkSession } from "./session.js";

export class TableValuedFunction implements TableValuedFunctionApi {
  constructor(private readonly sparkSession: SparkSession) {}

  /** The same DataFrame as `spark.range`. */
  range(
    start: number | bigint,
    end?: number | bigint | null,
    step?: number | bigint,
    numPartitions?: number,
  ): DataFrame {
    return this.sparkSession.range(start, end, step, numPartitions);
  }

  /** One row per element of an array (column `col`) or entry of a map (`key`, `value`). */
  explode(collection: ColumnOrName): DataFrame {
    return this.call("explode", collection);
  }

  /** Like `explode`, with a row of nulls for a null or empty collection. */
  explode_outer(collection: ColumnOrName): DataFrame {
    return this.call("explode_outer", collection);
  }

  /** One row per struct of an array of structs, one column per struct field. */
  inline(input: ColumnOrName): DataFrame {
    return this.call("inline", input);
  }

  inline_outer(input: ColumnOrName): DataFrame {
    return this.call("inline_outer", input);
  }

  /** The named fields of a JSON string, one column each (`c0`, `c1`, ...). At least one field is required. */
  json_tuple(input: ColumnOrName, ...fields: ColumnOrName[]): DataFrame {
    if (fields.length === 0) {
      throw new ClientArgumentError("json_tuple needs at least one field.", {
        errorClass: "CANNOT_BE_EMPTY",
        messageParameters: { item: "field" },
      });
    }
    return this.call("json_tuple", input, ...fields);
  }

  /** Like `explode`, with the element's position in a `pos` column. */
  posexplode(collection: ColumnOrName): DataFrame {
    return this.call("posexplode", collection);
  }

  posexplode_outer(collection: ColumnOrName): DataFrame {
    return this.call("posexplode_outer", collection);
  }

  /** Spreads the values into `n` rows. */
  stack(n: ColumnOrName, ...fields: ColumnOrName[]): DataFrame {
    return this.call("stack", n, ...fields);
  }

  /** Every collation the server knows. */
  collations(): DataFrame {
    return this.call("collations");
  }

  /** Every SQL keyword, and whether it is reserved. */
  sql_keywords(): DataFrame {
    return this.call("sql_keywords");
  }

  /** One row per element or field of a variant (`pos`, `key`, `value`). */
  variant_explode(input: ColumnOrName): DataFrame {
    return this.call("variant_explode", input);
  }

  variant_explode_outer(input: ColumnOrName): DataFrame {
    return this.call("variant_explode_outer", input);
  }

  /** The logs of the session's Python workers (needs `spark.sql.pyspark.worker.logging.enabled`). */
  python_worker_logs(): DataFrame {
    return this.call("python_worker_logs");
  }

  private call(name: string, ...args: ColumnOrName[]): DataFrame {
    const exprs = args.map((arg) => columnOrName(arg, name).expr);
    return new DataFrame(this.sparkSession, this.sparkSession.plans.tableValuedFunction(name, exprs));
  }
}
