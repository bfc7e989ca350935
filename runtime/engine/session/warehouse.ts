/**
 * Databases and managed tables on disk, laid out as Spark's session catalog lays them out: `default` is the
 * warehouse directory itself, another database `db` is `<warehouse>/db.db`, and a table is a directory of data
 * files inside its database. Each table directory also holds a small metadata file (its schema and format) so a
 * later session finds the table without a metastore.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fromJson, type JsonValue, toJson } from "@bufbuild/protobuf";
import { type DataType, DataTypeSchema } from "../../../generated/proto/spark/connect/types_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { quoteId, sparkError } from "../errors.js";

export const DEFAULT_DATABASE = "default";
const METADATA_FILE = ".sparkts-table.json";

export interface TableMetadata {
  readonly name: string;
  readonly database: string;
  /** The data source the files are written in (`parquet` unless the writer named another). */
  readonly format: string;
  readonly schema: DataType;
  readonly partitionBy: readonly string[];
  /** The table comment (`spark.catalog.createTable(..., description=)`), shown as its description. */
  readonly description?: string;
  /** An external table's data directory (its files are not the catalog's: dropping the table keeps them). */
  readonly location?: string;
  /** Data source options the table was written with (csv `sep`, ...); its files are read back with them. */
  readonly options?: Readonly<Record<string, string>>;
  /** TBLPROPERTIES / `tableProperty`: free-form key-value pairs, shown by SHOW TBLPROPERTIES. */
  readonly properties?: Readonly<Record<string, string>>;
  /** When the table was created (ms since the epoch), for DESCRIBE TABLE EXTENDED. */
  readonly createdAt?: number;
  /** Set for a persistent view: its query, read again whenever the view is. */
  readonly view?: ViewDefinition;
}

export interface ViewDefinition {
  /** The SQL text of the view's query, as written. */
  readonly text: string;
  /** The database current when the view was made. */
  readonly database: string;
  /** The names of the query's own output columns (before the view's column list renames them). */
  readonly queryColumns: readonly string[];
}

/** A table's kind as the catalog reports it (`Table.tableType`, DESCRIBE's Type). */
export function tableTypeOf(table: TableMetadata): "VIEW" | "MANAGED" | "EXTERNAL" {
  if (table.view !== undefined) return "VIEW";
  return table.location === undefined ? "MANAGED" : "EXTERNAL";
}

interface StoredMetadata {
  readonly format: string;
  readonly schema: JsonValue;
  readonly partitionBy: readonly string[];
  readonly description?: string;
  readonly location?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly properties?: Readonly<Record<string, string>>;
  readonly createdAt?: number;
  readonly view?: ViewDefinition;
}

function noSuchDatabase(name: string): Error {
  const schemaName = `${quoteId("spark_catalog")}.${quoteId(name)}`;
  return sparkError(
    AnalysisException,
    "SCHEMA_NOT_FOUND",
    "42704",
    `The schema ${schemaName} cannot be found. Verify the spelling and correctness of the schema and catalog.`,
    { schemaName },
  );
}

