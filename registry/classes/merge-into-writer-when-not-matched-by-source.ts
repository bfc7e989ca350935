/** pyspark MergeIntoWriter.WhenNotMatchedBySource (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { notInEngineYet, supported } from "../status.js";

export const mergeIntoWriterWhenNotMatchedBySourceClass: ClassEntryInput = {
  name: "MergeIntoWriter.WhenNotMatchedBySource",
  interfaceName: "MergeIntoWriterWhenNotMatchedBySourceApi",
  description: "The action of a MERGE clause for target rows that no source row matches.",
  members: [
    {
      name: "update",
      kind: "method",
      params: [{ name: "assignments", tsType: "Record<string, ColumnApi | LiteralValue>" }],
      returns: "MergeIntoWriterApi",
      description: "Sets the given target columns to the given values.",
      status: { spark: supported, local: notInEngineYet },
    },
    {
      name: "updateAll",
      kind: "method",
      params: [],
      returns: "MergeIntoWriterApi",
      description: "Sets every target column from the source column of the same name.",
      status: { spark: supported, local: notInEngineYet },
    },
    {
      name: "delete",
      kind: "method",
      params: [],
      returns: "MergeIntoWriterApi",
      description: "Deletes the unmatched target row.",
      status: { spark: supported, local: notInEngineYet },
    },
  ],
  excluded: [],
};
