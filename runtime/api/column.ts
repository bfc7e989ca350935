/**
 * A Column is an unevaluated expression over the rows of a DataFrame. Every method returns a new Column; nothing is
 * computed until a DataFrame action runs. Operators follow PySpark's Connect client: they become calls of Spark's
 * SQL operator functions (`+`, `==`, `and`, ...), which the server resolves.
 */
import type { ColumnApi } from "../../generated/api/column.js";
import type { Expression } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { DataType } from "../../generated/proto/spark/connect/types_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import {
  aliasExpression,
  castExpression,
  extractValue,
  functionCall,
  sortOrderExpression,
  updateFields,
} from "../plan/expressions.js";
import { describeType, type LiteralValue, literalExpression } from "../plan/literals.js";
import { pythonJsonDumps } from "../plan/python-json.js";
import { dataTypeToProto, type SparkDataType, DataType as SparkType } from "../types/index.js";
import type { WindowSpec } from "./window.js";

/** A Column or a JS value taken as a literal. */
export type ColumnOrLiteral = Column | LiteralValue;

/** Names for `alias`, optionally followed by `{ metadata }` (PySpark's keyword argument). */
type AliasArguments = Array<string | { readonly metadata?: Record<string, unknown> | null }>;

/** The expression of a Column, or the literal expression for a plain value. */
export function toExpression(value: ColumnOrLiteral, argName = "value"): Expression {
  return value instanceof Column ? value.expr : literalExpression(value, argName);
}

export class Column implements ColumnApi {
  constructor(readonly expr: Expression) {}

  private call(name: string, ...args: Expression[]): Column {
    return new Column(functionCall(name, [this.expr, ...args]));
  }

  private binary(name: string, other: ColumnOrLiteral, argName = "other"): Column {
    return this.call(name, toExpression(other, argName));
  }

  // Arithmetic.
  plus(other: ColumnOrLiteral): Column {
    return this.binary("+", other);
  }
  minus(other: ColumnOrLiteral): Column {
    return this.binary("-", other);
  }
  multiply(other: ColumnOrLiteral): Column {
    return this.binary("*", other);
  }
  divide(other: ColumnOrLiteral): Column {
    return this.binary("/", other);
  }
  mod(other: ColumnOrLiteral): Column {
    return this.binary("%", other);
  }
  pow(other: ColumnOrLiteral): Column {
    return this.binary("power", other);
  }
  negate(): Column {
    return this.call("negative");
  }

  // Comparison.
  eq(other: ColumnOrLiteral): Column {
    return this.binary("==", other);
  }
  /** Not equal (PySpark's `!=`): Spark has no `!=` function, so this is `not(a == b)` as in PySpark. */
  ne(other: ColumnOrLiteral): Column {
    return new Column(functionCall("not", [this.binary("==", other).expr]));
  }
  lt(other: ColumnOrLiteral): Column {
    return this.binary("<", other);
  }
  le(other: ColumnOrLiteral): Column {
    return this.binary("<=", other);
  }
  gt(other: ColumnOrLiteral): Column {
    return this.binary(">", other);
  }
  ge(other: ColumnOrLiteral): Column {
    return this.binary(">=", other);
  }
  /** Equality that treats two nulls as equal (`<=>`). */
  eqNullSafe(other: ColumnOrLiteral): Column {
    return this.binary("<=>", other);
  }
  between(lowerBound: ColumnOrLiteral, upperBound: ColumnOrLiteral): Column {
    return this.ge(lowerBound).and(this.le(upperBound));
  }

  // Boolean logic (`not` is the function `not(col)`).
  and(other: ColumnOrLiteral): Column {
    return this.binary("and", other);
  }
  or(other: ColumnOrLiteral): Column {
    return this.binary("or", other);
  }

  // Bitwise.
  bitwiseOR(other: ColumnOrLiteral): Column {
    return this.binary("|", other);
  }
  bitwiseAND(other: ColumnOrLiteral): Column {
    return this.binary("&", other);
  }
  bitwiseXOR(other: ColumnOrLiteral): Column {
    return this.binary("^", other);
  }

