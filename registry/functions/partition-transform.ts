/** Partition transforms for DataFrameWriterV2.partitionedBy. Registry data, maintained by hand (see registry/README.md). */
import type { FunctionEntryInput } from "../schema.js";
import { notInEngineYet, supported } from "../status.js";

/** A partition transform only means something to a table writer; Spark refuses to evaluate one in a query. */
const PARTITION_TRANSFORM = {
  compare: "none",
  reason: "a partition transform is valid only in DataFrameWriterV2.partitionedBy; a query cannot evaluate it",
} as const;

export const partitionTransformFunctions: FunctionEntryInput[] = [
  {
    name: "bucket",
    category: "partition-transform",
    since: "3.1.0",
    description: "Partition transform hashing the column into a number of buckets.",
    args: [
      { name: "numBuckets", kind: "literal", tsType: "Column | number" },
      { name: "col", kind: "column-or-name", tsType: "Column | string" },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "bucket" },
    examples: ['bucket(2, "i")'],
    resultComparison: PARTITION_TRANSFORM,
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "days",
    category: "partition-transform",
    since: "3.1.0",
    description: "Partition transform by day of a date or timestamp.",
    args: [{ name: "col", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "days" },
    examples: ['days("dt")'],
    resultComparison: PARTITION_TRANSFORM,
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "hours",
    category: "partition-transform",
    since: "3.1.0",
    description: "Partition transform by hour of a timestamp.",
    args: [{ name: "col", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "hours" },
    examples: ['hours("ts")'],
    resultComparison: PARTITION_TRANSFORM,
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "months",
    category: "partition-transform",
    since: "3.1.0",
    description: "Partition transform by month of a date or timestamp.",
    args: [{ name: "col", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "months" },
    examples: ['months("dt")'],
    resultComparison: PARTITION_TRANSFORM,
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "years",
    category: "partition-transform",
    since: "3.1.0",
    description: "Partition transform by year of a date or timestamp.",
    args: [{ name: "col", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "years" },
    examples: ['years("ts")'],
    resultComparison: PARTITION_TRANSFORM,
    status: { spark: supported, local: notInEngineYet },
  },
];
