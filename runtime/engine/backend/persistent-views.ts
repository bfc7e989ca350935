/**
 * CREATE [OR REPLACE] VIEW and DROP VIEW for views kept in the warehouse, as Spark's session catalog keeps them:
 * the SQL text, the database current at creation and the column names, read again on every use. A persistent
 * view may not read a temporary view (INVALID_TEMP_OBJ_REFERENCE); DROP TABLE and DROP VIEW refuse each other's
 * objects (WRONG_COMMAND_FOR_OBJECT_TYPE).
 */
import { create } from "@bufbuild/protobuf";
import { DataType_StructFieldSchema, DataTypeSchema } from "../../../generated/proto/spark/connect/types_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import { outputOf } from "../logical/logical-plan.js";
import type { QueryEngine } from "../query-engine.js";
import type { SessionCatalog } from "../session/session-catalog.js";
import { type TableMetadata, tableTypeOf } from "../session/warehouse.js";
import type { SqlStatement } from "../sql/index.js";
import { qualifiedName, type TableName, tableAlreadyExists, tableNameOf } from "./table-writes.js";

type CreateView = SqlStatement & { kind: "createView" };

/** The names of every table or view the query reads (`read.namedTable` anywhere in the plan). */
function namesRead(node: unknown, found: string[] = []): string[] {
  if (node === null || typeof node !== "object") return found;
  const value = node as { case?: unknown; value?: { unparsedIdentifier?: unknown } };
  if (value.case === "namedTable" && typeof value.value?.unparsedIdentifier === "string") {
    found.push(value.value.unparsedIdentifier);
  }
  for (const child of Object.values(node)) namesRead(child, found);
  return found;
}

function temporaryReference(view: TableName, temporary: string): Error {
  const obj = qualifiedName(view);
  const tempObjName = `\`${temporary}\``;
  return sparkError(
    AnalysisException,
    "INVALID_TEMP_OBJ_REFERENCE",
    "42K0F",
    `Cannot create the persistent object ${obj} of the type VIEW because it references to the temporary object ${tempObjName} of the type VIEW.`,
    { obj, objName: obj, objType: "VIEW", tempObj: "VIEW", tempObjName },
  );
}

export function createPersistentView(engine: QueryEngine, catalog: SessionCatalog, statement: CreateView): void {
  const name = tableNameOf(catalog, statement.name);
  const existing = catalog.warehouse.table(name.database, name.name);
  if (existing !== undefined) {
    if (statement.ifNotExists) return;
    if (!statement.replace || existing.view === undefined) throw tableAlreadyExists(name);
  }
  const temporary = namesRead(statement.query).find((read) => catalog.resolve(read).kind !== "table");
  if (temporary !== undefined) throw temporaryReference(name, temporary);
  const output = outputOf(engine.analyze(statement.query));
  if (statement.columns.length > 0 && statement.columns.length !== output.length) {
    throw sparkError(
      AnalysisException,
      statement.columns.length > output.length
        ? "CREATE_VIEW_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS"
        : "CREATE_VIEW_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS",
      "21S01",
      `Cannot create view ${qualifiedName(name)}: the view has ${statement.columns.length} columns and its query ${output.length}.`,
      {
        viewName: qualifiedName(name),
        viewColumns: statement.columns.map((c) => `\`${c.name}\``).join(", "),
        dataColumns: output.map((a) => `\`${a.name}\``).join(", "),
      },
    );
  }
  const fields = output.map((a, i) => {
    const declared = statement.columns[i];
    return create(DataType_StructFieldSchema, {
      name: declared?.name ?? a.name,
      dataType: a.type,
      nullable: true,
      ...(declared?.comment === undefined ? {} : { metadata: JSON.stringify({ comment: declared.comment }) }),
    });
  });
  const view: TableMetadata = {
    ...name,
    format: "view",
    schema: create(DataTypeSchema, { kind: { case: "struct", value: { fields } } }),
    partitionBy: [],
    createdAt: Date.now(),
    ...(statement.comment === undefined ? {} : { description: statement.comment }),
    ...(Object.keys(statement.properties).length === 0 ? {} : { properties: statement.properties }),
    view: { text: statement.queryText, database: catalog.currentDatabase, queryColumns: output.map((a) => a.name) },
  };
  catalog.warehouse.dropTable(name.database, name.name);
  catalog.warehouse.saveMetadata(view);
}

/** DROP TABLE on a view, or DROP VIEW on a table: Spark names the command to use instead. */
export function wrongCommandFor(table: TableMetadata, command: "DROP TABLE" | "DROP VIEW"): Error {
  const type = tableTypeOf(table);
  const objectName = `spark_catalog.${table.database}.${table.name}`;
  const required = command === "DROP VIEW" ? "VIEW" : "EXTERNAL or MANAGED";
  const alternative = command === "DROP VIEW" ? "DROP TABLE" : "DROP VIEW";
  return sparkError(
    AnalysisException,
    "WRONG_COMMAND_FOR_OBJECT_TYPE",
    "42809",
    `The operation ${command} requires a ${required}. But ${objectName} is a ${type}. Use ${alternative} instead.`,
    { operation: command, requiredType: required, objectName, foundType: type, alternative },
  );
}