  // Null and membership tests.
  isNull(): Column {
    return this.call("isNull");
  }
  isNotNull(): Column {
    return this.call("isNotNull");
  }
  isNaN(): Column {
    return this.call("isNaN");
  }
  /** Membership in a list of values or columns: `isin(1, 2)` or `isin([1, 2])`. */
  isin(...values: ColumnOrLiteral[] | [readonly ColumnOrLiteral[]]): Column {
    const first = values[0];
    const list: readonly ColumnOrLiteral[] =
      values.length === 1 && Array.isArray(first) ? first : (values as ColumnOrLiteral[]);
    return this.call("in", ...list.map((value) => toExpression(value, "isin values")));
  }

  // Strings.
  like(pattern: string): Column {
    return this.binary("like", requireString(pattern, "pattern"));
  }
  ilike(pattern: string): Column {
    return this.binary("ilike", requireString(pattern, "pattern"));
  }
  rlike(pattern: string): Column {
    return this.binary("rlike", requireString(pattern, "pattern"));
  }
  contains(other: ColumnOrLiteral): Column {
    return this.binary("contains", other);
  }
  startswith(other: ColumnOrLiteral): Column {
    return this.binary("startsWith", other);
  }
  endswith(other: ColumnOrLiteral): Column {
    return this.binary("endsWith", other);
  }
  /** The substring from 1-based `startPos` of `length` characters (both numbers or both Columns). */
  substr(startPos: number | Column, length: number | Column): Column {
    const bothNumbers = typeof startPos === "number" && typeof length === "number";
    const bothColumns = startPos instanceof Column && length instanceof Column;
    if (!bothNumbers && !bothColumns) {
      throw new ClientArgumentError(
        `substr: startPos and length must both be numbers or both be Columns, got ${describeType(startPos)} and ${describeType(length)}.`,
        { errorClass: "NOT_SAME_TYPE" },
      );
    }
    return this.call("substr", toExpression(startPos), toExpression(length));
  }

  // Nested data.
  /** An array element by index, or a map value by key. */
  getItem(key: ColumnOrLiteral): Column {
    return new Column(extractValue(this.expr, toExpression(key, "key")));
  }
  /** A struct field by name. */
  getField(name: string): Column {
    return new Column(extractValue(this.expr, literalExpression(requireString(name, "name"))));
  }
  withField(fieldName: string, value: Column): Column {
    requireColumn(value, "value");
    return new Column(updateFields(this.expr, requireString(fieldName, "fieldName"), value.expr));
  }
  dropFields(...fieldNames: string[]): Column {
    if (fieldNames.length === 0) throw new ClientArgumentError("dropFields needs at least one field name.");
    let expr = this.expr;
    for (const name of fieldNames) expr = updateFields(expr, requireString(name, "fieldNames"));
    return new Column(expr);
  }

  // Types and names.
  /** Converts to a type given as a DDL string (`"bigint"`, `"decimal(10,2)"`) or a DataType (`new DecimalType(10, 2)`). */
  cast(dataType: string | SparkType | DataType): Column {
    return new Column(castExpression(this.expr, requireDataType(dataType)));
  }
  astype(dataType: string | SparkType | DataType): Column {
    return this.cast(dataType);
  }
  /** Like `cast`, but yields null instead of failing on values that do not convert. */
  try_cast(dataType: string | SparkType | DataType): Column {
    return new Column(castExpression(this.expr, requireDataType(dataType), "try"));
  }
  /**
   * Names the column; several names for functions that produce several columns (e.g. `posexplode`). A trailing
   * `{ metadata }` attaches field metadata (JSON-serialisable) to a single name, like PySpark's keyword.
   */
  alias(...args: AliasArguments): Column {
    const last = args.at(-1);
    const options = typeof last === "object" ? last : undefined;
    const names = (options === undefined ? args : args.slice(0, -1)) as unknown[];
    if (names.length === 0) throw new ClientArgumentError("alias needs at least one name.");
    for (const name of names) requireString(name, "alias");
    const metadata = options?.metadata;
    if (metadata === undefined || metadata === null) return new Column(aliasExpression(this.expr, names as string[]));
    if (names.length > 1) {
      throw new ClientArgumentError("metadata can only be given with a single alias.", {
        errorClass: "ONLY_ALLOWED_FOR_SINGLE_COLUMN",
      });
    }
    return new Column(aliasExpression(this.expr, names as string[], pythonJsonDumps(metadata)));
  }
  name(...args: AliasArguments): Column {
    return this.alias(...args);
  }
  as(...args: AliasArguments): Column {
    return this.alias(...args);
  }

