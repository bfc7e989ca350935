/**
 * Examples of MergeIntoWriter members. MERGE needs a table supporting row-level operations, and Spark 4.1.1
 * offers none without extra jars: session-catalog file tables and the Derby JDBC catalog (derby-catalog.ts) both
 * answer UNSUPPORTED_FEATURE.TABLE_OPERATION ("does not support MERGE INTO TABLE"). So these examples compare
 * the MergeIntoTableCommand both clients send and expect that refusal. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";
import { DERBY_CATALOG, derbyCatalogSetup } from "./derby-catalog.js";

const TARGET = `${DERBY_CATALOG}.app.sparkts_golden_merge`;
const setup = derbyCatalogSetup({
  ts: `df.select("id", "s").writeTo("${TARGET}").createOrReplace()`,
  python: `df.select("id", "s").writeTo("${TARGET}").createOrReplace()`,
});

export const mergeIntoWriterExamples: ClassExamplesInput = {
  className: "MergeIntoWriter",
  members: {
    merge: [
      {
        setup,
        ts: `df.select("id", "s").alias("src").mergeInto("${TARGET}", F.expr("sparkts_golden_merge.id = src.id")).whenMatched().updateAll().whenNotMatched().insertAll().merge()`,
        python: `df.select("id", "s").alias("src").mergeInto("${TARGET}", F.expr("sparkts_golden_merge.id = src.id")).whenMatched().updateAll().whenNotMatched().insertAll().merge()`,
        expectedError: "UNSUPPORTED_FEATURE.TABLE_OPERATION",
      },
    ],
    withSchemaEvolution: [
      {
        setup,
        ts: `df.select("id", "s", "b").alias("src").mergeInto("${TARGET}", F.expr("sparkts_golden_merge.id = src.id")).withSchemaEvolution().whenNotMatched().insertAll().merge()`,
        python: `df.select("id", "s", "b").alias("src").mergeInto("${TARGET}", F.expr("sparkts_golden_merge.id = src.id")).withSchemaEvolution().whenNotMatched().insertAll().merge()`,
        expectedError: "UNSUPPORTED_FEATURE.TABLE_OPERATION",
      },
    ],
  },
};
