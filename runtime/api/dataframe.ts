/**
 * A DataFrame is an immutable, lazily evaluated query: it holds one proto Relation (with its plan id) and the
 * session that made it. Transformations (here) return new DataFrames; actions (collect, count, show, ...; see
 * dataframe-actions.ts) send the plan to the session's backend and decode the Arrow result.
 */
import type { Expression } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { asSortOrder, columnReference, star } from "../plan/expressions.js";
import { describeType } from "../plan/literals.js";
import { requireBoolean, requireNonNegativeInteger } from "./action-options.js";
import { Column, requireColumn, requireString } from "./column.js";
import { type ColumnOrName, columnOrName } from "./column-names.js";
import { DataFramePreparation } from "./dataframe-preparation.js";
import { expr } from "./functions.js";
import { GroupedData } from "./grouped-data.js";
import { joinCondition, parseJoinType } from "./join-arguments.js";

type ColumnList = Array<ColumnOrName | readonly ColumnOrName[]>;

/** Accepts `f(a, b)` as well as `f([a, b])`, like PySpark. */
function flattenColumns(cols: ColumnList): ColumnOrName[] {
  return cols.flatMap((c) => (Array.isArray(c) ? [...c] : [c as ColumnOrName]));
}

export class DataFrame extends DataFramePreparation {
  private get plans() {
    return this.sparkSession.plans;
  }

  /** A DataFrame of this session over `relation` (a plan built on this one). */
  withRelation(relation: Relation): DataFrame {
    return new DataFrame(this.sparkSession, relation);
  }

  private checkSameSession(other: unknown, argName: string): DataFrame {
    if (!(other instanceof DataFrame)) {
      throw new ClientArgumentError(`${argName} must be a DataFrame, got ${describeType(other)}.`, {
        errorClass: "NOT_DATAFRAME",
      });
    }
    if (other.sparkSession !== this.sparkSession) {
      throw new ClientArgumentError("Both DataFrames must belong to the same SparkSession.", {
        errorClass: "SESSION_NOT_SAME",
      });
    }
    return other;
  }

  // ---- Columns of this DataFrame ---------------------------------------------------------------------------

  /** A column of this DataFrame by name, bound to it (so `a.col("id").eq(b.col("id"))` is unambiguous). */
  col(name: string): Column {
    requireString(name, "name");
    return new Column(name === "*" ? star(undefined, this.planId) : columnReference(name, this.planId));
  }

  /** A metadata column of this DataFrame's source (e.g. `_metadata`). */
  metadataColumn(name: string): Column {
    return new Column(columnReference(requireString(name, "name"), this.planId, true));
  }

  // ---- Transformations -------------------------------------------------------------------------------------

  select(...cols: ColumnList): DataFrame {
    const exprs = flattenColumns(cols).map((c) => columnOrName(c, "select").expr);
    return this.withRelation(this.plans.project(this.relation, exprs));
  }

  /** Projects SQL expressions, e.g. `selectExpr("a * 2 AS b", "abs(c)")`. */
  selectExpr(...exprs: Array<string | readonly string[]>): DataFrame {
    const texts = exprs.flatMap((e) => (Array.isArray(e) ? [...e] : [e as string]));
    return this.withRelation(
      this.plans.project(
        this.relation,
        texts.map((t) => expr(requireString(t, "selectExpr")).expr),
      ),
    );
  }

  /** Keeps rows where `condition` (a boolean Column or a SQL string) is true. */
  filter(condition: Column | string): DataFrame {
    const column = typeof condition === "string" ? expr(condition) : condition;
    if (!(column instanceof Column)) {
      throw new ClientArgumentError(`condition must be a Column or a SQL string, got ${describeType(condition)}.`, {
        errorClass: "NOT_COLUMN_OR_STR",
      });
    }
    return this.withRelation(this.plans.filter(this.relation, column.expr));
  }

  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  withColumn(colName: string, col: Column): DataFrame {
    requireString(colName, "colName");
    requireColumn(col, "col");
    return this.withRelation(this.plans.withColumns(this.relation, [[colName, col.expr]]));
  }

  /** Adds or replaces several columns at once, from an object or a Map of name to Column. */
  withColumns(colsMap: Readonly<Record<string, Column>> | ReadonlyMap<string, Column>): DataFrame {
    if (typeof colsMap !== "object" || colsMap === null) {
      throw new ClientArgumentError(`colsMap must be an object of name to Column, got ${describeType(colsMap)}.`, {
        errorClass: "NOT_DICT",
      });
    }
    const entries = colsMap instanceof Map ? [...colsMap.entries()] : Object.entries(colsMap);
    if (entries.length === 0) throw new ClientArgumentError("withColumns needs at least one column.");
    const pairs = entries.map(([name, column]): [string, Expression] => {
      requireColumn(column, `colsMap["${name}"]`);
      return [name, column.expr];
    });
    return this.withRelation(this.plans.withColumns(this.relation, pairs));
  }

  withColumnRenamed(existing: string, newName: string): DataFrame {
    return this.withColumnsRenamed({ [requireString(existing, "existing")]: requireString(newName, "new") });
  }

  withColumnsRenamed(colsMap: Readonly<Record<string, string>>): DataFrame {
    const renames = Object.entries(colsMap).map(([from, to]): [string, string] => [from, requireString(to, from)]);
    return this.withRelation(this.plans.withColumnsRenamed(this.relation, renames));
  }

  /** Renames every column, in order. */
  toDF(...names: string[]): DataFrame {
    for (const name of names) requireString(name, "cols");
    return this.withRelation(this.plans.toDf(this.relation, names));
  }

