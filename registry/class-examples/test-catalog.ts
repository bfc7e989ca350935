/**
 * The catalog for examples whose effect needs row-level operations (MERGE INTO, overwrite by condition, dynamic
 * partition overwrite): `testcat`, which every Spark server of the project registers (scripts/lib/spark-profiles.sh)
 * as Spark's own InMemoryRowLevelOperationTableCatalog from the catalyst test jar. Every Connect session gets its
 * own instance of the catalog, so a setup's table is seen by that session only: parallel runs cannot collide, and
 * each example's setup makes its table afresh. These examples read the table back after the write, so the golden
 * holds its rows.
 */

/** A table of the test catalog, in its namespace `ns`. */
export function testCatalogTable(name: string): string {
  return `testcat.ns.${name}`;
}

/** A setup (the same in both languages) replacing `table` by the rows of `select`, partitioned by `partitionBy`. */
export function testCatalogTableSetup(
  table: string,
  select: string,
  partitionBy?: string,
): { ts: string; python: string } {
  const partitioned = partitionBy === undefined ? "" : ` PARTITIONED BY (${partitionBy})`;
  const create = `spark.sql("CREATE OR REPLACE TABLE ${table}${partitioned} AS ${select}")`;
  return { ts: create, python: create };
}

/** A write (each form given), then the rows of `table` ordered by `id`: the value the example records. */
export function thenReadBack(write: { ts: string; python: string }, table: string): { ts: string; python: string } {
  const readBack = `spark.table("${table}").orderBy("id")`;
  return { ts: `${write.ts}.then(() => ${readBack})`, python: `[${write.python}, ${readBack}][1]` };
}
