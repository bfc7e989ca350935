/**
 * A DataFrame is an immutable, lazily evaluated query: it holds one proto Relation (with its plan id) and the
 * session that made it. Transformations (here) return new DataFrames; actions (collect, count, show, ...; see
 * dataframe-actions.ts) send the plan to the session's backend and decode the Arrow result.
 */
import type { DataFrameApi } from "../../generated/api/dataframe.js";
import type { Expression, Expression_SortOrder } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { asSortOrder, columnReference, star } from "../plan/expressions.js";
import { describeType } from "../plan/literals.js";
import type { StructType } from "../types/index.js";
import { requireBoolean, requireNonNegativeInteger } from "./action-options.js";
import { Column, requireColumn, requireString } from "./column.js";
import { type ColumnOrName, columnByName, columnOrName } from "./column-names.js";
import { DataFrameServerState } from "./dataframe-server-state.js";
import { expr } from "./functions.js";
import { GroupedData } from "./grouped-data.js";
import { createWriter, type DataFrameWriter } from "./io/dataframe-writer.js";
import { createWriterV2, type DataFrameWriterV2 } from "./io/dataframe-writer-v2.js";
import { createMergeIntoWriter, type MergeIntoWriter } from "./io/merge-into-writer.js";
import { joinCondition, parseJoinType } from "./join-arguments.js";
import { applyAscending, type SortOptions, splitSortOptions } from "./sort-arguments.js";

type ColumnList = Array<ColumnOrName | readonly ColumnOrName[]>;
/** Columns, names or 1-based column positions. */
type OrdinalColumnList = Array<ColumnOrName | number | readonly (ColumnOrName | number)[]>;
/** Sort keys, optionally followed by PySpark's `ascending` option. */
type SortArguments = Array<OrdinalColumnList[number] | SortOptions>;

/** Accepts `f(a, b)` as well as `f([a, b])`, like PySpark. */
function flattenColumns<T>(cols: ReadonlyArray<T | readonly T[]>): T[] {
  return cols.flatMap((c) => (Array.isArray(c) ? [...(c as readonly T[])] : [c as T]));
}

export class DataFrame extends DataFrameServerState implements DataFrameApi {
  private get plans() {
    return this.sparkSession.plans;
  }

  /** A DataFrame of this session over `relation` (a plan built on this one). */
  withRelation(relation: Relation): DataFrame {
    return new DataFrame(this.sparkSession, relation);
  }

  withKnownSchema(relation: Relation, schema: StructType): DataFrame {
    return new DataFrame(this.sparkSession, relation, schema);
  }

