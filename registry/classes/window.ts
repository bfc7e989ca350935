/** pyspark Window (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const windowClass: ClassEntryInput = {
  name: "Window",
  interfaceName: "WindowApi",
  description: "Builds window specifications: partitioning, ordering and frame boundaries.",
  members: [
    {
      name: "currentRow",
      kind: "constant",
      params: [],
      returns: "number",
      description: "Frame boundary meaning the current row.",
      status: { spark: supported, local: supported },
    },
    {
      name: "orderBy",
      kind: "staticmethod",
      params: [{ name: "cols", tsType: "ColumnApi | string | (ColumnApi | string)[]", variadic: true }],
      returns: "WindowSpecApi",
      since: "1.4.0",
      description: "A window specification ordered by the given columns.",
      status: { spark: supported, local: supported },
    },
    {
      name: "partitionBy",
      kind: "staticmethod",
      params: [{ name: "cols", tsType: "ColumnApi | string | (ColumnApi | string)[]", variadic: true }],
      returns: "WindowSpecApi",
      since: "1.4.0",
      description: "A window specification partitioned by the given columns.",
      status: { spark: supported, local: supported },
    },
    {
      name: "rangeBetween",
      kind: "staticmethod",
      params: [
        { name: "start", tsType: "number | bigint" },
        { name: "end", tsType: "number | bigint" },
      ],
      returns: "WindowSpecApi",
      since: "2.1.0",
      description: "A window specification with a range frame between two offsets.",
      status: { spark: supported, local: supported },
    },
    {
      name: "rowsBetween",
      kind: "staticmethod",
      params: [
        { name: "start", tsType: "number | bigint" },
        { name: "end", tsType: "number | bigint" },
      ],
      returns: "WindowSpecApi",
      since: "2.1.0",
      description: "A window specification with a row frame between two offsets.",
      status: { spark: supported, local: supported },
    },
    {
      name: "unboundedFollowing",
      kind: "constant",
      params: [],
      returns: "bigint",
      description: "Frame boundary meaning the last row of the partition.",
      status: { spark: supported, local: supported },
    },
    {
      name: "unboundedPreceding",
      kind: "constant",
      params: [],
      returns: "bigint",
      description: "Frame boundary meaning the first row of the partition.",
      status: { spark: supported, local: supported },
    },
  ],
  excluded: [],
};
