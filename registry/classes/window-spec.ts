/** pyspark WindowSpec (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const windowSpecClass: ClassEntryInput = {
  name: "WindowSpec",
  interfaceName: "WindowSpecApi",
  implementation: "WindowSpec",
  description: "A window specification used with Column.over.",
  members: [
    {
      name: "orderBy",
      kind: "method",
      params: [{ name: "cols", tsType: "ColumnApi | string | (ColumnApi | string)[]", variadic: true }],
      returns: "WindowSpecApi",
      since: "1.4.0",
      description: "Orders the rows of each window partition.",
      status: { spark: supported, local: supported },
    },
    {
      name: "partitionBy",
      kind: "method",
      params: [{ name: "cols", tsType: "ColumnApi | string | (ColumnApi | string)[]", variadic: true }],
      returns: "WindowSpecApi",
      since: "1.4.0",
      description: "Partitions the rows by the given columns.",
      status: { spark: supported, local: supported },
    },
    {
      name: "rangeBetween",
      kind: "method",
      params: [
        { name: "start", tsType: "number | bigint" },
        { name: "end", tsType: "number | bigint" },
      ],
      returns: "WindowSpecApi",
      since: "1.4.0",
      description: "Sets a range frame between two offsets of the ordering value.",
      status: { spark: supported, local: supported },
    },
    {
      name: "rowsBetween",
      kind: "method",
      params: [
        { name: "start", tsType: "number | bigint" },
        { name: "end", tsType: "number | bigint" },
      ],
      returns: "WindowSpecApi",
      since: "1.4.0",
      description: "Sets a row frame between two row offsets.",
      status: { spark: supported, local: supported },
    },
  ],
  excluded: [
    {
      name: "__getnewargs__",
      reason: "Python pickling support (the specs to rebuild from); a TypeScript WindowSpec is not serialised",
    },
    {
      name: "__repr__",
      reason: "Python's REPL representation of the window; not part of the data API",
    },
  ],
};
