/**
 * A v2 catalog every member example can use without extra jars: Spark's own JDBC table catalog over a Derby
 * in-memory database (Derby ships with Spark). Set per session, so an example's setup configures it on both
 * sides. It supports create, replace and append; not overwrite by filter, dynamic overwrite or MERGE.
 */

/** The Derby in-memory database in the server's JVM, created on first use. */
export const DERBY_URL = "jdbc:derby:memory:sparkts_golden;create=true";

/** The catalog's name; its tables are `sparkts_derby.app.<table>`. */
export const DERBY_CATALOG = "sparkts_derby";

const CONFIG: readonly [string, string][] = [
  [`spark.sql.catalog.${DERBY_CATALOG}`, "org.apache.spark.sql.execution.datasources.v2.jdbc.JDBCTableCatalog"],
  [`spark.sql.catalog.${DERBY_CATALOG}.url`, DERBY_URL],
];

/** A setup configuring the catalog, then running `then` (an expression written the same in both languages). */
export function derbyCatalogSetup(then?: { ts: string; python: string }): { ts: string; python: string } {
  const sets = CONFIG.map(([key, value]) => `spark.conf.set("${key}", "${value}")`);
  const ts = [sets[0], ...sets.slice(1).map((call) => `.then(() => ${call})`)].join("");
  return {
    ts: then === undefined ? ts : `${ts}.then(() => ${then.ts})`,
    python: `[${[...sets, ...(then === undefined ? [] : [then.python])].join(", ")}]`,
  };
}
