/**
 * The statements that describe a table, view or query, in Spark's row layouts: DESCRIBE [TABLE] [EXTENDED]
 * (columns, then the partition columns under `# Partition Information`, then with EXTENDED the
 * `# Detailed Table Information` section), DESCRIBE of one column (info_name / info_value rows),
 * DESCRIBE QUERY, SHOW COLUMNS, SHOW TBLPROPERTIES, and EXPLAIN of a query (one `plan` row holding the text
 * `df.explain` prints).
 */
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import type { DataType } from "../../../generated/proto/spark/connect/types_pb.js";
import { AnalysisException } from "../../errors/index.js";
import type { Scalar } from "../columnar/column-vector.js";
import { notSupportedLocally, quoteId, sparkError } from "../errors.js";
import { outputOf } from "../logical/logical-plan.js";
import type { QueryEngine } from "../query-engine.js";
import type { SessionCatalog } from "../session/session-catalog.js";
import { type TableMetadata, tableTypeOf } from "../session/warehouse.js";
import type { NameParts, SqlStatement } from "../sql/index.js";
import * as T from "../types/data-types.js";
import { relationNotFound, rowsRelation } from "./statement-results.js";
import { CLUSTERING_PROPERTY } from "./table-writes.js";

/** Spark's version as DESCRIBE EXTENDED names the creator of a table. */
const CREATED_BY = "Spark 4.1.1";

interface DescribedColumn {
  readonly name: string;
  readonly type: DataType;
  readonly comment: string | null;
}

interface Described {
  readonly columns: readonly DescribedColumn[];
  /** Undefined for views, which have no partitions and no detailed section. */
  readonly table?: TableMetadata;
}

const DESCRIBE_FIELDS = ["col_name", "data_type", "comment"].map((name) => ({
  name,
  type: T.STRING,
  nullable: name === "comment",
}));

/** The comment Spark keeps in a column's metadata (`COMMENT '...'` of CREATE TABLE). */
function commentOf(metadata: string | undefined): string | null {
  if (metadata === undefined || metadata === "") return null;
  const comment = (JSON.parse(metadata) as { comment?: unknown }).comment;
  return typeof comment === "string" ? comment : null;
}

function describe(engine: QueryEngine, catalog: SessionCatalog, name: NameParts): Described {
  const resolved = catalog.resolve(name);
  if (resolved.kind === "table") {
    const table = catalog.warehouse.table(resolved.database, resolved.name);
    if (table === undefined) throw relationNotFound(name);
    const fields = table.schema.kind.case === "struct" ? table.schema.kind.value.fields : [];
    const columns = fields.map((f) => ({ name: f.name, type: f.dataType ?? T.NULL, comment: commentOf(f.metadata) }));
    return { columns, table };
  }
  const view =
    resolved.kind === "tempView" ? catalog.tempViews.get(resolved.name) : catalog.globalViews.get(resolved.name);
  if (view === undefined) throw relationNotFound(name);
  return { columns: queryColumns(engine, view) };
}

function queryColumns(engine: QueryEngine, query: Relation): DescribedColumn[] {
  return outputOf(engine.analyze(query)).map((a) => ({ name: a.name, type: a.type, comment: null }));
}

const columnRow = (c: DescribedColumn): Scalar[] => [c.name, T.simpleString(c.type), c.comment];

/** `[k=v, ...]` as Spark prints a table's properties and storage options. */
const bracketed = (entries: readonly (readonly [string, string])[]): string =>
  `[${entries.map(([k, v]) => `${k}=${v}`).join(", ")}]`;

/** The date as java.util.Date#toString prints it in UTC: `Sun Nov 22 05:34:39 UTC 2026`. */
function javaDateString(ms: number): string {
  const [weekday, month, day, year, time] = new Date(ms).toUTCString().replace(",", "").split(" ") as string[];
  return `${weekday} ${month} ${day} ${time} UTC ${year}`;
}

