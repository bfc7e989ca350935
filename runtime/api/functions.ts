/**
 * The hand-written core of `functions`: column constructors, literals, SQL snippets, CASE WHEN, and the generic
 * `callFunction` that every other builtin (generated into `generated/functions`) is a thin wrapper over.
 */
import { ClientArgumentError } from "../errors/index.js";
import { functionCall, sqlExpression } from "../plan/expressions.js";
import { describeType, literalExpression } from "../plan/literals.js";
import { Column, type ColumnOrLiteral, requireColumn, requireString, toExpression } from "./column.js";
import { type ColumnOrName, columnByName, columnOrName } from "./column-names.js";

export type { ColumnOrName };

/** A column by name; `"*"` selects every column and `"t.*"` every column of `t`. */
export function col(name: string): Column {
  return columnByName(requireString(name, "col"));
}

export const column = col;

/**
 * A literal column. Numbers that are 32-bit integers become `int`, larger integers `long`, others `double`;
 * `bigint` is `long`, `Date` a timestamp, `Uint8Array` binary; an array becomes `array(lit(x), ...)`.
 * A Column is returned unchanged.
 */
export function lit(value: ColumnOrLiteral): Column {
  if (value instanceof Column) return value;
  if (Array.isArray(value)) {
    if (value.some((element: unknown) => element instanceof Column)) {
      throw new ClientArgumentError("lit does not accept an array holding Columns; use array(...) instead.", {
        errorClass: "COLUMN_IN_LIST",
      });
    }
    return new Column(
      functionCall(
        "array",
        value.map((element) => lit(element).expr),
      ),
    );
  }
  return new Column(literalExpression(value, "lit"));
}

/** A SQL expression parsed by the server, e.g. `expr("length(name) + 1")`. */
export function expr(sql: string): Column {
  return new Column(sqlExpression(requireString(sql, "expr")));
}

/** Starts a CASE WHEN; chain `.when(...)` for more branches and `.otherwise(...)` for the default. */
export function when(condition: Column, value: ColumnOrLiteral): Column {
  requireColumn(condition, "condition");
  return new Column(functionCall("when", [condition.expr, toExpression(value)]));
}

/**
 * Calls a Spark function by name with Column (or column name) arguments. This is the building block of every
 * builtin function; names of columns are resolved by the server.
 */
export function callFunction(name: string, ...cols: ColumnOrName[]): Column {
  requireString(name, "name");
  return new Column(
    functionCall(
      name,
      cols.map((c) => columnOrName(c, name).expr),
    ),
  );
}

/** Like `callFunction`, for functions called with DISTINCT (`count(DISTINCT a, b)`). */
export function callDistinctFunction(name: string, ...cols: ColumnOrName[]): Column {
  requireString(name, "name");
  return new Column(
    functionCall(
      name,
      cols.map((c) => columnOrName(c, name).expr),
      true,
    ),
  );
}

/** Logical negation. */
export function not(value: ColumnOrName): Column {
  return callFunction("not", value);
}

export function asc(value: ColumnOrName): Column {
  return columnOrName(value, "asc").asc();
}

export function desc(value: ColumnOrName): Column {
  return columnOrName(value, "desc").desc();
}

export function sum(value: ColumnOrName): Column {
  return callFunction("sum", value);
}

/**
 * Counts non-null values. `count(col("*"))` counts rows and is sent as `count(1)`, while the name `"*"` is sent
 * as a star: both exactly as PySpark sends them.
 */
export function count(value: ColumnOrName): Column {
  const isStarColumn = value instanceof Column && value.expr.exprType.case === "unresolvedStar";
  return isStarColumn ? new Column(functionCall("count", [literalExpression(1)])) : callFunction("count", value);
}

export function avg(value: ColumnOrName): Column {
  return callFunction("avg", value);
}

/** PySpark sends `mean` as `avg`; so do we, for identical plans. */
export function mean(value: ColumnOrName): Column {
  return callFunction("avg", value);
}

export function min(value: ColumnOrName): Column {
  return callFunction("min", value);
}

export function max(value: ColumnOrName): Column {
  return callFunction("max", value);
}

/** The number of distinct combinations of the given columns (nulls not counted). */
export function count_distinct(first: ColumnOrName, ...rest: ColumnOrName[]): Column {
  return callDistinctFunction("count", first, ...rest);
}

export const countDistinct = count_distinct;

/** Fails clearly when a function that needs at least one column got none (for JS callers). */
export function requireSomeColumns(cols: readonly unknown[], functionName: string): void {
  if (cols.length === 0) {
    throw new ClientArgumentError(`${functionName} needs at least one column.`, { errorClass: "CANNOT_BE_EMPTY" });
  }
  for (const c of cols) {
    if (!(c instanceof Column) && typeof c !== "string") {
      throw new ClientArgumentError(`${functionName}: expected Columns or column names, got ${describeType(c)}.`, {
        errorClass: "NOT_COLUMN_OR_STR",
      });
    }
  }
}
