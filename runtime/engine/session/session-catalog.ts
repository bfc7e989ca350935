/**
 * One session's view of the catalog: its temporary views, the process-wide `global_temp` views, the current
 * database and the managed tables of the warehouse, and the names it has cached. Name lookup follows Spark's
 * order: a one-part name is a temporary view first, then a table of the current database; `global_temp.v` is a
 * global temporary view; `db.t` (or `spark_catalog.db.t`) is a table.
 */
import { create } from "@bufbuild/protobuf";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { parseIdentifier } from "../analyzer/name-resolution.js";
import type { CatalogRelation } from "../analyzer/relation-analyzer.js";
import { batchToArrowIpc } from "../columnar/arrow-io.js";
import { emptyBatch } from "../columnar/column-vector.js";
import { dataTypeFromProto } from "../types/type-model.js";
import { GLOBAL_TEMP_DATABASE, globalTempViews } from "./global-temp-views.js";
import { ViewCatalog } from "./view-catalog.js";
import { DEFAULT_DATABASE, type TableMetadata, type ViewDefinition, Warehouse } from "./warehouse.js";

export const SESSION_CATALOG = "spark_catalog";

export type ResolvedName =
  | { readonly kind: "tempView"; readonly name: string }
  | { readonly kind: "globalView"; readonly name: string }
  | { readonly kind: "table"; readonly database: string; readonly name: string };

/**
 * A persistent view reads its SQL text again, its columns renamed to the view's (Spark stores the text and the
 * column names, not a plan).
 */
function viewRelation(table: TableMetadata, view: ViewDefinition): Relation {
  const query = create(RelationSchema, { relType: { case: "sql", value: { query: view.text } } });
  const columnNames = table.schema.kind.case === "struct" ? table.schema.kind.value.fields.map((f) => f.name) : [];
  return create(RelationSchema, { relType: { case: "toDf", value: { input: query, columnNames } } });
}

export class SessionCatalog {
  readonly tempViews = new ViewCatalog();
  readonly globalViews = globalTempViews;
  readonly warehouse: Warehouse;
  currentDatabase = DEFAULT_DATABASE;
  /** Names given to cacheTable / CACHE TABLE, lower-cased as resolved. */
  private readonly cached = new Set<string>();

  constructor(warehouseDir: string) {
    this.warehouse = new Warehouse(warehouseDir);
  }

  /** Takes over another session's temporary views and current database, as a cloned session does. */
  copyFrom(other: SessionCatalog): void {
    this.tempViews.copyFrom(other.tempViews);
    this.currentDatabase = other.currentDatabase;
  }

  /**
   * What a (possibly qualified) name refers to, before checking that it exists. Inside a persistent view
   * (`viewDatabase` given) a one-part name is a table of the view's database: a view never reads temporary views.
   */
  resolve(name: string | readonly string[], viewDatabase?: string): ResolvedName {
    let parts = typeof name === "string" ? parseIdentifier(name) : [...name];
    if (parts.length === 3 && parts[0]?.toLowerCase() === SESSION_CATALOG) parts = parts.slice(1);
    const [first, second] = parts;
    if (parts.length === 1 && first !== undefined && viewDatabase !== undefined) {
      return { kind: "table", database: viewDatabase, name: first.toLowerCase() };
    }
    if (parts.length === 1 && first !== undefined) {
      return this.tempViews.get(first) !== undefined
        ? { kind: "tempView", name: first.toLowerCase() }
        : { kind: "table", database: this.currentDatabase, name: first.toLowerCase() };
    }
    if (parts.length === 2 && first !== undefined && second !== undefined) {
      return first.toLowerCase() === GLOBAL_TEMP_DATABASE
        ? { kind: "globalView", name: second.toLowerCase() }
        : { kind: "table", database: first.toLowerCase(), name: second.toLowerCase() };
    }
    return { kind: "table", database: parts.slice(0, -1).join("."), name: (parts.at(-1) ?? "").toLowerCase() };
  }

  tableOf(resolved: ResolvedName): TableMetadata | undefined {
    return resolved.kind === "table" ? this.warehouse.table(resolved.database, resolved.name) : undefined;
  }

  exists(resolved: ResolvedName): boolean {
    switch (resolved.kind) {
      case "tempView":
        return this.tempViews.get(resolved.name) !== undefined;
      case "globalView":
        return this.globalViews.get(resolved.name) !== undefined;
      case "table":
        return this.tableOf(resolved) !== undefined;
    }
  }

  /** What a name reads: a view's definition or a scan of a table's files. */
  lookup(name: string, viewDatabase?: string): CatalogRelation | undefined {
    const resolved = this.resolve(name, viewDatabase);
    const temporary =
      resolved.kind === "tempView"
        ? this.tempViews.get(resolved.name)
        : resolved.kind === "globalView"
          ? this.globalViews.get(resolved.name)
          : undefined;
    if (resolved.kind !== "table") return temporary === undefined ? undefined : { relation: temporary };
    const table = this.tableOf(resolved);
    if (table === undefined) return undefined;
    if (table.view === undefined) return { relation: this.tableScan(table) };
    return { relation: viewRelation(table, table.view), viewDatabase: table.view.database };
  }

  private tableScan(table: TableMetadata): Relation {
    const dir = this.warehouse.dataDir(table);
    if (this.warehouse.hasData(table)) {
      return create(RelationSchema, {
        relType: {
          case: "read",
          // The catalog's schema, not inference: csv and json files do not carry their column types.
          value: {
            readType: {
              case: "dataSource",
              value: {
                format: table.format,
                paths: [dir],
                options: { ...table.options },
                schema: dataTypeFromProto(table.schema).json(),
              },
            },
          },
        },
      });
    }
    const fields =
      table.schema.kind.case === "struct"
        ? table.schema.kind.value.fields.map((f) => ({
            name: f.name,
            type: f.dataType ?? table.schema,
            nullable: f.nullable,
          }))
        : [];
    const data = batchToArrowIpc(emptyBatch(fields.map((f) => f.type)), fields, "UTC");
    return create(RelationSchema, { relType: { case: "localRelation", value: { data } } });
  }

  private cacheKey(resolved: ResolvedName): string {
    return resolved.kind === "table"
      ? `${resolved.kind}:${resolved.database}.${resolved.name}`
      : `${resolved.kind}:${resolved.name}`;
  }

  cache(resolved: ResolvedName): void {
    this.cached.add(this.cacheKey(resolved));
  }

  uncache(resolved: ResolvedName): void {
    this.cached.delete(this.cacheKey(resolved));
  }

  isCached(resolved: ResolvedName): boolean {
    return this.cached.has(this.cacheKey(resolved));
  }

  clearCache(): void {
    this.cached.clear();
  }
}
