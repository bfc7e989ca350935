/**
 * Writing managed tables: `saveAsTable` / `insertInto` (WriteOperation), the DataFrameWriterV2 modes, and SQL's
 * CREATE TABLE [AS SELECT] and INSERT INTO/OVERWRITE. Data goes through the same file writer as `save(path)`
 * into the table's directory; the table's schema and format go in its metadata file. Inserts match columns by
 * position and cast to the table's types, as Spark's store assignment does.
 */
import { create } from "@bufbuild/protobuf";
import { WriteOperation_SaveMode, WriteOperationSchema } from "../../../generated/proto/spark/connect/commands_pb.js";
import { ExpressionSchema } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { type DataType, DataTypeSchema } from "../../../generated/proto/spark/connect/types_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { parseIdentifier } from "../analyzer/name-resolution.js";
import { quoteId, sparkError } from "../errors.js";
import { localPath } from "../io/file-listing.js";
import { runWriteOperation } from "../io/write-operation.js";
import { outputOf } from "../logical/logical-plan.js";
import type { QueryEngine } from "../query-engine.js";
import type { SessionCatalog } from "../session/session-catalog.js";
import type { TableMetadata } from "../session/warehouse.js";
import { castTo, unparsedName } from "../sql/expression-builders.js";
import * as T from "../types/data-types.js";
import { relationNotFound } from "./statement-results.js";

export interface TableName {
  readonly database: string;
  readonly name: string;
}

export const qualifiedName = (t: TableName): string =>
  [quoteId("spark_catalog"), quoteId(t.database), quoteId(t.name)].join(".");

/** Resolves a table name for writing: views cannot be written, an unknown database is an error. */
export function tableNameOf(catalog: SessionCatalog, name: string | readonly string[]): TableName {
  const resolved = catalog.resolve(name);
  if (resolved.kind !== "table") {
    throw sparkError(
      AnalysisException,
      "EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE",
      "42809",
      `${quoteId(resolved.name)} is a view, where a table is expected.`,
      { viewName: quoteId(resolved.name), operation: "INSERT" },
    );
  }
  catalog.warehouse.requireDatabase(resolved.database);
  return { database: resolved.database, name: resolved.name };
}

export function tableAlreadyExists(table: TableName): Error {
  const relationName = qualifiedName(table);
  return sparkError(
    AnalysisException,
    "TABLE_OR_VIEW_ALREADY_EXISTS",
    "42P07",
    `Cannot create table or view ${relationName} because it already exists.`,
    { relationName },
  );
}

export function tableNotFound(table: TableName): Error {
  return relationNotFound(["spark_catalog", table.database, table.name]);
}

function structFields(schema: DataType) {
  return schema.kind.case === "struct" ? schema.kind.value.fields : [];
}

/** The input with its columns renamed and cast, by position, to the table's columns. */
function conformed(engine: QueryEngine, table: TableMetadata, input: Relation): Relation {
  const output = outputOf(engine.analyze(input));
  const fields = structFields(table.schema);
  if (output.length !== fields.length) {
    const tableName = qualifiedName(table);
    const reason = output.length < fields.length ? "NOT_ENOUGH_DATA_COLUMNS" : "TOO_MANY_DATA_COLUMNS";
    throw sparkError(
      AnalysisException,
      `INSERT_COLUMN_ARITY_MISMATCH.${reason}`,
      "21S01",
      `Cannot write to ${tableName}, the reason is ${reason === "NOT_ENOUGH_DATA_COLUMNS" ? "not enough" : "too many"} data columns: table columns ${fields.map((f) => quoteId(f.name)).join(", ")}, data columns ${output.map((a) => quoteId(a.name)).join(", ")}.`,
      {
        tableName,
        tableColumns: fields.map((f) => quoteId(f.name)).join(", "),
        dataColumns: output.map((a) => quoteId(a.name)).join(", "),
      },
    );
  }
  const expressions = fields.map((field, i) => {
    const source = create(ExpressionSchema, {
      exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: unparsedName([output[i]?.name ?? ""]) } },
    });
    const cast = castTo(source, field.dataType ?? T.NULL, "default");
    return create(ExpressionSchema, { exprType: { case: "alias", value: { expr: cast, name: [field.name] } } });
  });
  return create(RelationSchema, { relType: { case: "project", value: { input, expressions } } });
}

async function writeFiles(engine: QueryEngine, catalog: SessionCatalog, table: TableMetadata, input: Relation) {
  const op = create(WriteOperationSchema, {
    input,
    source: table.format,
    mode: WriteOperation_SaveMode.APPEND,
    saveType: { case: "path", value: catalog.warehouse.dataDir(table) },
    partitioningColumns: [...table.partitionBy],
    options: { ...table.options },
  });
  await runWriteOperation(op, (relation) => engine.execute(relation), engine.conf.timeZone);
}

/** Appends (or, with overwrite, replaces) the rows of an existing table. */
export async function insertInto(
  engine: QueryEngine,
  catalog: SessionCatalog,
  name: TableName,
  input: Relation,
  overwrite: boolean,
): Promise<void> {
  const table = catalog.warehouse.table(name.database, name.name);
  if (table === undefined) throw tableNotFound(name);
  const rows = conformed(engine, table, input);
  if (overwrite) catalog.warehouse.clearData(table);
  await writeFiles(engine, catalog, table, rows);
}

export const CLUSTERING_PROPERTY = "clusteringColumns";