export class Warehouse {
  readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory.replace(/^file:/, ""));
  }

  databaseDir(database: string): string {
    const name = database.toLowerCase();
    return name === DEFAULT_DATABASE ? this.root : join(this.root, `${name}.db`);
  }

  databaseExists(database: string): boolean {
    return database.toLowerCase() === DEFAULT_DATABASE || existsSync(this.databaseDir(database));
  }

  requireDatabase(database: string): void {
    if (!this.databaseExists(database)) throw noSuchDatabase(database);
  }

  /** `default` first, then the others by name, as Spark lists them. */
  databases(): string[] {
    const others = existsSync(this.root)
      ? readdirSync(this.root)
          .filter((f) => f.endsWith(".db") && statSync(join(this.root, f)).isDirectory())
          .map((f) => f.slice(0, -3))
      : [];
    return [DEFAULT_DATABASE, ...others.sort()];
  }

  createDatabase(database: string, ifNotExists: boolean): void {
    if (this.databaseExists(database)) {
      if (ifNotExists) return;
      throw sparkError(
        AnalysisException,
        "SCHEMA_ALREADY_EXISTS",
        "42P06",
        `Cannot create schema ${quoteId(database)} because it already exists.`,
        { schemaName: quoteId(database) },
      );
    }
    mkdirSync(this.databaseDir(database), { recursive: true });
  }

  dropDatabase(database: string, ifExists: boolean, cascade: boolean): void {
    if (!this.databaseExists(database)) {
      if (ifExists) return;
      throw noSuchDatabase(database);
    }
    if (database.toLowerCase() === DEFAULT_DATABASE) {
      throw sparkError(
        AnalysisException,
        "UNSUPPORTED_FEATURE.DROP_DATABASE",
        "0A000",
        "Drop the default database is not allowed.",
        { database: quoteId(DEFAULT_DATABASE) },
      );
    }
    if (!cascade && this.tables(database).length > 0) {
      throw sparkError(
        AnalysisException,
        "SCHEMA_NOT_EMPTY",
        "2BP01",
        `Cannot drop a schema ${quoteId(database)} because it contains objects.`,
        { schemaName: quoteId(database) },
      );
    }
    rmSync(this.databaseDir(database), { recursive: true, force: true });
  }

  tableDir(database: string, table: string): string {
    return join(this.databaseDir(database), table.toLowerCase());
  }

  /** Table names of a database, sorted. */
  tables(database: string): string[] {
    const dir = this.databaseDir(database);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => existsSync(join(dir, f, METADATA_FILE)))
      .sort();
  }

  table(database: string, table: string): TableMetadata | undefined {
    const file = join(this.tableDir(database, table), METADATA_FILE);
    if (!existsSync(file)) return undefined;
    const stored = JSON.parse(readFileSync(file, "utf8")) as StoredMetadata;
    return {
      name: table.toLowerCase(),
      database: database.toLowerCase(),
      format: stored.format,
      schema: fromJson(DataTypeSchema, stored.schema),
      partitionBy: stored.partitionBy,
      ...(stored.description === undefined ? {} : { description: stored.description }),
      ...(stored.location === undefined ? {} : { location: stored.location }),
      ...(stored.options === undefined ? {} : { options: stored.options }),
      ...(stored.properties === undefined ? {} : { properties: stored.properties }),
      ...(stored.createdAt === undefined ? {} : { createdAt: stored.createdAt }),
      ...(stored.view === undefined ? {} : { view: stored.view }),
    };
  }

  /** Records a table's metadata (its directory is created if the data has not been written yet). */
  saveMetadata(table: TableMetadata): void {
    const dir = this.tableDir(table.database, table.name);
    mkdirSync(dir, { recursive: true });
    const stored: StoredMetadata = {
      format: table.format,
      schema: toJson(DataTypeSchema, table.schema),
      partitionBy: table.partitionBy,
      ...(table.description === undefined ? {} : { description: table.description }),
      ...(table.location === undefined ? {} : { location: table.location }),
      ...(table.options === undefined ? {} : { options: table.options }),
      ...(table.properties === undefined ? {} : { properties: table.properties }),
      ...(table.createdAt === undefined ? {} : { createdAt: table.createdAt }),
      ...(table.view === undefined ? {} : { view: table.view }),
    };
    writeFileSync(join(dir, METADATA_FILE), JSON.stringify(stored));
  }

  /** Where a table's data files live: its external location, else its directory in the warehouse. */
  dataDir(table: TableMetadata): string {
    return table.location ?? this.tableDir(table.database, table.name);
  }

  /** Whether the table's data directory holds any data file (an empty table has only its metadata). */
  hasData(table: TableMetadata): boolean {
    const dir = this.dataDir(table);
    return existsSync(dir) && readdirSync(dir).some((f) => !f.startsWith(".") && !f.startsWith("_"));
  }

  /** Removes the data files, keeping the metadata (INSERT OVERWRITE, saveAsTable overwrite of the data). */
  clearData(table: TableMetadata): void {
    const dir = this.dataDir(table);
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) if (f !== METADATA_FILE) rmSync(join(dir, f), { recursive: true, force: true });
  }

  /** Forgets a table; a managed table's files go with it, an external table's stay at its location. */
  dropTable(database: string, table: string): void {
    rmSync(this.tableDir(database, table), { recursive: true, force: true });
  }
}