  // Sorting (ascending puts nulls first and descending puts them last unless told otherwise, as in Spark).
  asc(): Column {
    return this.asc_nulls_first();
  }
  asc_nulls_first(): Column {
    return new Column(sortOrderExpression(this.expr, true, true));
  }
  asc_nulls_last(): Column {
    return new Column(sortOrderExpression(this.expr, true, false));
  }
  desc(): Column {
    return this.desc_nulls_last();
  }
  desc_nulls_first(): Column {
    return new Column(sortOrderExpression(this.expr, false, true));
  }
  desc_nulls_last(): Column {
    return new Column(sortOrderExpression(this.expr, false, false));
  }

  // CASE WHEN, built as Spark's `when(cond1, value1, cond2, value2, ..., else)` function.
  /** Adds a branch to a Column made by `functions.when`. */
  when(condition: Column, value: ColumnOrLiteral): Column {
    requireColumn(condition, "condition");
    const args = caseWhenArguments(this.expr, "when");
    if (args.length % 2 === 1)
      throw new ClientArgumentError("when() cannot follow otherwise().", { errorClass: "INVALID_WHEN_USAGE" });
    return new Column(functionCall("when", [...args, condition.expr, toExpression(value)]));
  }
  /** The value for rows no branch matched; without it they get null. */
  otherwise(value: ColumnOrLiteral): Column {
    const args = caseWhenArguments(this.expr, "otherwise");
    if (args.length % 2 === 1)
      throw new ClientArgumentError("otherwise() can only be applied once.", { errorClass: "INVALID_WHEN_USAGE" });
    return new Column(functionCall("when", [...args, toExpression(value)]));
  }

  /** Evaluates a window or aggregate function over a window. */
  over(window: WindowSpec): Column {
    if (typeof window !== "object" || window === null || typeof window.toExpression !== "function") {
      throw new ClientArgumentError(`over: window must be a WindowSpec, got ${describeType(window)}.`, {
        errorClass: "NOT_WINDOWSPEC",
      });
    }
    return new Column(window.toExpression(this.expr));
  }

  /** Applies `f` to this column (for chaining reusable column transformations). */
  transform(f: (column: Column) => Column): Column {
    return f(this);
  }

  /**
   * Marks a column of an outer query inside a subquery (`df.scalar()`, `df.exists()`, lateral joins). Spark
   * Connect resolves such references on the server, so the column itself is unchanged, as in PySpark.
   */
  outer(): Column {
    return new Column(this.expr);
  }

  toString(): string {
    return `Column<${this.expr.exprType.case ?? "empty"}>`;
  }
}

function caseWhenArguments(expr: Expression, method: string): Expression[] {
  if (expr.exprType.case !== "unresolvedFunction" || expr.exprType.value.functionName !== "when") {
    throw new ClientArgumentError(`${method}() can only be applied to a Column made by functions.when().`, {
      errorClass: "INVALID_WHEN_USAGE",
    });
  }
  return expr.exprType.value.arguments;
}

export function requireColumn(value: unknown, argName: string): asserts value is Column {
  if (!(value instanceof Column)) {
    throw new ClientArgumentError(`${argName} must be a Column, got ${describeType(value)}.`, {
      errorClass: "NOT_COLUMN",
      messageParameters: { arg_name: argName, arg_type: describeType(value) },
    });
  }
}

export function requireString(value: unknown, argName: string): string {
  if (typeof value !== "string") {
    throw new ClientArgumentError(`${argName} must be a string, got ${describeType(value)}.`, {
      errorClass: "NOT_STR",
      messageParameters: { arg_name: argName, arg_type: describeType(value) },
    });
  }
  return value;
}

function requireDataType(value: unknown): string | DataType {
  if (typeof value === "string") return value;
  if (value instanceof SparkType) return dataTypeToProto(value as SparkDataType);
  if (
    typeof value === "object" &&
    value !== null &&
    "$typeName" in value &&
    value.$typeName === "spark.connect.DataType"
  ) {
    return value as DataType;
  }
  throw new ClientArgumentError(`dataType must be a type name string or a DataType, got ${describeType(value)}.`, {
    errorClass: "NOT_DATATYPE_OR_STR",
    messageParameters: { arg_name: "dataType", arg_type: describeType(value) },
  });
}
