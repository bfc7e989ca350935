/**
 * `spark.catalog`: the session's catalogs, databases, tables, views, functions and cache. Every method sends one
 * `Catalog` relation (PySpark's Connect client does the same), runs it right away and decodes the small Arrow
 * answer into typed objects (catalog-rows.ts).
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import type { CatalogApi } from "../../../generated/api/catalog.js";
import type { CatalogSchema } from "../../../generated/proto/spark/connect/catalog_pb.js";
import { StorageLevelSchema } from "../../../generated/proto/spark/connect/common_pb.js";
import { RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import type { Row } from "../../arrow/row.js";
import type {
  CatalogColumn,
  CatalogDatabase,
  CatalogFunction,
  CatalogMetadata,
  CatalogTable,
  StorageLevel,
} from "../../codegen/index.js";
import { ClientArgumentError } from "../../errors/index.js";
import { describeType } from "../../plan/literals.js";
import { dataTypeToProto, StructType } from "../../types/index.js";
import { requireString } from "../column.js";
import { DataFrame } from "../dataframe.js";
import { runQuery } from "../execution.js";
import { requireOptionRecord, withOptions } from "../io/option-values.js";
import type { SparkSession } from "../session.js";
import {
  catalogColumn,
  catalogDatabase,
  catalogFunction,
  catalogMetadata,
  catalogTable,
  onlyRow,
  singleFlag,
  singleText,
} from "./catalog-rows.js";

type CatalogOperation = NonNullable<MessageInitShape<typeof CatalogSchema>["catType"]>;

/** The catalog behind `spark.catalog`. */
export function createCatalog(session: SparkSession): Catalog {
  return new Catalog(session);
}

/** Optional string arguments (patterns, database names): left out when absent, checked when given. */
function optional<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  if (value === undefined || value === null) return {};
  return { [key]: requireString(value, key) } as Partial<Record<K, string>>;
}

export class Catalog implements CatalogApi {
  constructor(private readonly session: SparkSession) {}

  /** Runs one catalog operation and returns the rows of its answer. */
  private async run(operation: CatalogOperation): Promise<Row[]> {
    return runQuery(this.session.backend, this.adopt(operation)).collect();
  }

  /** One catalog operation as a relation of this session's plans. */
  private adopt(operation: CatalogOperation) {
    const relation = create(RelationSchema, { relType: { case: "catalog", value: { catType: operation } } });
    return this.session.plans.adopt(relation);
  }

  async currentCatalog(): Promise<string> {
    return singleText(await this.run({ case: "currentCatalog", value: {} }), "currentCatalog");
  }

  async setCurrentCatalog(catalogName: string): Promise<void> {
    await this.run({ case: "setCurrentCatalog", value: { catalogName: requireString(catalogName, "catalogName") } });
  }

  async listCatalogs(pattern?: string): Promise<CatalogMetadata[]> {
    const rows = await this.run({ case: "listCatalogs", value: optional("pattern", pattern) });
    return rows.map(catalogMetadata);
  }

  async currentDatabase(): Promise<string> {
    return singleText(await this.run({ case: "currentDatabase", value: {} }), "currentDatabase");
  }

  async setCurrentDatabase(dbName: string): Promise<void> {
    await this.run({ case: "setCurrentDatabase", value: { dbName: requireString(dbName, "dbName") } });
  }

  async listDatabases(pattern?: string): Promise<CatalogDatabase[]> {
    const rows = await this.run({ case: "listDatabases", value: optional("pattern", pattern) });
    return rows.map(catalogDatabase);
  }

  async getDatabase(dbName: string): Promise<CatalogDatabase> {
    const rows = await this.run({ case: "getDatabase", value: { dbName: requireString(dbName, "dbName") } });
    return catalogDatabase(onlyRow(rows, "getDatabase"));
  }

  async databaseExists(dbName: string): Promise<boolean> {
    const rows = await this.run({ case: "databaseExists", value: { dbName: requireString(dbName, "dbName") } });
    return singleFlag(rows, "databaseExists");
  }

  async listTables(dbName?: string, pattern?: string): Promise<CatalogTable[]> {
    const value = { ...optional("dbName", dbName), ...optional("pattern", pattern) };
    return (await this.run({ case: "listTables", value })).map(catalogTable);
  }

  async getTable(tableName: string): Promise<CatalogTable> {
    const rows = await this.run({ case: "getTable", value: { tableName: requireString(tableName, "tableName") } });
    return catalogTable(onlyRow(rows, "getTable"));
  }

  async tableExists(tableName: string, dbName?: string): Promise<boolean> {
    const value = { tableName: requireString(tableName, "tableName"), ...optional("dbName", dbName) };
    return singleFlag(await this.run({ case: "tableExists", value }), "tableExists");
  }

  async listFunctions(dbName?: string, pattern?: string): Promise<CatalogFunction[]> {
    const value = { ...optional("dbName", dbName), ...optional("pattern", pattern) };
    return (await this.run({ case: "listFunctions", value })).map(catalogFunction);
  }

