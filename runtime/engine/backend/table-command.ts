/**
 * The table forms of the writer commands: `df.write.saveAsTable(name)` / `insertInto(name)` (WriteOperation with
 * a table target) and `df.writeTo(name).create()/replace()/createOrReplace()/append()/overwritePartitions()`
 * (WriteOperationV2).
 */
import {
  type WriteOperation,
  WriteOperation_SaveMode,
  WriteOperation_SaveTable_TableSaveMethod,
  type WriteOperationV2,
  WriteOperationV2_Mode,
} from "../../../generated/proto/spark/connect/commands_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { notSupportedLocally } from "../errors.js";
import type { QueryEngine } from "../query-engine.js";
import type { SessionCatalog } from "../session/session-catalog.js";
import {
  createTable,
  insertInto,
  saveAsTable,
  tableAlreadyExists,
  tableNameOf,
  tableNotFound,
} from "./table-writes.js";

export async function runTableWrite(op: WriteOperation, engine: QueryEngine, catalog: SessionCatalog): Promise<void> {
  if (op.saveType.case !== "table") return;
  if (op.input === undefined) throw new AnalysisException("The write operation has no input relation.");
  if (op.bucketBy !== undefined) throw notSupportedLocally("bucketBy");
  const name = tableNameOf(catalog, op.saveType.value.tableName);
  if (op.saveType.value.saveMethod === WriteOperation_SaveTable_TableSaveMethod.INSERT_INTO) {
    await insertInto(engine, catalog, name, op.input, op.mode === WriteOperation_SaveMode.OVERWRITE);
    return;
  }
  await saveAsTable(
    engine,
    catalog,
    { name, partitionBy: op.partitioningColumns, query: op.input, ...(op.source ? { format: op.source } : {}) },
    op.mode,
  );
}

export async function runTableWriteV2(op: WriteOperationV2, engine: QueryEngine, catalog: SessionCatalog) {
  if (op.input === undefined) throw new AnalysisException("The write operation has no input relation.");
  if (op.partitioningColumns.length > 0) throw notSupportedLocally("writeTo(...).partitionedBy");
  if (op.overwriteCondition !== undefined) throw notSupportedLocally("writeTo(...).overwrite(condition)");
  const name = tableNameOf(catalog, op.tableName);
  const exists = catalog.warehouse.table(name.database, name.name) !== undefined;
  const spec = { name, partitionBy: [], query: op.input, ...(op.provider ? { format: op.provider } : {}) };
  switch (op.mode) {
    case WriteOperationV2_Mode.CREATE:
      if (exists) throw tableAlreadyExists(name);
      return createTable(engine, catalog, spec);
    case WriteOperationV2_Mode.REPLACE:
      if (!exists) {
        throw tableNotFound(name);
      }
      return createTable(engine, catalog, spec);
    case WriteOperationV2_Mode.CREATE_OR_REPLACE:
      return createTable(engine, catalog, spec);
    case WriteOperationV2_Mode.APPEND:
      return insertInto(engine, catalog, name, op.input, false);
    case WriteOperationV2_Mode.OVERWRITE_PARTITIONS:
      return insertInto(engine, catalog, name, op.input, true);
    default:
      throw notSupportedLocally(`writeTo mode ${WriteOperationV2_Mode[op.mode] ?? op.mode}`);
  }
}
