/**
 * What the MERGE examples (DataFrame.mergeInto and the MergeIntoWriter classes) share: a target table of the test
 * catalog (test-catalog.ts) holding ids 2, 3 and 5, made afresh by each example's setup, and the start of a MERGE
 * of the fixture's ids 1 to 4 into it. Each example reads the target back after the merge, so the golden records
 * the rows every clause left behind.
 */
import { testCatalogTable, testCatalogTableSetup, thenReadBack } from "./test-catalog.js";

const TARGET = testCatalogTable("sparkts_golden_merge");

export const mergeTargetSetup = testCatalogTableSetup(
  TARGET,
  "SELECT * FROM VALUES (2, 'two'), (3, 'three'), (5, 'five') AS t(id, s)",
);

/** `df.select(columns).alias("src").mergeInto(target, ids equal)`, the same in both languages. */
export function mergeFixtureInto(columns = '"id", "s"'): string {
  return `df.select(${columns}).alias("src").mergeInto("${TARGET}", F.expr("sparkts_golden_merge.id = src.id"))`;
}

/** A MERGE example: the writer continued by `clauses` (each form given), run, then the target read back. */
export function mergeExample(clauses: { ts: string; python: string }, columns?: string) {
  const merge = {
    ts: `${mergeFixtureInto(columns)}${clauses.ts}.merge()`,
    python: `${mergeFixtureInto(columns)}${clauses.python}.merge()`,
  };
  return { setup: mergeTargetSetup, ...thenReadBack(merge, TARGET) };
}

/** A MERGE example whose clauses read the same in both languages. */
export function sameMergeExample(clauses: string, columns?: string) {
  return mergeExample({ ts: clauses, python: clauses }, columns);
}
