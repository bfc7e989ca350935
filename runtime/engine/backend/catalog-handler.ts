/**
 * The `Catalog` relation (`spark.catalog.*`) on the embedded engine: each operation runs against the session
 * catalog now and answers with the small table Spark's server answers with (same columns, same order), encoded
 * as Arrow directly since its rows hold lists the columnar engine does not model.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { Bool, Field, List, Schema, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import type { ExecutePlanResponseSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { Catalog, CreateTable } from "../../../generated/proto/spark/connect/catalog_pb.js";
import { type DataType, DataTypeSchema } from "../../../generated/proto/spark/connect/types_pb.js";
import { AnalysisException, SparkException } from "../../errors/index.js";
import { notSupportedLocally, quoteId, sparkError } from "../errors.js";
import { outputOf } from "../logical/logical-plan.js";
import type { QueryEngine } from "../query-engine.js";
import { GLOBAL_TEMP_DATABASE } from "../session/global-temp-views.js";
import type { PersistedPlans } from "../session/persisted-plans.js";
import { type ResolvedName, SESSION_CATALOG, type SessionCatalog } from "../session/session-catalog.js";
import { type TableMetadata, tableTypeOf } from "../session/warehouse.js";
import * as T from "../types/data-types.js";
import { createTable, tableAlreadyExists, tableNameOf } from "./table-writes.js";

type ResponseBody = Pick<MessageInitShape<typeof ExecutePlanResponseSchema>, "responseType" | "schema">;
type Cell = string | boolean | readonly string[] | null;
type ColumnKind = "string" | "boolean" | "strings";
type Columns = readonly (readonly [string, ColumnKind, boolean])[];

const STRING_LIST = create(DataTypeSchema, {
  kind: { case: "array", value: { elementType: T.STRING, containsNull: true } },
});
const PROTO_TYPES: Record<ColumnKind, DataType> = { string: T.STRING, boolean: T.BOOLEAN, strings: STRING_LIST };

function arrowType(kind: ColumnKind) {
  if (kind === "boolean") return new Bool();
  if (kind === "strings") return new List(new Field("element", new Utf8(), true));
  return new Utf8();
}

function answer(columns: Columns, rows: readonly (readonly Cell[])[]): ResponseBody[] {
  const schema = T.structType(columns.map(([name, kind, nullable]) => ({ name, type: PROTO_TYPES[kind], nullable })));
  const fields = columns.map(([name, kind, nullable]) => new Field(name, arrowType(kind), nullable));
  const vectors = Object.fromEntries(
    columns.map(([name, kind], i) => [
      name,
      vectorFromArray(
        rows.map((r) => (r[i] === null ? null : Array.isArray(r[i]) ? [...(r[i] as string[])] : r[i])),
        arrowType(kind),
      ),
    ]),
  );
  const table = new Table(new Schema(fields), vectors);
  const data = tableToIPC(table, "stream");
  return [
    { schema },
    { responseType: { case: "arrowBatch", value: { rowCount: BigInt(rows.length), data, startOffset: 0n } } },
  ];
}

const single = (name: string, kind: ColumnKind, value: Cell) => answer([[name, kind, false]], [[value]]);
const none = (): ResponseBody[] => answer([], []);

const CATALOG_COLUMNS: Columns = [
  ["name", "string", true],
  ["description", "string", true],
];
const DATABASE_COLUMNS: Columns = [
  ["name", "string", false],
  ["catalog", "string", true],
  ["description", "string", true],
  ["locationUri", "string", false],
];
const TABLE_COLUMNS: Columns = [
  ["name", "string", false],
  ["catalog", "string", true],
  ["namespace", "strings", true],
  ["description", "string", true],
  ["tableType", "string", false],
  ["isTemporary", "boolean", false],
];
const COLUMN_COLUMNS: Columns = [
  ["name", "string", false],
  ["description", "string", true],
  ["dataType", "string", false],
  ["nullable", "boolean", false],
  ["isPartition", "boolean", false],
  ["isBucket", "boolean", false],
  ["isCluster", "boolean", false],
];

/** Spark's `LIKE`-style catalog pattern: `*` any run of characters, `|` alternatives, case-insensitive. */
function matcher(pattern: string | undefined): (name: string) => boolean {
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

function databaseRow(catalog: SessionCatalog, name: string): Cell[] {
  // Spark keeps an empty comment for databases created without one.
  const description = name === "default" ? "default database" : "";
  return [name, SESSION_CATALOG, description, `file:${catalog.warehouse.databaseDir(name)}`];
}

const typeOf = (table: TableMetadata | undefined): string => (table === undefined ? "MANAGED" : tableTypeOf(table));

function tableRows(catalog: SessionCatalog, database: string): Cell[][] {
  const tables: Cell[][] = catalog.warehouse
    .tables(database)
    .map((t) => [
      t,
      SESSION_CATALOG,
      [database],
      catalog.warehouse.table(database, t)?.description ?? null,
      typeOf(catalog.warehouse.table(database, t)),
      false,
    ]);
  const globals =
    database === GLOBAL_TEMP_DATABASE
      ? catalog.globalViews.names().map((v): Cell[] => [v, null, [GLOBAL_TEMP_DATABASE], null, "TEMPORARY", true])
      : [];
  const temps = catalog.tempViews.names().map((v): Cell[] => [v, null, [], null, "TEMPORARY", true]);
  return [...tables, ...globals, ...temps];
}

function notPartitioned(resolved: ResolvedName): Error {
  const table =
    resolved.kind === "table"
      ? [SESSION_CATALOG, resolved.database, resolved.name].map(quoteId).join(".")
      : quoteId(resolved.name);
  const operation = "ALTER TABLE RECOVER PARTITIONS";
  return sparkError(
    AnalysisException,
    "NOT_A_PARTITIONED_TABLE",
    "42809",
    `Operation ${operation} is not allowed for ${table} because it is not a partitioned table.`,
    { operation, tableIdentWithDB: table },
  );
}

function catalogNotFound(name: string): Error {
  return sparkError(
    SparkException,
    "CATALOG_NOT_FOUND",
    "42P08",
    `The catalog ${quoteId(name)} not found. Consider to set the SQL config "spark.sql.catalog.${name}" to a catalog plugin.`,
    { catalogName: quoteId(name) },
  );
}

function tableNotFound(name: string): Error {
  return sparkError(
    AnalysisException,
    "TABLE_OR_VIEW_NOT_FOUND",
    "42P01",
    `The table or view ${quoteId(name)} cannot be found.`,
    {
      relationName: name
        .split(".")
        .map((p) => quoteId(p))
        .join("."),
    },
  );
}

function requireExisting(catalog: SessionCatalog, name: string): ResolvedName {
  const resolved = catalog.resolve(name);
  if (!catalog.exists(resolved)) throw tableNotFound(name);
  return resolved;
}

/**
 * `spark.catalog.createTable`: without a path an empty managed table of the given schema; with one an external
 * table over the files there (its schema read from them unless given).
 */
async function createCatalogTable(value: CreateTable, catalog: SessionCatalog, engine: QueryEngine) {
  const location = value.path ?? value.options.path;
  const name = tableNameOf(catalog, value.tableName);
  if (catalog.warehouse.table(name.database, name.name) !== undefined) throw tableAlreadyExists(name);
  const declared = value.schema?.kind.case === "struct" && value.schema.kind.value.fields.length > 0;
  const schema = value.schema ?? T.structType([]);
  await createTable(engine, catalog, {
    name,
    partitionBy: [],
    ...(location === undefined ? {} : { location }),
    ...(location !== undefined && !declared
      ? {}
      : {
          schema: T.structType(
            (schema.kind.case === "struct" ? schema.kind.value.fields : []).map((f) => ({
              name: f.name,
              type: f.dataType ?? T.NULL,
              nullable: true,
            })),
          ),
        }),
    ...(value.source === undefined ? {} : { format: value.source }),
    ...(value.description === undefined ? {} : { description: value.description }),
  });
}

export async function runCatalogOperation(
  operation: Catalog,
  catalog: SessionCatalog,
  engine: QueryEngine,
  persisted: PersistedPlans,
): Promise<ResponseBody[]> {
  const op = operation.catType;
  switch (op.case) {
    case "createTable":
      await createCatalogTable(op.value, catalog, engine);
      return none();
    case "currentDatabase":
      return single("value", "string", catalog.currentDatabase);
    case "setCurrentDatabase": {
      catalog.warehouse.requireDatabase(op.value.dbName);
      catalog.currentDatabase = op.value.dbName.toLowerCase();
      return none();
    }
    case "currentCatalog":
      return single("value", "string", SESSION_CATALOG);
    // The engine has one catalog, Spark's default session catalog; no catalog plugins can be configured.
    case "setCurrentCatalog":
      if (op.value.catalogName.toLowerCase() !== SESSION_CATALOG) throw catalogNotFound(op.value.catalogName);
      return none();
    case "listCatalogs":
      return answer(CATALOG_COLUMNS, matcher(op.value.pattern)(SESSION_CATALOG) ? [[SESSION_CATALOG, null]] : []);
    case "databaseExists":
      return single("value", "boolean", catalog.warehouse.databaseExists(op.value.dbName));
    case "listDatabases": {
      const keep = matcher(op.value.pattern);
      return answer(
        DATABASE_COLUMNS,
        catalog.warehouse
          .databases()
          .filter(keep)
          .map((d) => databaseRow(catalog, d)),
      );
    }
    case "getDatabase":
      catalog.warehouse.requireDatabase(op.value.dbName);
      return answer(DATABASE_COLUMNS, [databaseRow(catalog, op.value.dbName.toLowerCase())]);
    case "listTables": {
      const database = (op.value.dbName ?? catalog.currentDatabase).toLowerCase();
      if (database !== GLOBAL_TEMP_DATABASE) catalog.warehouse.requireDatabase(database);
      const keep = matcher(op.value.pattern);
      return answer(
        TABLE_COLUMNS,
        tableRows(catalog, database).filter((r) => keep(r[0] as string)),
      );
    }
    case "tableExists": {
      const name = op.value.dbName === undefined ? op.value.tableName : `${op.value.dbName}.${op.value.tableName}`;
      return single("value", "boolean", catalog.exists(catalog.resolve(name)));
    }
    case "getTable": {
      const name = op.value.dbName === undefined ? op.value.tableName : `${op.value.dbName}.${op.value.tableName}`;
      const resolved = requireExisting(catalog, name);
      const row: Cell[] =
        resolved.kind === "table"
          ? [
              resolved.name,
              SESSION_CATALOG,
              [resolved.database],
              catalog.tableOf(resolved)?.description ?? null,
              typeOf(catalog.tableOf(resolved)),
              false,
            ]
          : [
              resolved.name,
              null,
              resolved.kind === "globalView" ? [GLOBAL_TEMP_DATABASE] : [],
              null,
              "TEMPORARY",
              true,
            ];
      return answer(TABLE_COLUMNS, [row]);
    }
    case "listColumns": {
      const name = op.value.dbName === undefined ? op.value.tableName : `${op.value.dbName}.${op.value.tableName}`;
      const resolved = requireExisting(catalog, name);
      const found = catalog.lookup(name);
      if (found === undefined) throw tableNotFound(name);
      const partitions = new Set(catalog.tableOf(resolved)?.partitionBy.map((p) => p.toLowerCase()) ?? []);
      const rows = outputOf(engine.analyzeCatalogRelation(found)).map((a): Cell[] => [
        a.name,
        null,
        T.simpleString(a.type),
        a.nullable,
        partitions.has(a.name.toLowerCase()),
        false,
        false,
      ]);
      return answer(COLUMN_COLUMNS, rows);
    }
    case "dropTempView":
      return single("value", "boolean", catalog.tempViews.drop(op.value.viewName));
    case "dropGlobalTempView":
      return single("value", "boolean", catalog.globalViews.drop(op.value.viewName));
    case "isCached":
      return single("value", "boolean", catalog.isCached(requireExisting(catalog, op.value.tableName)));
    case "cacheTable":
      catalog.cache(requireExisting(catalog, op.value.tableName));
      return none();
    case "uncacheTable":
      catalog.uncache(requireExisting(catalog, op.value.tableName));
      return none();
    case "clearCache":
      // Spark's clearCache drops every cached plan, persisted DataFrames included.
      catalog.clearCache();
      persisted.clear();
      return none();
    // Reads discover partition directories each time, so a partitioned table has nothing to recover.
    case "recoverPartitions": {
      const resolved = requireExisting(catalog, op.value.tableName);
      const table = resolved.kind === "table" ? catalog.tableOf(resolved) : undefined;
      if (table === undefined || table.partitionBy.length === 0) throw notPartitioned(resolved);
      return none();
    }
    case "refreshTable":
      requireExisting(catalog, op.value.tableName);
      return none();
    default:
      throw notSupportedLocally(`spark.catalog.${op.case ?? "unknown"}`);
  }
}
