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
  ],
  excluded: [
    { name: "whenNotMatchedBySource", reason: "returns a merge action builder the registry does not model yet" },
    { name: "whenNotMatched", reason: "returns a merge action builder the registry does not model yet" },
    { name: "whenMatched", reason: "returns a merge action builder the registry does not model yet" },
    {
      name: "WhenNotMatchedBySource",
      reason: "a nested Python helper class; the registry does not model merge action builders yet",
    },
    {
      name: "WhenNotMatched",
      reason: "a nested Python helper class; the registry does not model merge action builders yet",
    },
    {
      name: "WhenMatched",
      reason: "a nested Python helper class; the registry does not model merge action builders yet",
    },
  ],
};
