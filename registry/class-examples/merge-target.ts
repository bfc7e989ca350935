/**
 * What the MergeIntoWriter examples share: the target table and the setup creating it, and the start of a MERGE
 * of the fixture into it. MERGE needs a table supporting row-level operations, and Spark 4.1.1 offers none
 * without extra jars: session-catalog file tables and the Derby JDBC catalog (derby-catalog.ts) both answer
 * UNSUPPORTED_FEATURE.TABLE_OPERATION ("does not support MERGE INTO TABLE"). So these examples compare the
 * MergeIntoTableCommand both clients send and expect that refusal.
 */
import { DERBY_CATALOG, derbyCatalogSetup } from "./derby-catalog.js";

const TARGET = `${DERBY_CATALOG}.app.sparkts_golden_merge`;

/** The refusal every MERGE example expects. */
export const MERGE_REFUSED = "UNSUPPORTED_FEATURE.TABLE_OPERATION";

export const mergeTargetSetup = derbyCatalogSetup({
  ts: `df.select("id", "s").writeTo("${TARGET}").createOrReplace()`,
  python: `df.select("id", "s").writeTo("${TARGET}").createOrReplace()`,
});

/** `df.select(columns).alias("src").mergeInto(target, ids equal)`, the same in both languages. */
export function mergeFixtureInto(columns = '"id", "s"'): string {
  return `df.select(${columns}).alias("src").mergeInto("${TARGET}", F.expr("sparkts_golden_merge.id = src.id"))`;
}

/** A MERGE example: the writer continued by `clauses` (each form given), then run. */
export function mergeExample(clauses: { ts: string; python: string }, columns?: string) {
  return {
    setup: mergeTargetSetup,
    ts: `${mergeFixtureInto(columns)}${clauses.ts}.merge()`,
    python: `${mergeFixtureInto(columns)}${clauses.python}.merge()`,
    expectedError: MERGE_REFUSED,
  };
}

/** A MERGE example whose clauses read the same in both languages. */
export function sameMergeExample(clauses: string, columns?: string) {
  return mergeExample({ ts: clauses, python: clauses }, columns);
}
