/** pyspark GroupedData (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const groupedDataClass: ClassEntryInput = {
  name: "GroupedData",
  interfaceName: "GroupedDataApi",
  implementation: "GroupedData",
  description: "A DataFrame grouped by keys, waiting for aggregations or a pivot.",
  members: [
    {
      name: "agg",
      kind: "method",
      params: [{ name: "exprs", tsType: "ColumnApi | Record<string, string>", variadic: true }],
      returns: "DataFrameApi",
      since: "1.3.0",
      description: "Computes the given aggregates for each group.",
      status: { spark: supported, local: supported },
    },
    {
      name: "avg",
      kind: "method",
      params: [{ name: "cols", tsType: "string", variadic: true }],
      returns: "DataFrameApi",
      since: "1.3.0",
      description: "Mean of the given numeric columns for each group.",
      status: { spark: supported, local: supported },
    },
    {
      name: "count",
      kind: "method",
      params: [],
      returns: "DataFrameApi",
      since: "1.3.0",
      description: "Number of rows in each group.",
      status: { spark: supported, local: supported },
    },
    {
      name: "max",
      kind: "method",
      params: [{ name: "cols", tsType: "string", variadic: true }],
      returns: "DataFrameApi",
      since: "1.3.0",
      description: "Largest value of the given columns for each group.",
      status: { spark: supported, local: supported },
    },
    {
      name: "mean",
      kind: "method",
      params: [{ name: "cols", tsType: "string", variadic: true }],
      returns: "DataFrameApi",
      since: "1.3.0",
      description: "Mean of the given numeric columns for each group.",
      status: { spark: supported, local: supported },
    },
    {
      name: "min",
      kind: "method",
      params: [{ name: "cols", tsType: "string", variadic: true }],
      returns: "DataFrameApi",
      since: "1.3.0",
      description: "Smallest value of the given columns for each group.",
      status: { spark: supported, local: supported },
    },
    {
      name: "pivot",
      kind: "method",
      params: [
        { name: "pivot_col", tsType: "string" },
        { name: "values", tsType: "readonly LiteralValue[]", optional: true, pythonDefault: "None" },
      ],
      returns: "GroupedDataApi",
      since: "1.6.0",
      status: {
        spark: supported,
        local: supported,
      },
    },
    {
      name: "sum",
      kind: "method",
      params: [{ name: "cols", tsType: "string", variadic: true }],
      returns: "DataFrameApi",
      since: "1.3.0",
      description: "Sum of the given numeric columns for each group.",
      status: { spark: supported, local: supported },
    },
  ],
  excluded: [
    {
      name: "__repr__",
      reason: "Python's REPL representation of the grouping; not part of the data API",
    },
    {
      name: "apply",
      reason: "runs a Python pandas UDF per group on the server's Python workers; a TypeScript client cannot send one",
    },
    {
      name: "applyInArrow",
      reason:
        "runs a Python function over Arrow groups on the server's Python workers; a TypeScript client cannot send one",
    },
    {
      name: "applyInPandas",
      reason:
        "runs a Python function over pandas groups on the server's Python workers; a TypeScript client cannot send one",
    },
    {
      name: "applyInPandasWithState",
      reason: "runs a stateful Python function per group (streaming); a TypeScript client cannot send one",
    },
    {
      name: "cogroup",
      reason: "pairs groups for applyInPandas/applyInArrow over Python functions; a TypeScript client cannot send one",
    },
    {
      name: "transformWithState",
      reason: "runs a stateful Python StatefulProcessor (streaming); a TypeScript client cannot send one",
    },
    {
      name: "transformWithStateInPandas",
      reason: "runs a stateful Python StatefulProcessor over pandas (streaming); a TypeScript client cannot send one",
    },
  ],
};
