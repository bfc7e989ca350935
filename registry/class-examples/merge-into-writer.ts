/** Examples of MergeIntoWriter members, each a MERGE into a test-catalog table read back (merge-target.ts). Registry data. */
import type { ClassExamplesInput } from "../schema.js";
import { sameMergeExample } from "./merge-target.js";

export const mergeIntoWriterExamples: ClassExamplesInput = {
  className: "MergeIntoWriter",
  members: {
    merge: [sameMergeExample(".whenMatched().updateAll().whenNotMatched().insertAll()")],
    whenMatched: [sameMergeExample('.whenMatched(F.expr("src.id > 1")).updateAll()')],
    whenNotMatched: [sameMergeExample('.whenNotMatched(F.expr("src.id < 3")).insertAll()')],
    whenNotMatchedBySource: [sameMergeExample(".whenNotMatchedBySource().delete()")],
    withSchemaEvolution: [sameMergeExample(".withSchemaEvolution().whenNotMatched().insertAll()", '"id", "s", "b"')],
  },
};