function detailedRows(catalog: SessionCatalog, table: TableMetadata): Scalar[][] {
  const rows: [string, string][] = [
    ["Catalog", "spark_catalog"],
    ["Database", table.database],
    ["Table", table.name],
  ];
  if (table.createdAt !== undefined) rows.push(["Created Time", javaDateString(table.createdAt)]);
  rows.push(["Last Access", "UNKNOWN"], ["Created By", CREATED_BY], ["Type", tableTypeOf(table)]);
  if (table.view !== undefined) {
    const { text, database, queryColumns } = table.view;
    if (table.description !== undefined) rows.push(["Comment", table.description]);
    rows.push(
      ["View Text", text],
      ["View Original Text", text],
      ["View Schema Mode", "COMPENSATION"],
      ["View Catalog and Namespace", `spark_catalog.${database}`],
      ["View Query Output Columns", `[${queryColumns.map(quoteId).join(", ")}]`],
    );
    return [["", "", ""], ["# Detailed Table Information", "", ""], ...rows.map(([k, v]) => [k, v, ""])];
  }
  rows.push(["Provider", table.format]);
  if (table.description !== undefined) rows.push(["Comment", table.description]);
  const properties = Object.entries(table.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (properties.length > 0) rows.push(["Table Properties", bracketed(properties)]);
  rows.push(["Location", `file:${catalog.warehouse.dataDir(table)}`]);
  const options = Object.entries(table.options ?? {});
  if (options.length > 0) rows.push(["Storage Properties", bracketed(options)]);
  if (table.partitionBy.length > 0) rows.push(["Partition Provider", "Catalog"]);
  return [["", "", ""], ["# Detailed Table Information", "", ""], ...rows.map(([k, v]) => [k, v, ""])];
}

export function describeTable(
  engine: QueryEngine,
  catalog: SessionCatalog,
  name: NameParts,
  extended: boolean,
  column: NameParts | undefined,
): Relation {
  const described = describe(engine, catalog, name);
  if (column !== undefined) return describeColumn(described, column, extended);
  const rows = described.columns.map(columnRow);
  const table = described.table;
  const section = (title: string, names: readonly string[]) => {
    rows.push([title, "", ""], ["# col_name", "data_type", "comment"]);
    for (const name of names) {
      const found = described.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
      if (found !== undefined) rows.push(columnRow(found));
    }
  };
  const clustering = table?.properties?.[CLUSTERING_PROPERTY];
  if (clustering !== undefined)
    section(
      "# Clustering Information",
      (JSON.parse(clustering) as string[][]).map((p) => p.join(".")),
    );
  if (table !== undefined && table.partitionBy.length > 0) section("# Partition Information", table.partitionBy);
  if (extended && table !== undefined) rows.push(...detailedRows(catalog, table));
  return rowsRelation(DESCRIBE_FIELDS, rows);
}

/** The column statistics DESCRIBE EXTENDED lists for a column; the engine keeps none, as Spark without ANALYZE. */
const COLUMN_STATISTICS = ["min", "max", "num_nulls", "distinct_count", "avg_col_len", "max_col_len", "histogram"];

function describeColumn(described: Described, column: NameParts, extended: boolean): Relation {
  const wanted = column.join(".").toLowerCase();
  const found = described.columns.find((c) => c.name.toLowerCase() === wanted);
  if (found === undefined) {
    const objectName = column.map(quoteId).join(".");
    throw sparkError(AnalysisException, "COLUMN_NOT_FOUND", "42703", `The column ${objectName} cannot be found.`, {
      colName: objectName,
      caseSensitiveConfig: '"spark.sql.caseSensitive"',
    });
  }
  const rows: Scalar[][] = [
    ["col_name", found.name],
    ["data_type", T.simpleString(found.type)],
    ["comment", found.comment ?? "NULL"],
  ];
  if (extended) for (const statistic of COLUMN_STATISTICS) rows.push([statistic, "NULL"]);
  const fields = ["info_name", "info_value"].map((n) => ({ name: n, type: T.STRING, nullable: false }));
  return rowsRelation(fields, rows);
}

export function describeQuery(engine: QueryEngine, query: Relation): Relation {
  return rowsRelation(DESCRIBE_FIELDS, queryColumns(engine, query).map(columnRow));
}

export function showColumns(engine: QueryEngine, catalog: SessionCatalog, name: NameParts): Relation {
  const { columns } = describe(engine, catalog, name);
  return rowsRelation(
    [{ name: "col_name", type: T.STRING, nullable: false }],
    columns.map((c) => [c.name]),
  );
}

/** A table's properties, its data source options among them as `option.<key>`, sorted by key. */
export function showTblProperties(
  engine: QueryEngine,
  catalog: SessionCatalog,
  name: NameParts,
  key: string | undefined,
): Relation {
  const { table } = describe(engine, catalog, name);
  const properties = new Map(Object.entries(table?.properties ?? {}));
  for (const [k, v] of Object.entries(table?.options ?? {})) properties.set(`option.${k}`, v);
  const fields = ["key", "value"].map((n) => ({ name: n, type: T.STRING, nullable: false }));
  if (key !== undefined) {
    const qualified = table === undefined ? name.join(".") : `spark_catalog.${table.database}.${table.name}`;
    const value = properties.get(key) ?? `Table ${qualified} does not have property: ${key}`;
    return rowsRelation(fields, [[key, value]]);
  }
  const sorted = [...properties].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return rowsRelation(fields, sorted);
}

export function explainStatement(engine: QueryEngine, statement: SqlStatement & { kind: "explain" }): Relation {
  const inner = statement.statement;
  if (inner.kind !== "query") throw notSupportedLocally(`EXPLAIN of the SQL statement ${inner.kind}`);
  return rowsRelation(
    [{ name: "plan", type: T.STRING, nullable: true }],
    [[engine.explain(inner.relation, statement.mode)]],
  );
}