  /** Like `withRelation` for plans that keep this DataFrame's columns, so a known schema carries over. */
  withSameSchema(relation: Relation): DataFrame {
    return new DataFrame(this.sparkSession, relation, this.knownSchema);
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
    return this.withSameSchema(this.plans.filter(this.relation, column.expr));
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

  /** Groups by columns, names, or 1-based ordinals (ordinals need the schema loaded, see `ordinal`). */
  groupBy(...cols: OrdinalColumnList): GroupedData {
    return new GroupedData(this, "groupby", this.groupingColumns(cols, "groupBy"));
  }

  groupby(...cols: OrdinalColumnList): GroupedData {
    return this.groupBy(...cols);
  }

  rollup(...cols: OrdinalColumnList): GroupedData {
    return new GroupedData(this, "rollup", this.groupingColumns(cols, "rollup"));
  }

  cube(...cols: OrdinalColumnList): GroupedData {
    return new GroupedData(this, "cube", this.groupingColumns(cols, "cube"));
  }

  /**
   * Groups by each of the given sets of columns in one aggregation (SQL's GROUPING SETS); `cols` are the
   * grouping expressions the result keeps (every column a set uses must be among them).
   */
  groupingSets(groupingSets: (readonly ColumnOrName[])[], ...cols: ColumnOrName[]): GroupedData {
    if (!Array.isArray(groupingSets)) {
      throw new ClientArgumentError(`groupingSets must be a list of lists, got ${describeType(groupingSets)}.`, {
        errorClass: "NOT_LIST",
        messageParameters: { arg_name: "groupingSets", arg_type: describeType(groupingSets) },
      });
    }
    const sets = groupingSets.map((set) => {
      if (!Array.isArray(set)) {
        throw new ClientArgumentError(`each grouping set must be a list, got ${describeType(set)}.`, {
          errorClass: "NOT_LIST",
          messageParameters: { arg_name: "groupingSets", arg_type: describeType(set) },
        });
      }
      return set.map((c) => columnOrName(c, "groupingSets"));
    });
    const columns = cols.map((c) => columnOrName(c, "cols"));
    return new GroupedData(this, "grouping_sets", columns, undefined, sets);
  }

  /**
   * Wide to long: keeps the `ids` columns and turns each of the `values` columns into a row holding the column's
   * name (in `variableColumnName`) and its value (in `valueColumnName`). `values` null means every non-id column.
   */
  unpivot(
    ids: ColumnOrName | readonly ColumnOrName[],
    values: ColumnOrName | readonly ColumnOrName[] | null,
    variableColumnName: string,
    valueColumnName: string,
  ): DataFrame {
    if (ids === null || ids === undefined) {
      throw new ClientArgumentError("ids must not be null.", {
        errorClass: "ARGUMENT_REQUIRED",
        messageParameters: { arg_name: "ids", condition: "always" },
      });
    }
    const asColumns = (value: ColumnOrName | readonly ColumnOrName[], argName: string): Expression[] =>
      (Array.isArray(value) ? [...(value as readonly ColumnOrName[])] : [value as ColumnOrName]).map(
        (c) => columnOrName(c, argName).expr,
      );
    requireString(variableColumnName, "variableColumnName");
    requireString(valueColumnName, "valueColumnName");
    const relation = this.plans.unpivot(
      this.relation,
      asColumns(ids, "ids"),
      values === null || values === undefined ? undefined : asColumns(values, "values"),
      variableColumnName,
      valueColumnName,
    );
    return this.withRelation(relation);
  }

  /** Same as `unpivot` (the pandas name). */
  melt(
    ids: ColumnOrName | readonly ColumnOrName[],
    values: ColumnOrName | readonly ColumnOrName[] | null,
    variableColumnName: string,
    valueColumnName: string,
  ): DataFrame {
    return this.unpivot(ids, values, variableColumnName, valueColumnName);
  }

  private groupingColumns(cols: OrdinalColumnList, method: string): Column[] {
    return flattenColumns(cols).map((c) => (typeof c === "number" ? this.ordinal(c, method) : columnOrName(c, method)));
  }

  /** Aggregates over all rows (shorthand for `groupBy().agg(...)`). */
  agg(...exprs: Column[] | [Readonly<Record<string, string>>]): DataFrame {
    return this.groupBy().agg(...exprs);
  }

  /**
   * Sorts by columns, names or 1-based ordinals (a negative ordinal sorts descending). Names and plain Columns
   * sort ascending with nulls first; a trailing `{ ascending: false }` (or one flag per key) sorts descending.
   */
  orderBy(...cols: SortArguments): DataFrame {
    return this.withSameSchema(this.plans.sort(this.relation, this.sortOrders(cols, "orderBy"), true));
  }

  sort(...cols: SortArguments): DataFrame {
    return this.orderBy(...cols);
  }

  sortWithinPartitions(...cols: SortArguments): DataFrame {
    return this.withSameSchema(this.plans.sort(this.relation, this.sortOrders(cols, "sortWithinPartitions"), false));
  }

  private sortOrders(args: SortArguments, method: string): Expression_SortOrder[] {
    const { cols, options } = splitSortOptions<OrdinalColumnList[number]>(args);
    const columns = flattenColumns(cols);
    if (columns.length === 0) {
      throw new ClientArgumentError(`${method} needs at least one column.`, { errorClass: "CANNOT_BE_EMPTY" });
    }
    const keys = columns.map((c) => {
      if (typeof c !== "number") return columnOrName(c, method);
      return c < 0 ? this.ordinal(-c, method).desc() : this.ordinal(c, method);
    });
    return applyAscending(keys, options.ascending).map((key) => asSortOrder(key.expr));
  }

  /**
   * The column at a 1-based position. PySpark looks the schema up on the spot; sparkts keeps transformations
   * synchronous, so the schema must have been loaded already (`await df.columns`), else this fails clearly.
   */
  private ordinal(position: number, method: string): Column {
    if (!Number.isInteger(position) || position === 0) {
      throw new ClientArgumentError(`${method}: column ordinals are 1-based integers, got ${position}.`, {
        errorClass: "ZERO_INDEX",
      });
    }
    const names = this.knownColumnNames;
    if (names === undefined) {
      throw new ClientArgumentError(
        `${method}(${position}): a column ordinal needs this DataFrame's schema; load it first with \`await df.columns\`.`,
        { errorClass: "SCHEMA_NOT_LOADED" },
      );
    }
    const name = names[position - 1];
    if (name === undefined) {
      throw new ClientArgumentError(`${method}: ordinal ${position} is beyond the ${names.length} columns.`, {
        errorClass: "INDEX_OUT_OF_RANGE",
      });
    }
    return columnByName(name);
  }

  limit(num: number): DataFrame {
    return this.withSameSchema(this.plans.limit(this.relation, requireNonNegativeInteger(num, "num")));
  }

  offset(num: number): DataFrame {
    return this.withSameSchema(this.plans.offset(this.relation, requireNonNegativeInteger(num, "num")));
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
    return this.withSameSchema(this.plans.deduplicate(this.relation));
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
    return this.withSameSchema(this.plans.deduplicate(this.relation, subset));
  }

  drop_duplicates(subset?: readonly string[]): DataFrame {
    return this.dropDuplicates(subset);
  }

  /** Names this DataFrame so its columns can be qualified, e.g. `df.alias("a")` then `col("a.id")`. */
  alias(alias: string): DataFrame {
    return this.withSameSchema(this.plans.subqueryAlias(this.relation, requireString(alias, "alias")));
  }

  /** Saves this DataFrame to files or tables (the V1 writer); a new writer each time, as in PySpark. */
  get write(): DataFrameWriter {
    return createWriter(this);
  }

  /** Writes this DataFrame to `table` through the V2 table API (create, append, overwrite…). */
  writeTo(table: string): DataFrameWriterV2 {
    return createWriterV2(this, requireString(table, "table"));
  }

  /** Merges this DataFrame into `table` where `condition` matches; add when… clauses, then `merge()`. */
  mergeInto(table: string, condition: Column): MergeIntoWriter {
    requireColumn(condition, "condition");
    return createMergeIntoWriter(this, requireString(table, "table"), condition);
  }

  /** Applies `f` to this DataFrame (for chaining reusable transformations). */
  transform<A extends unknown[]>(f: (df: DataFrame, ...args: A) => DataFrame, ...args: A): DataFrame {
    return f(this, ...args);
  }
}
