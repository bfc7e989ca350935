/** pyspark DataFrameWriterV2 (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { notInEngine, supported } from "../status.js";

/**
 * The engine's tables are session-catalog tables, which refuse the v2 overwrites with Spark's own v1-table error;
 * it has no catalog whose tables accept them (the servers' testcat does).
 */
const rowLevelTablesMissing = notInEngine(
  "a v2 catalog: like Spark's session catalog, its v1 tables refuse writeTo(...).append(), overwrite() and overwritePartitions()",
);

export const dataframeWriterV2Class: ClassEntryInput = {
  name: "DataFrameWriterV2",
  interfaceName: "DataFrameWriterV2Api",
  description: "Writes a DataFrame to a catalog table with the v2 API (create, replace, append, overwrite).",
  members: [
    {
      name: "append",
      kind: "method",
      async: true,
      params: [],
      returns: "void",
      status: { spark: supported, local: rowLevelTablesMissing },
    },
    {
      name: "clusterBy",
      kind: "method",
      params: [
        { name: "col", tsType: "string" },
        { name: "cols", tsType: "string", variadic: true },
      ],
      returns: "DataFrameWriterV2Api",
      status: {
        spark: supported,
        local: supported,
      },
    },
    {
      name: "create",
      kind: "method",
      async: true,
      params: [],
      returns: "void",
      status: { spark: supported, local: supported },
    },
    {
      name: "createOrReplace",
      kind: "method",
      async: true,
      params: [],
      returns: "void",
      status: { spark: supported, local: supported },
    },
    {
      name: "option",
      kind: "method",
      params: [
        { name: "key", tsType: "string" },
        { name: "value", tsType: "PrimitiveValue | null" },
      ],
      returns: "DataFrameWriterV2Api",
      status: { spark: supported, local: supported },
    },
    {
      name: "options",
      kind: "method",
      params: [{ name: "options", tsType: "Record<string, unknown>", optional: true }],
      returns: "DataFrameWriterV2Api",
      status: { spark: supported, local: supported },
    },
    {
      name: "overwrite",
      kind: "method",
      async: true,
      params: [{ name: "condition", tsType: "ColumnApi | string" }],
      returns: "void",
      status: { spark: supported, local: rowLevelTablesMissing },
    },
    {
      name: "overwritePartitions",
      kind: "method",
      async: true,
      params: [],
      returns: "void",
      status: { spark: supported, local: rowLevelTablesMissing },
    },
    {
      name: "partitionedBy",
      kind: "method",
      params: [
        { name: "col", tsType: "ColumnApi | string" },
        { name: "cols", tsType: "ColumnApi | string", variadic: true },
      ],
      returns: "DataFrameWriterV2Api",
      status: {
        spark: supported,
        local: supported,
      },
    },
    {
      name: "replace",
      kind: "method",
      async: true,
      params: [],
      returns: "void",
      status: { spark: supported, local: supported },
    },
    {
      name: "tableProperty",
      kind: "method",
      params: [
        { name: "property", tsType: "string" },
        { name: "value", tsType: "string" },
      ],
      returns: "DataFrameWriterV2Api",
      status: {
        spark: supported,
        local: supported,
      },
    },
    {
      name: "using",
      kind: "method",
      params: [{ name: "provider", tsType: "string" }],
      returns: "DataFrameWriterV2Api",
      status: { spark: supported, local: supported },
    },
  ],
  excluded: [],
};
