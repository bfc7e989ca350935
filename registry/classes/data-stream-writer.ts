/** pyspark DataStreamWriter (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { notImplementedYet, notInEngineYet } from "../status.js";

export const dataStreamWriterClass: ClassEntryInput = {
  name: "DataStreamWriter",
  interfaceName: "DataStreamWriterApi",
  description: "Starts a streaming query that writes a streaming DataFrame to a sink.",
  members: [
    {
      name: "clusterBy",
      kind: "method",
      params: [{ name: "cols", tsType: "string", variadic: true }],
      returns: "DataStreamWriterApi",
      since: "4.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "format",
      kind: "method",
      params: [{ name: "source", tsType: "string" }],
      returns: "DataStreamWriterApi",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "option",
      kind: "method",
      params: [
        { name: "key", tsType: "string" },
        { name: "value", tsType: "PrimitiveValue | null" },
      ],
      returns: "DataStreamWriterApi",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "options",
      kind: "method",
      params: [{ name: "options", tsType: "Record<string, unknown>", optional: true }],
      returns: "DataStreamWriterApi",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "outputMode",
      kind: "method",
      params: [{ name: "outputMode", tsType: "string" }],
      returns: "DataStreamWriterApi",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "partitionBy",
      kind: "method",
      params: [{ name: "cols", tsType: "string", variadic: true }],
      returns: "DataStreamWriterApi",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "queryName",
      kind: "method",
      params: [{ name: "queryName", tsType: "string" }],
      returns: "DataStreamWriterApi",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "start",
      kind: "method",
      async: true,
      params: [
        { name: "path", tsType: "string", optional: true, pythonDefault: "None" },
        { name: "format", tsType: "string", optional: true, pythonDefault: "None" },
        { name: "outputMode", tsType: "string", optional: true, pythonDefault: "None" },
        { name: "partitionBy", tsType: "string | readonly string[]", optional: true, pythonDefault: "None" },
        { name: "queryName", tsType: "string", optional: true, pythonDefault: "None" },
        { name: "options", tsType: "Record<string, unknown>", optional: true },
      ],
      returns: "StreamingQueryApi",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "toTable",
      kind: "method",
      async: true,
      params: [
        { name: "tableName", tsType: "string" },
        { name: "format", tsType: "string", optional: true, pythonDefault: "None" },
        { name: "outputMode", tsType: "string", optional: true, pythonDefault: "None" },
        { name: "partitionBy", tsType: "string | readonly string[]", optional: true, pythonDefault: "None" },
        { name: "queryName", tsType: "string", optional: true, pythonDefault: "None" },
        { name: "options", tsType: "Record<string, unknown>", optional: true },
      ],
      returns: "StreamingQueryApi",
      since: "3.1.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "trigger",
      kind: "method",
      params: [
        { name: "processingTime", tsType: "string", optional: true, pythonDefault: "None" },
        { name: "once", tsType: "boolean", optional: true, pythonDefault: "None" },
        { name: "continuous", tsType: "string", optional: true, pythonDefault: "None" },
        { name: "availableNow", tsType: "boolean", optional: true, pythonDefault: "None" },
      ],
      returns: "DataStreamWriterApi",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
  ],
  excluded: [
    {
      name: "foreach",
      reason:
        "runs a Python function per streamed row on the server's Python workers; a TypeScript client cannot send one",
    },
    {
      name: "foreachBatch",
      reason:
        "runs a Python function per micro-batch on the server's Python workers; a TypeScript client cannot send one",
    },
  ],
};
