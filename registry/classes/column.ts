/** pyspark Column (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const columnClass: ClassEntryInput = {
  name: "Column",
  interfaceName: "ColumnApi",
  implementation: "Column",
  description: "An unevaluated expression over the rows of a DataFrame, combined with operators and functions.",
  members: [
    {
      name: "alias",
      kind: "method",
      params: [
        { name: "alias", tsType: "string", variadic: true },
        { name: "kwargs", tsType: "Record<string, unknown>", optional: true },
      ],
      returns: "ColumnApi",
      since: "1.3.0",
      description: "Names the column (several names for generators that make several columns).",
      status: { spark: supported, local: supported },
    },
    {
      name: "asc",
      kind: "method",
      params: [],
      returns: "ColumnApi",
      description: "Sort key in ascending order, nulls first.",
      status: { spark: supported, local: supported },
    },
    {
      name: "asc_nulls_first",
      kind: "method",
      params: [],
      returns: "ColumnApi",
      since: "2.4.0",
      description: "Sort key in ascending order with nulls first.",
      status: { spark: supported, local: supported },
    },
    {
      name: "asc_nulls_last",
      kind: "method",
      params: [],
      returns: "ColumnApi",
      since: "2.4.0",
      description: "Sort key in ascending order with nulls last.",
      status: { spark: supported, local: supported },
    },
    {
      name: "astype",
      kind: "method",
      params: [{ name: "dataType", tsType: "DataType | string" }],
      returns: "ColumnApi",
      description: "Casts the column to another type; same as cast.",
      status: { spark: supported, local: supported },
    },
    {
      name: "between",
      kind: "method",
      params: [
        { name: "lowerBound", tsType: "ColumnApi | LiteralValue | Date | number | bigint" },
        { name: "upperBound", tsType: "ColumnApi | LiteralValue | Date | number | bigint" },
      ],
      returns: "ColumnApi",
      since: "1.3.0",
      description: "True when the value lies between the bounds, both included.",
      status: { spark: supported, local: supported },
    },
    {
      name: "bitwiseAND",
      kind: "method",
      params: [{ name: "other", tsType: "ColumnApi | LiteralValue | number | bigint | Date" }],
      returns: "ColumnApi",
      description: "Bitwise AND with another value.",
      status: { spark: supported, local: supported },
    },
    {
      name: "bitwiseOR",
      kind: "method",
      params: [{ name: "other", tsType: "ColumnApi | LiteralValue | number | bigint | Date" }],
      returns: "ColumnApi",
      description: "Bitwise OR with another value.",
      status: { spark: supported, local: supported },
    },
    {
      name: "bitwiseXOR",
      kind: "method",
      params: [{ name: "other", tsType: "ColumnApi | LiteralValue | number | bigint | Date" }],
      returns: "ColumnApi",
      description: "Bitwise XOR with another value.",
      status: { spark: supported, local: supported },
    },
    {
      name: "cast",
      kind: "method",
      params: [{ name: "dataType", tsType: "DataType | string" }],
      returns: "ColumnApi",
      since: "1.3.0",
      description: "Casts the column to another type, given as a DataType or a DDL string.",
      status: { spark: supported, local: supported },
    },
    {
      name: "contains",
      kind: "method",
      params: [{ name: "other", tsType: "ColumnApi | LiteralValue | number | bigint | Date" }],
      returns: "ColumnApi",
      description: "True when the value contains the other value.",
      status: { spark: supported, local: supported },
    },
    {
      name: "desc",
      kind: "method",
      params: [],
      returns: "ColumnApi",
      since: "2.4.0",
      description: "Sort key in descending order, nulls last.",
      status: { spark: supported, local: supported },
    },
    {
      name: "desc_nulls_first",
      kind: "method",
      params: [],
      returns: "ColumnApi",
      since: "2.4.0",
      description: "Sort key in descending order with nulls first.",
      status: { spark: supported, local: supported },
    },
    {
      name: "desc_nulls_last",
      kind: "method",
      params: [],
      returns: "ColumnApi",
      since: "2.4.0",
      description: "Sort key in descending order with nulls last.",
      status: { spark: supported, local: supported },
    },
    {
      name: "dropFields",
      kind: "method",
      params: [{ name: "fieldNames", tsType: "string", variadic: true }],
      returns: "ColumnApi",
      since: "3.1.0",
      description: "Removes fields from a struct column by name.",
      status: { spark: supported, local: supported },
    },
    {
      name: "endswith",
      kind: "method",
      params: [{ name: "other", tsType: "ColumnApi | LiteralValue | number | bigint | Date" }],
      returns: "ColumnApi",
      description: "True when the string ends with the given suffix.",
      status: { spark: supported, local: supported },
    },
    {
      name: "eqNullSafe",
      kind: "method",
      params: [{ name: "other", tsType: "ColumnApi | LiteralValue | number | bigint | Date" }],
      returns: "ColumnApi",
      since: "2.3.0",
      description: "Equality that treats two nulls as equal and never returns null.",
      status: { spark: supported, local: supported },
    },
    {
      name: "getField",
      kind: "method",
      params: [{ name: "name", tsType: "unknown" }],
      returns: "ColumnApi",
      since: "1.3.0",
      description: "A field of a struct column, by name.",
      status: { spark: supported, local: supported },
    },
    {
      name: "getItem",
      kind: "method",
      params: [{ name: "key", tsType: "unknown" }],
      returns: "ColumnApi",
      since: "1.3.0",
      description: "An element of an array (by position) or a map (by key).",
      status: { spark: supported, local: supported },
    },
    {
      name: "ilike",
      kind: "method",
      params: [{ name: "other", tsType: "string" }],
      returns: "ColumnApi",
      since: "3.3.0",
      description: "Case-insensitive SQL LIKE match.",
      status: { spark: supported, local: supported },
    },
    {
      name: "isNaN",
      kind: "method",
      params: [],
      returns: "ColumnApi",
      since: "4.0.0",
      description: "True when the value is NaN.",
      status: { spark: supported, local: supported },
    },
    {
      name: "isNotNull",
      kind: "method",
      params: [],
      returns: "ColumnApi",
      description: "True when the value is not null.",
      status: { spark: supported, local: supported },
    },
    {
      name: "isNull",
      kind: "method",
      params: [],
      returns: "ColumnApi",
      description: "True when the value is null.",
      status: { spark: supported, local: supported },
    },
    {
      name: "isin",
      kind: "method",
      params: [{ name: "cols", tsType: "unknown", variadic: true }],
      returns: "ColumnApi",
      since: "1.5.0",
      description: "True when the value equals one of the given values.",
      status: { spark: supported, local: supported },
    },
    {
      name: "like",
      kind: "method",
      params: [{ name: "other", tsType: "string" }],
      returns: "ColumnApi",
      description: "SQL LIKE match with % and _ wildcards.",
      status: { spark: supported, local: supported },
    },
    {
      name: "name",
      kind: "method",
      params: [
        { name: "alias", tsType: "string", variadic: true },
        { name: "kwargs", tsType: "Record<string, unknown>", optional: true },
      ],
      returns: "ColumnApi",
      description: "Names the column; same as alias.",
      status: { spark: supported, local: supported },
    },
    {
      name: "otherwise",
      kind: "method",
      params: [{ name: "value", tsType: "unknown" }],
      returns: "ColumnApi",
      since: "1.4.0",
      description: "The value of a CASE WHEN chain when no condition held.",
      status: { spark: supported, local: supported },
    },
    {
      name: "outer",
      kind: "method",
      params: [],
      returns: "ColumnApi",
      since: "4.0.0",
      status: { spark: supported, local: supported },
    },
    {
      name: "over",
      kind: "method",
      params: [{ name: "window", tsType: "WindowSpecApi" }],
      returns: "ColumnApi",
      since: "1.4.0",
      description: "Evaluates the window or aggregate function over a window specification.",
      status: { spark: supported, local: supported },
    },
    {
      name: "rlike",
      kind: "method",
      params: [{ name: "other", tsType: "string" }],
      returns: "ColumnApi",
      description: "True when the string matches the Java regular expression.",
      status: { spark: supported, local: supported },
    },
    {
      name: "startswith",
      kind: "method",
      params: [{ name: "other", tsType: "ColumnApi | LiteralValue | number | bigint | Date" }],
      returns: "ColumnApi",
      description: "True when the string starts with the given prefix.",
      status: { spark: supported, local: supported },
    },
    {
      name: "substr",
      kind: "method",
      params: [
        { name: "startPos", tsType: "number | ColumnApi" },
        { name: "length", tsType: "number | ColumnApi" },
      ],
      returns: "ColumnApi",
      since: "1.3.0",
      description: "Substring from a one-based position with a length.",
      status: { spark: supported, local: supported },
    },
    {
      name: "try_cast",
      kind: "method",
      params: [{ name: "dataType", tsType: "DataType | string" }],
      returns: "ColumnApi",
      since: "4.0.0",
      description: "Casts to another type, giving null where the value does not convert.",
      status: { spark: supported, local: supported },
    },
    {
      name: "transform",
      kind: "method",
      params: [{ name: "f", tsType: "(column: ColumnApi) => ColumnApi" }],
      returns: "ColumnApi",
      since: "4.1.0",
      description: "Applies a function to this column, for chaining reusable column steps.",
      status: { spark: supported, local: supported },
    },
    {
      name: "when",
      kind: "method",
      params: [
        { name: "condition", tsType: "ColumnApi" },
        { name: "value", tsType: "unknown" },
      ],
      returns: "ColumnApi",
      since: "1.4.0",
      description: "Adds a branch to a CASE WHEN chain.",
      status: { spark: supported, local: supported },
    },
    {
      name: "withField",
      kind: "method",
      params: [
        { name: "fieldName", tsType: "string" },
        { name: "col", tsType: "ColumnApi" },
      ],
      returns: "ColumnApi",
      since: "3.1.0",
      description: "Adds or replaces a field of a struct column.",
      status: { spark: supported, local: supported },
    },
  ],
  excluded: [
    {
      name: "__add__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__and__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__bool__",
      reason:
        "Python truth testing, which PySpark refuses for a Column (CANNOT_CONVERT_COLUMN_INTO_BOOL); TypeScript has none",
    },
    {
      name: "__contains__",
      reason: "Python's `in` operator, which PySpark refuses for a Column; the contains() method is the SQL predicate",
    },
    {
      name: "__div__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__eq__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__ge__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__getattr__",
      reason:
        "Python attribute access to a struct field (col.field); TypeScript has no dynamic attributes, so getField does it",
    },
    {
      name: "__getitem__",
      reason:
        "Python indexing (col[key], col[a:b]); TypeScript has no operator overloading, so getItem, getField, substr do it",
    },
    {
      name: "__getnewargs__",
      reason: "Python pickling support (the Expression to rebuild from); a TypeScript Column is not serialised",
    },
    {
      name: "__gt__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__invert__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__iter__",
      reason:
        "Python iteration, which PySpark refuses for a Column (NOT_ITERABLE); TypeScript Columns are not iterable either",
    },
    {
      name: "__le__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__lt__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__mod__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__mul__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__ne__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__neg__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__nonzero__",
      reason: "Python 2 truth testing, which PySpark refuses for a Column (CANNOT_CONVERT_COLUMN_INTO_BOOL)",
    },
    {
      name: "__or__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__pow__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__radd__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__rand__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__rdiv__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__repr__",
      reason: "Python's REPL representation; the TypeScript Column has toString()",
    },
    {
      name: "__rmod__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__rmul__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__ror__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__rpow__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__rsub__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__rtruediv__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__sub__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "__truediv__",
      reason:
        "Python operator protocol; TypeScript has no operator overloading, so Column offers named methods instead",
    },
    {
      name: "to_plan",
      reason:
        "PySpark client internals (the protobuf Expression for its own client); a sparkts Column exposes its Expression as expr",
    },
  ],
};
