/**
 * Examples of MergeIntoWriter.WhenNotMatchedBySource members; each expects Spark's MERGE refusal (see
 * merge-target.ts). Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";
import { mergeExample, sameMergeExample } from "./merge-target.js";

export const mergeIntoWriterWhenNotMatchedBySourceExamples: ClassExamplesInput = {
  className: "MergeIntoWriter.WhenNotMatchedBySource",
  members: {
    update: [
      mergeExample({
        ts: '.whenNotMatchedBySource().update({ s: F.lit("gone") })',
        python: '.whenNotMatchedBySource().update({"s": F.lit("gone")})',
      }),
    ],
    // PySpark offers UPDATE * here, but a target row without a source row has nothing to copy: Spark 4.1.1 leaves
    // the action unresolved and fails with INTERNAL_ERROR before it looks at the table.
    updateAll: [{ ...sameMergeExample(".whenNotMatchedBySource().updateAll()"), expectedError: "INTERNAL_ERROR" }],
    delete: [sameMergeExample('.whenNotMatchedBySource(F.expr("sparkts_golden_merge.id > 3")).delete()')],
  },
};
