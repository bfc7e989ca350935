/**
 * The result of `groupBy`, `rollup`, `cube` or `groupingSets`: grouping columns waiting for aggregates. `agg` takes aggregate
 * Columns or a `{ column: "function" }` object; the shorthands (`sum`, `avg`, ...) aggregate named columns.
 */
import type { GroupedDataApi } from "../../generated/api/grouped-data.js";
import { ClientArgumentError } from "../errors/index.js";
import { functionCall } from "../plan/expressions.js";
import { describeType, literalExpression, literalFromValue } from "../plan/literals.js";
import type { GroupKind, PivotSpec } from "../plan/relations.js";
import { Column, requireString } from "./column.js";
import { columnByName } from "./column-names.js";
import { DataFrame } from "./dataframe.js";

export class GroupedData implements GroupedDataApi {
  constructor(
    private readonly df: DataFrame,
    private readonly kind: GroupKind,
    private readonly groupingColumns: readonly Column[],
    private readonly pivotSpec?: PivotSpec,
    /** Only for `groupingSets`: the sets of columns to group by, one aggregation per set. */
    private readonly groupingSets?: ReadonlyArray<readonly Column[]>,
  ) {}

  /**
   * Turns the distinct values of `pivotCol` into columns (one per value and aggregate). Listing `values` saves
   * the server a pass over the data to find them. Only after `groupBy`, and only once.
   */
  pivot(pivotCol: string, values?: ReadonlyArray<boolean | number | string>): GroupedData {
    if (this.kind !== "groupby") {
      const what = this.kind === "pivot" ? "Repeated PIVOT operation" : `PIVOT after ${this.kind.toUpperCase()}`;
      throw new ClientArgumentError(`${what} is not supported.`, {
        errorClass: "UNSUPPORTED_OPERATION",
        messageParameters: { operation: what },
      });
    }
    requireString(pivotCol, "pivot_col");
    if (values !== undefined && !Array.isArray(values)) {
      throw new ClientArgumentError(`values must be an array, got ${describeType(values)}.`, {
        errorClass: "NOT_LIST",
      });
    }
    const literals = values?.map((v) => {
      if (typeof v !== "boolean" && typeof v !== "number" && typeof v !== "string") {
        throw new ClientArgumentError(`pivot values must be booleans, numbers or strings, got ${describeType(v)}.`, {
          errorClass: "NOT_BOOL_OR_FLOAT_OR_INT_OR_STR",
        });
      }
      return literalFromValue(v, "values");
    });
    const column = this.df.col(pivotCol).expr;
    return new GroupedData(
      this.df,
      "pivot",
      this.groupingColumns,
      literals === undefined ? { column } : { column, values: literals },
    );
  }

  /** Aggregates with Columns (`agg(sum("x"), max("y"))`) or an object of column to function name. */
  agg(...exprs: Column[] | [Readonly<Record<string, string>>]): DataFrame {
    const first = exprs[0];
    if (first === undefined)
      throw new ClientArgumentError("agg needs at least one aggregate.", { errorClass: "CANNOT_BE_EMPTY" });
    let aggregates: Column[];
    if (exprs.length === 1 && !(first instanceof Column) && typeof first === "object" && first !== null) {
      aggregates = Object.entries(first).map(
        ([name, fn]) => new Column(functionCall(requireString(fn, name), [columnByName(name).expr])),
      );
    } else {
      aggregates = exprs.map((e) => {
        if (!(e instanceof Column)) {
          throw new ClientArgumentError(
            `agg takes Columns or one object of column to function, got ${describeType(e)}.`,
            {
              errorClass: "NOT_COLUMN",
            },
          );
        }
        return e;
      });
    }
    return this.build(aggregates);
  }

  private build(aggregates: readonly Column[]): DataFrame {
    const df = this.df;
    const relation = df.sparkSession.plans.aggregate(
      df.relation,
      this.kind,
      this.groupingColumns.map((c) => c.expr),
      aggregates.map((c) => c.expr),
      this.pivotSpec,
      this.groupingSets?.map((set) => set.map((c) => c.expr)),
    );
    return new DataFrame(df.sparkSession, relation);
  }

  /** The number of rows in each group, in a column named `count`. */
  count(): DataFrame {
    return this.build([new Column(functionCall("count", [literalExpression(1)])).alias("count")]);
  }

  /**
   * Applies `fn` to each named column. PySpark without names uses every numeric column, which needs the schema
   * first; here the names are required so the call stays synchronous (the server checks they are numeric).
   */
  private numeric(fn: "sum" | "avg" | "min" | "max", cols: readonly string[]): DataFrame {
    if (cols.length === 0) {
      throw new ClientArgumentError(`${fn}() needs the names of the columns to aggregate.`, {
        errorClass: "CANNOT_BE_EMPTY",
      });
    }
    return this.build(
      cols.map((name) => new Column(functionCall(fn, [columnByName(requireString(name, "cols")).expr]))),
    );
  }

  sum(...cols: string[]): DataFrame {
    return this.numeric("sum", cols);
  }

  avg(...cols: string[]): DataFrame {
    return this.numeric("avg", cols);
  }

  mean(...cols: string[]): DataFrame {
    return this.numeric("avg", cols);
  }

  min(...cols: string[]): DataFrame {
    return this.numeric("min", cols);
  }

  max(...cols: string[]): DataFrame {
    return this.numeric("max", cols);
  }
}
