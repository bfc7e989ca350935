/** pyspark MergeIntoWriter (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { notInEngineYet, supported } from "../status.js";

export const mergeIntoWriterClass: ClassEntryInput = {
  name: "MergeIntoWriter",
  interfaceName: "MergeIntoWriterApi",
  description: "Builds a MERGE INTO statement: conditions and actions for matched and unmatched rows.",
  members: [
    {
      name: "merge",
      kind: "method",
      async: true,
      params: [],
      returns: "void",
      status: { spark: supported, local: notInEngineYet },
    },
    {
      name: "withSchemaEvolution",
      kind: "method",
      params: [],
      returns: "MergeIntoWriterApi",
      status: { spark: supported, local: notInEngineYet },
    },
    {
      name: "whenMatched",
      kind: "method",
      params: [{ name: "condition", tsType: "ColumnApi", optional: true, pythonDefault: "None" }],
      returns: "MergeIntoWriterWhenMatchedApi",
      description: "Starts a clause for target rows with a matching source row (and the condition, if given).",
      status: { spark: supported, local: notInEngineYet },
    },
    {
      name: "whenNotMatched",
      kind: "method",
      params: [{ name: "condition", tsType: "ColumnApi", optional: true, pythonDefault: "None" }],
      returns: "MergeIntoWriterWhenNotMatchedApi",
      description: "Starts a clause for source rows no target row matches (and the condition, if given).",
      status: { spark: supported, local: notInEngineYet },
    },
    {
      name: "whenNotMatchedBySource",
      kind: "method",
      params: [{ name: "condition", tsType: "ColumnApi", optional: true, pythonDefault: "None" }],
      returns: "MergeIntoWriterWhenNotMatchedBySourceApi",
      description: "Starts a clause for target rows no source row matches (and the condition, if given).",
      status: { spark: supported, local: notInEngineYet },
    },
  ],
  excluded: [
    { name: "WhenMatched", reason: "a nested class, registered as its own entry MergeIntoWriter.WhenMatched" },
    { name: "WhenNotMatched", reason: "a nested class, registered as its own entry MergeIntoWriter.WhenNotMatched" },
    {
      name: "WhenNotMatchedBySource",
      reason: "a nested class, registered as its own entry MergeIntoWriter.WhenNotMatchedBySource",
    },
  ],
};
