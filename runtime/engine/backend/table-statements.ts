/**
 * SQL statements about databases, tables, global temporary views and the cache: CREATE/DROP DATABASE, USE,
 * CREATE TABLE [AS SELECT], INSERT INTO/OVERWRITE, DROP TABLE, SHOW DATABASES/TABLES, CACHE/UNCACHE TABLE,
 * CLEAR CACHE. They run now; the answer is the relation to return (rows for SHOW, null for none), or
 * `notTableStatement` to leave the statement to the session front end.
 */
import { create } from "@bufbuild/protobuf";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import {
  type DataType,
  DataTypeSchema,
  DataType_StructFieldSchema as StructFieldSchema,
} from "../../../generated/proto/spark/connect/types_pb.js";
import type { Scalar } from "../columnar/column-vector.js";
import type { QueryEngine } from "../query-engine.js";
import { GLOBAL_TEMP_DATABASE } from "../session/global-temp-views.js";
import type { SessionCatalog } from "../session/session-catalog.js";
import type { ColumnDefinition, SqlStatement } from "../sql/index.js";
import * as T from "../types/data-types.js";
import {
  describeQuery,
  describeTable,
  explainStatement,
  showColumns,
  showTblProperties,
} from "./describe-statements.js";
import { createPersistentView, wrongCommandFor } from "./persistent-views.js";
import { relationNotFound, rowsRelation } from "./statement-results.js";
import { createTable, insertInto, tableAlreadyExists, tableNameOf, tableNotFound } from "./table-writes.js";

/** SHOW's `LIKE` pattern: `*` any run of characters, `|` alternatives, case-insensitive. */
function patternMatcher(pattern: string | undefined): (name: string) => boolean {
  if (pattern === undefined) return () => true;
  const alternatives = pattern.split("|").map((p) => {
    const body = p
      .trim()
      .replace(/[.+?^${}()[\]\\]/g, "\\$&")
      .replaceAll("*", ".*");
    return new RegExp(`^${body}$`, "i");
  });
  return (name) => alternatives.some((r) => r.test(name));
}

function showTables(catalog: SessionCatalog, namespace: readonly string[] | undefined, pattern?: string): Relation {
  const database = (namespace?.join(".") ?? catalog.currentDatabase).toLowerCase();
  const keep = patternMatcher(pattern);
  const rows: Scalar[][] = [];
  if (database === GLOBAL_TEMP_DATABASE) {
    for (const v of catalog.globalViews.names()) rows.push([GLOBAL_TEMP_DATABASE, v, true]);
  } else {
    catalog.warehouse.requireDatabase(database);
    for (const t of catalog.warehouse.tables(database)) rows.push([database, t, false]);
  }
  for (const v of catalog.tempViews.names()) rows.push(["", v, true]);
  const fields = [
    { name: "namespace", type: T.STRING, nullable: false },
    { name: "tableName", type: T.STRING, nullable: false },
    { name: "isTemporary", type: T.BOOLEAN, nullable: false },
  ];
  return rowsRelation(
    fields,
    rows.filter((r) => keep(r[1] as string)),
  );
}

/** Declared columns as a table schema; a column's COMMENT goes to its metadata, where Spark keeps it. */
function declaredSchema(columns: readonly ColumnDefinition[]): DataType {
  const fields = columns.map((c) =>
    create(StructFieldSchema, {
      name: c.name,
      dataType: c.dataType,
      nullable: c.nullable,
      ...(c.comment === undefined ? {} : { metadata: JSON.stringify({ comment: c.comment }) }),
    }),
  );
  return create(DataTypeSchema, { kind: { case: "struct", value: { fields } } });
}

