/** Examples of MergeIntoWriter.WhenMatched members; each expects Spark's MERGE refusal (see merge-target.ts). Registry data. */
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
