/**
 * Examples of MergeIntoWriter.WhenNotMatchedBySource members, each a MERGE into a test-catalog table read back
 * (merge-target.ts). Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";
import { mergeExample, mergeFixtureInto, mergeTargetSetup, sameMergeExample } from "./merge-target.js";

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
    // the action unresolved and fails with INTERNAL_ERROR, even on a table that supports MERGE.
    updateAll: [
      {
        setup: mergeTargetSetup,
        ts: `${mergeFixtureInto()}.whenNotMatchedBySource().updateAll().merge()`,
        python: `${mergeFixtureInto()}.whenNotMatchedBySource().updateAll().merge()`,
        expectedError: "INTERNAL_ERROR",
      },
    ],
    delete: [sameMergeExample('.whenNotMatchedBySource(F.expr("sparkts_golden_merge.id > 3")).delete()')],
  },
};