export async function runTableStatement(
  statement: SqlStatement,
  engine: QueryEngine,
  catalog: SessionCatalog,
): Promise<Relation | null | "notTableStatement"> {
  switch (statement.kind) {
    case "createDatabase":
      catalog.warehouse.createDatabase(statement.name.join("."), statement.ifNotExists);
      return null;
    case "dropDatabase":
      catalog.warehouse.dropDatabase(statement.name.join("."), statement.ifExists, statement.cascade);
      return null;
    case "use": {
      const database = statement.namespace.join(".");
      catalog.warehouse.requireDatabase(database);
      catalog.currentDatabase = database.toLowerCase();
      return null;
    }
    case "showDatabases": {
      const keep = patternMatcher(statement.pattern);
      const names = catalog.warehouse.databases().filter(keep);
      return rowsRelation(
        [{ name: "namespace", type: T.STRING, nullable: false }],
        names.map((n) => [n]),
      );
    }
    case "showTables":
      return showTables(catalog, statement.namespace, statement.pattern);
    case "createView": {
      if (!statement.temporary && !statement.global) {
        createPersistentView(engine, catalog, statement);
        return null;
      }
      if (!statement.global) return "notTableStatement";
      engine.analyze(statement.query);
      const name = statement.name.at(-1) ?? "";
      if (statement.ifNotExists && catalog.globalViews.get(name) !== undefined) return null;
      catalog.globalViews.create(name, statement.query, statement.replace);
      return null;
    }
    case "dropView": {
      const resolved = catalog.resolve(statement.name);
      if (resolved.kind === "table") {
        const table = catalog.tableOf(resolved);
        if (table === undefined) {
          if (statement.ifExists) return null;
          throw tableNotFound(resolved);
        }
        if (table.view === undefined) throw wrongCommandFor(table, "DROP VIEW");
        catalog.uncache(resolved);
        catalog.warehouse.dropTable(resolved.database, resolved.name);
        return null;
      }
      const dropped =
        resolved.kind === "globalView"
          ? catalog.globalViews.drop(resolved.name)
          : resolved.kind === "tempView" && catalog.tempViews.drop(resolved.name);
      if (!dropped && !statement.ifExists) throw relationNotFound(statement.name);
      return null;
    }
    case "createTable": {
      // EXTERNAL without a LOCATION is Spark's error, left to the general path.
      if (statement.external && statement.location === undefined) return "notTableStatement";
      const name = tableNameOf(catalog, statement.name);
      if (catalog.warehouse.table(name.database, name.name) !== undefined) {
        if (statement.ifNotExists) return null;
        if (!statement.replace) throw tableAlreadyExists(name);
      }
      const schema = statement.columns === undefined ? undefined : declaredSchema(statement.columns);
      await createTable(engine, catalog, {
        name,
        partitionBy: statement.partitionBy,
        ...(statement.provider === undefined ? {} : { format: statement.provider }),
        ...(schema === undefined ? {} : { schema }),
        ...(statement.query === undefined ? {} : { query: statement.query }),
        ...(statement.location === undefined ? {} : { location: statement.location }),
        ...(statement.comment === undefined ? {} : { description: statement.comment }),
        options: statement.options,
        properties: statement.properties,
      });
      return null;
    }
    case "insert": {
      if (statement.columns !== undefined || statement.partition !== undefined) return "notTableStatement";
      const name = tableNameOf(catalog, statement.table);
      await insertInto(engine, catalog, name, statement.query, statement.overwrite);
      return null;
    }
    case "dropTable": {
      const resolved = catalog.resolve(statement.name);
      if (resolved.kind !== "table") return "notTableStatement";
      const name = { database: resolved.database, name: resolved.name };
      if (catalog.warehouse.table(name.database, name.name) === undefined) {
        if (statement.ifExists) return null;
        throw tableNotFound(name);
      }
      const table = catalog.tableOf(resolved);
      if (table?.view !== undefined) throw wrongCommandFor(table, "DROP TABLE");
      catalog.uncache(resolved);
      catalog.warehouse.dropTable(name.database, name.name);
      return null;
    }
    case "cacheTable": {
      if (statement.query !== undefined) {
        engine.analyze(statement.query);
        catalog.tempViews.create(statement.table.join("."), statement.query, true);
      }
      const resolved = catalog.resolve(statement.table);
      if (!catalog.exists(resolved)) throw relationNotFound(statement.table);
      catalog.cache(resolved);
      return null;
    }
    case "uncacheTable": {
      const resolved = catalog.resolve(statement.table);
      if (!catalog.exists(resolved)) {
        if (statement.ifExists) return null;
        throw relationNotFound(statement.table);
      }
      catalog.uncache(resolved);
      return null;
    }
    case "clearCache":
      catalog.clearCache();
      return null;
    case "describeTable":
      return describeTable(engine, catalog, statement.table, statement.extended, statement.column);
    case "describeQuery":
      return describeQuery(engine, statement.query);
    case "showColumns":
      return showColumns(engine, catalog, statement.table);
    case "explain":
      return explainStatement(engine, statement);
    case "showTblProperties":
      return showTblProperties(engine, catalog, statement.table, statement.key);
    default:
      return "notTableStatement";
  }
}