  /** Drops columns given by name (unknown names are ignored, as in Spark) or as Columns. */
  drop(...cols: ColumnOrName[]): DataFrame {
    const columns: Expression[] = [];
    const names: string[] = [];
    for (const c of cols) {
      if (typeof c === "string") names.push(c);
      else columns.push(columnOrName(c, "drop").expr);
    }
    return this.withRelation(this.plans.drop(this.relation, columns, names));
  }

  groupBy(...cols: ColumnList): GroupedData {
    return new GroupedData(
      this,
      "groupby",
      flattenColumns(cols).map((c) => columnOrName(c, "groupBy")),
    );
  }

  groupby(...cols: ColumnList): GroupedData {
    return this.groupBy(...cols);
  }

  rollup(...cols: ColumnList): GroupedData {
    return new GroupedData(
      this,
      "rollup",
      flattenColumns(cols).map((c) => columnOrName(c, "rollup")),
    );
  }

  cube(...cols: ColumnList): GroupedData {
    return new GroupedData(
      this,
      "cube",
      flattenColumns(cols).map((c) => columnOrName(c, "cube")),
    );
  }

  /** Aggregates over all rows (shorthand for `groupBy().agg(...)`). */
  agg(...exprs: Column[] | [Readonly<Record<string, string>>]): DataFrame {
    return this.groupBy().agg(...exprs);
  }

  /** Sorts by the given columns; names and plain Columns sort ascending with nulls first. */
  orderBy(...cols: ColumnList): DataFrame {
    const columns = flattenColumns(cols);
    if (columns.length === 0)
      throw new ClientArgumentError("orderBy needs at least one column.", { errorClass: "CANNOT_BE_EMPTY" });
    const order = columns.map((c) => asSortOrder(columnOrName(c, "orderBy").expr));
    return this.withRelation(this.plans.sort(this.relation, order, true));
  }

  sort(...cols: ColumnList): DataFrame {
    return this.orderBy(...cols);
  }

  sortWithinPartitions(...cols: ColumnList): DataFrame {
    const order = flattenColumns(cols).map((c) => asSortOrder(columnOrName(c, "sortWithinPartitions").expr));
    return this.withRelation(this.plans.sort(this.relation, order, false));
  }

  limit(num: number): DataFrame {
    return this.withRelation(this.plans.limit(this.relation, requireNonNegativeInteger(num, "num")));
  }

  offset(num: number): DataFrame {
    return this.withRelation(this.plans.offset(this.relation, requireNonNegativeInteger(num, "num")));
  }

  /**
   * Joins with `other`. `on` is a column name or names present on both sides (each appears once in the result),
   * or a boolean Column (or Columns, combined with AND). `how` is one of PySpark's join types (default inner).
   */
  join(
    other: DataFrame,
    on?: string | readonly string[] | Column | readonly Column[] | null,
    how?: string | null,
  ): DataFrame {
    const right = this.checkSameSession(other, "other");
    const kind = parseJoinType(how);
    return this.withRelation(this.plans.join(this.relation, right.relation, kind, joinCondition(on)));
  }

  crossJoin(other: DataFrame): DataFrame {
    const right = this.checkSameSession(other, "other");
    return this.withRelation(this.plans.join(this.relation, right.relation, "cross", {}));
  }

  /** Appends the rows of `other`, matching columns by position (duplicates kept, as SQL UNION ALL). */
  union(other: DataFrame): DataFrame {
    return this.setOperation(other, "union", true, false, false);
  }

  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }

  /** Appends the rows of `other`, matching columns by name; missing ones become null if allowed. */
  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    return this.setOperation(other, "union", true, true, requireBoolean(allowMissingColumns, "allowMissingColumns"));
  }

  intersect(other: DataFrame): DataFrame {
    return this.setOperation(other, "intersect", false, false, false);
  }

  intersectAll(other: DataFrame): DataFrame {
    return this.setOperation(other, "intersect", true, false, false);
  }

  subtract(other: DataFrame): DataFrame {
    return this.setOperation(other, "except", false, false, false);
  }

  exceptAll(other: DataFrame): DataFrame {
    return this.setOperation(other, "except", true, false, false);
  }

  private setOperation(
    other: DataFrame,
    kind: "union" | "intersect" | "except",
    isAll: boolean,
    byName: boolean,
    allowMissingColumns: boolean,
  ): DataFrame {
    const right = this.checkSameSession(other, "other");
    // PySpark sets all three flags on every set operation (unionByName is a UNION ALL by name).
    return this.withRelation(
      this.plans.setOperation(this.relation, right.relation, kind, { isAll, byName, allowMissingColumns }),
    );
  }

  distinct(): DataFrame {
    return this.withRelation(this.plans.deduplicate(this.relation));
  }

  /** Drops duplicate rows, comparing only `subset` when given. */
  dropDuplicates(subset?: readonly string[]): DataFrame {
    if (subset === undefined) return this.distinct();
    if (!Array.isArray(subset)) {
      throw new ClientArgumentError(`subset must be an array of column names, got ${describeType(subset)}.`, {
        errorClass: "NOT_LIST_OR_TUPLE",
      });
    }
    for (const name of subset) requireString(name, "subset");
    return this.withRelation(this.plans.deduplicate(this.relation, subset));
  }

  drop_duplicates(subset?: readonly string[]): DataFrame {
    return this.dropDuplicates(subset);
  }

  /** Names this DataFrame so its columns can be qualified, e.g. `df.alias("a")` then `col("a.id")`. */
  alias(alias: string): DataFrame {
    return this.withRelation(this.plans.subqueryAlias(this.relation, requireString(alias, "alias")));
  }

  /** Applies `f` to this DataFrame (for chaining reusable transformations). */
  transform<A extends unknown[]>(f: (df: DataFrame, ...args: A) => DataFrame, ...args: A): DataFrame {
    return f(this, ...args);
  }
}