export interface NewTable {
  readonly name: TableName;
  readonly format?: string;
  readonly partitionBy: readonly string[];
  /** Declared columns (CREATE TABLE t (...)); otherwise the query's output. */
  readonly schema?: DataType;
  readonly query?: Relation;
  readonly description?: string;
  /** An external table's data directory (`option("path")`, `LOCATION`, `createTable(name, path)`). */
  readonly location?: string;
  /** Data source options to write (and later read) the table's files with. */
  readonly options?: Readonly<Record<string, string>>;
  readonly properties?: Readonly<Record<string, string>>;
  /** `clusterBy` columns, kept as Spark keeps them: the `clusteringColumns` table property. */
  readonly clusterBy?: readonly string[];
}

/** The columns of the files already at an external table's location (nullable, as Spark stores them). */
function schemaAtLocation(engine: QueryEngine, format: string, location: string): DataType {
  const read = create(RelationSchema, {
    relType: {
      case: "read",
      value: { readType: { case: "dataSource", value: { format, paths: [location], options: {} } } },
    },
  });
  const output = outputOf(engine.analyze(read));
  return T.structType(output.map((a) => ({ name: a.name, type: a.type, nullable: true })));
}

/** Creates a table (replacing any existing one) and writes the query's rows into it. */
export async function createTable(engine: QueryEngine, catalog: SessionCatalog, spec: NewTable): Promise<void> {
  const format = (spec.format ?? "parquet").toLowerCase();
  const location = spec.location === undefined ? undefined : localPath(spec.location);
  let schema = spec.schema;
  if (schema === undefined && spec.query === undefined && location !== undefined)
    schema = schemaAtLocation(engine, format, location);
  if (schema === undefined) {
    if (spec.query === undefined) throw new AnalysisException("CREATE TABLE needs columns or a query.");
    const output = outputOf(engine.analyze(spec.query));
    const partition = new Set(spec.partitionBy.map((p) => p.toLowerCase()));
    // Spark stores table columns as nullable, with partition columns moved to the end.
    const ordered = [
      ...output.filter((a) => !partition.has(a.name.toLowerCase())),
      ...output.filter((a) => partition.has(a.name.toLowerCase())),
    ];
    schema = T.structType(ordered.map((a) => ({ name: a.name, type: a.type, nullable: true })));
  } else {
    schema = partitionColumnsLast(schema, spec.partitionBy);
  }
  catalog.warehouse.dropTable(spec.name.database, spec.name.name);
  const table: TableMetadata = {
    ...spec.name,
    format,
    schema,
    partitionBy: spec.partitionBy,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(location === undefined ? {} : { location }),
    ...(spec.options === undefined || Object.keys(spec.options).length === 0 ? {} : { options: spec.options }),
    ...propertiesOf(spec),
    createdAt: Date.now(),
  };
  catalog.warehouse.saveMetadata(table);
  // Creating a table from a query replaces whatever was at an external location.
  if (spec.query !== undefined && location !== undefined) catalog.warehouse.clearData(table);
  if (spec.query !== undefined) await writeFiles(engine, catalog, table, conformedByName(engine, table, spec.query));
}

/** A new table's properties; Spark records clustering columns among them, each as its name parts. */
function propertiesOf(spec: NewTable): { properties?: Readonly<Record<string, string>> } {
  const properties = { ...spec.properties };
  if (spec.clusterBy !== undefined && spec.clusterBy.length > 0) {
    properties[CLUSTERING_PROPERTY] = JSON.stringify(spec.clusterBy.map((c) => parseIdentifier(c)));
  }
  return Object.keys(properties).length === 0 ? {} : { properties };
}

/** Spark keeps a partitioned table's partition columns after the others, in the order PARTITIONED BY names them. */
function partitionColumnsLast(schema: DataType, partitionBy: readonly string[]): DataType {
  if (partitionBy.length === 0 || schema.kind.case !== "struct") return schema;
  const fields = schema.kind.value.fields;
  const partition = (name: string) => partitionBy.findIndex((p) => p.toLowerCase() === name.toLowerCase());
  const ordered = [
    ...fields.filter((f) => partition(f.name) < 0),
    ...fields.filter((f) => partition(f.name) >= 0).sort((a, b) => partition(a.name) - partition(b.name)),
  ];
  return create(DataTypeSchema, { kind: { case: "struct", value: { fields: ordered } } });
}

/** CTAS / saveAsTable rows: the query's columns reordered by name to the table's order (partitions last). */
function conformedByName(engine: QueryEngine, table: TableMetadata, input: Relation): Relation {
  const expressions = structFields(table.schema).map((f) =>
    create(ExpressionSchema, {
      exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: unparsedName([f.name]) } },
    }),
  );
  engine.analyze(input);
  return create(RelationSchema, { relType: { case: "project", value: { input, expressions } } });
}

/** `saveAsTable` with a save mode. */
export async function saveAsTable(
  engine: QueryEngine,
  catalog: SessionCatalog,
  spec: NewTable & { readonly query: Relation },
  mode: WriteOperation_SaveMode,
): Promise<void> {
  const existing = catalog.warehouse.table(spec.name.database, spec.name.name);
  if (existing === undefined) return createTable(engine, catalog, spec);
  switch (mode) {
    case WriteOperation_SaveMode.IGNORE:
      return;
    case WriteOperation_SaveMode.OVERWRITE:
      return createTable(engine, catalog, spec);
    case WriteOperation_SaveMode.APPEND: {
      const rows = conformed(engine, existing, conformedByName(engine, existing, spec.query));
      return writeFiles(engine, catalog, existing, rows);
    }
    default:
      throw tableAlreadyExists(spec.name);
  }
}
