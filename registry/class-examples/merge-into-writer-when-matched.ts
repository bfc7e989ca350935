/**
 * Examples of MergeIntoWriter.WhenMatched members, each a MERGE into a test-catalog table read back (merge-target.ts).
 * Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";
import { mergeExample, sameMergeExample } from "./merge-target.js";

export const mergeIntoWriterWhenMatchedExamples: ClassExamplesInput = {
  className: "MergeIntoWriter.WhenMatched",
  members: {
    update: [
      mergeExample({
        ts: '.whenMatched().update({ s: F.concat(F.col("src.s"), F.lit("!")) })',
        python: '.whenMatched().update({"s": F.concat(F.col("src.s"), F.lit("!"))})',
      }),
    ],
    updateAll: [sameMergeExample(".whenMatched().updateAll()")],
    delete: [sameMergeExample('.whenMatched(F.expr("src.id = 2")).delete()')],
  },
};