  async getFunction(functionName: string): Promise<CatalogFunction> {
    const value = { functionName: requireString(functionName, "functionName") };
    return catalogFunction(onlyRow(await this.run({ case: "getFunction", value }), "getFunction"));
  }

  async functionExists(functionName: string, dbName?: string): Promise<boolean> {
    const value = { functionName: requireString(functionName, "functionName"), ...optional("dbName", dbName) };
    return singleFlag(await this.run({ case: "functionExists", value }), "functionExists");
  }

  async listColumns(tableName: string, dbName?: string): Promise<CatalogColumn[]> {
    const value = { tableName: requireString(tableName, "tableName"), ...optional("dbName", dbName) };
    return (await this.run({ case: "listColumns", value })).map(catalogColumn);
  }

  /**
   * Creates a table (external when `path` is given) and returns it as a DataFrame. Like PySpark's, that DataFrame
   * is the creating relation itself (the server answers it with the table's rows), so both send the same plans.
   */
  async createTable(
    tableName: string,
    path?: string,
    source?: string,
    schema?: StructType,
    description?: string,
    options?: Record<string, unknown>,
  ): Promise<DataFrame> {
    if (schema !== undefined && schema !== null && !(schema instanceof StructType)) {
      throw new ClientArgumentError(`schema must be a StructType, got ${describeType(schema)}.`, {
        errorClass: "NOT_STRUCT",
        messageParameters: { arg_name: "schema", arg_type: describeType(schema) },
      });
    }
    const value = {
      tableName: requireString(tableName, "tableName"),
      ...optional("path", path),
      ...optional("source", source),
      ...optional("description", description),
      ...(schema === undefined || schema === null ? {} : { schema: dataTypeToProto(schema) }),
      options: { ...withOptions({}, requireOptionRecord(options, "options")) },
    };
    const relation = this.adopt({ case: "createTable", value });
    await runQuery(this.session.backend, relation).collect();
    return new DataFrame(this.session, relation);
  }

  /** Deprecated in PySpark since 4.0 in favour of createTable, which it calls. */
  async createExternalTable(
    tableName: string,
    path?: string,
    source?: string,
    schema?: StructType,
    options?: Record<string, unknown>,
  ): Promise<DataFrame> {
    return this.createTable(tableName, path, source, schema, undefined, options);
  }

  /** Drops a temporary view; true when it existed. */
  async dropTempView(viewName: string): Promise<boolean> {
    const rows = await this.run({ case: "dropTempView", value: { viewName: requireString(viewName, "viewName") } });
    return singleFlag(rows, "dropTempView");
  }

  /** Drops a global temporary view; true when it existed. */
  async dropGlobalTempView(viewName: string): Promise<boolean> {
    const value = { viewName: requireString(viewName, "viewName") };
    return singleFlag(await this.run({ case: "dropGlobalTempView", value }), "dropGlobalTempView");
  }

  async isCached(tableName: string): Promise<boolean> {
    const rows = await this.run({ case: "isCached", value: { tableName: requireString(tableName, "tableName") } });
    return singleFlag(rows, "isCached");
  }

  /** Caches a table, with the server's default storage level unless one is given. */
  async cacheTable(tableName: string, storageLevel?: StorageLevel): Promise<void> {
    const value = {
      tableName: requireString(tableName, "tableName"),
      ...(storageLevel === undefined || storageLevel === null ? {} : { storageLevel: levelProto(storageLevel) }),
    };
    await this.run({ case: "cacheTable", value });
  }

  async uncacheTable(tableName: string): Promise<void> {
    await this.run({ case: "uncacheTable", value: { tableName: requireString(tableName, "tableName") } });
  }

  async clearCache(): Promise<void> {
    await this.run({ case: "clearCache", value: {} });
  }

  /** Drops cached data and metadata of a table so the next read sees its current files. */
  async refreshTable(tableName: string): Promise<void> {
    await this.run({ case: "refreshTable", value: { tableName: requireString(tableName, "tableName") } });
  }

  /** Adds the partition directories found under a partitioned table's location to the catalog. */
  async recoverPartitions(tableName: string): Promise<void> {
    await this.run({ case: "recoverPartitions", value: { tableName: requireString(tableName, "tableName") } });
  }

  /** Invalidates cached data of every DataFrame that reads files under `path`. */
  async refreshByPath(path: string): Promise<void> {
    await this.run({ case: "refreshByPath", value: { path: requireString(path, "path") } });
  }
}

function levelProto(level: StorageLevel) {
  if (typeof level !== "object" || level === null || typeof level.useDisk !== "boolean") {
    throw new ClientArgumentError(`storageLevel must be a StorageLevel, got ${describeType(level)}.`, {
      errorClass: "NOT_STORAGE_LEVEL",
      messageParameters: { arg_name: "storageLevel", arg_type: describeType(level) },
    });
  }
  const { useDisk, useMemory, useOffHeap, deserialized, replication } = level;
  return create(StorageLevelSchema, { useDisk, useMemory, useOffHeap, deserialized, replication });
}
