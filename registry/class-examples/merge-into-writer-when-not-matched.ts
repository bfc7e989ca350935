/**
 * Examples of MergeIntoWriter.WhenNotMatched members, each a MERGE into a test-catalog table read back
 * (merge-target.ts). Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";
import { mergeExample, sameMergeExample } from "./merge-target.js";

export const mergeIntoWriterWhenNotMatchedExamples: ClassExamplesInput = {
  className: "MergeIntoWriter.WhenNotMatched",
  members: {
    insert: [
      mergeExample({
        ts: '.whenNotMatched().insert({ id: F.col("src.id"), s: F.lit("new") })',
        python: '.whenNotMatched().insert({"id": F.col("src.id"), "s": F.lit("new")})',
      }),
    ],
    insertAll: [sameMergeExample('.whenNotMatched(F.expr("src.s IS NOT NULL")).insertAll()')],
  },
};
