/** pyspark MergeIntoWriter.WhenNotMatched (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { notInEngineYet, supported } from "../status.js";

export const mergeIntoWriterWhenNotMatchedClass: ClassEntryInput = {
  name: "MergeIntoWriter.WhenNotMatched",
  interfaceName: "MergeIntoWriterWhenNotMatchedApi",
  description: "The action of a MERGE clause for source rows that no target row matches.",
  members: [
    {
      name: "insert",
      kind: "method",
      params: [{ name: "assignments", tsType: "Record<string, ColumnApi | LiteralValue>" }],
      returns: "MergeIntoWriterApi",
      description: "Inserts a target row with the given column values.",
      status: { spark: supported, local: notInEngineYet },
    },
    {
      name: "insertAll",
      kind: "method",
      params: [],
      returns: "MergeIntoWriterApi",
      description: "Inserts the source row as it is, column by column name.",
      status: { spark: supported, local: notInEngineYet },
    },
  ],
  excluded: [],
};
