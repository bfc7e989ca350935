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
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { parseIdentifier } from "../analyzer/name-resolution.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import type { QueryEngine } from "../query-engine.js";
import type { SessionCatalog } from "../session/session-catalog.js";
import { relationNotFound } from "./statement-results.js";
import {
  createTable,
  insertInto,
  qualifiedName,
  saveAsTable,
  tableAlreadyExists,
  tableNameOf,
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
    {
      name,
      partitionBy: op.partitioningColumns,
      clusterBy: op.clusteringColumns,
      query: op.input,
      ...(op.source ? { format: op.source } : {}),
      ...(op.options.path === undefined ? {} : { location: op.options.path }),
    },
    op.mode,
  );
}

/** A `partitionedBy` column: a plain column partitions by its values; transforms (years, bucket...) need a v2 catalog. */
function partitionColumnName(expression: Expression): string {
  const e = expression.exprType;
  if (e.case === "unresolvedAttribute") return parseIdentifier(e.value.unparsedIdentifier).join(".");
  const transform = e.case === "unresolvedFunction" ? e.value.functionName : (e.case ?? "an expression");
  throw notSupportedLocally(`writeTo(...).partitionedBy with the partition transform ${transform}`);
}

/**
 * `df.writeTo(name)` against the session catalog, with Spark's answers there: `create` makes a managed table;
 * REPLACE TABLE AS SELECT is not a session-catalog operation, and the session catalog's tables are v1 tables
 * that the v2 append/overwrite paths refuse to write into.
 */
export async function runTableWriteV2(op: WriteOperationV2, engine: QueryEngine, catalog: SessionCatalog) {
  if (op.input === undefined) throw new AnalysisException("The write operation has no input relation.");
  const name = tableNameOf(catalog, op.tableName);
  const exists = catalog.warehouse.table(name.database, name.name) !== undefined;
  switch (op.mode) {
    case WriteOperationV2_Mode.CREATE:
      if (exists) throw tableAlreadyExists(name);
      return createTable(engine, catalog, {
        name,
        partitionBy: op.partitioningColumns.map(partitionColumnName),
        query: op.input,
        options: op.options,
        properties: op.tableProperties,
        clusterBy: op.clusteringColumns,
        ...(op.provider ? { format: op.provider } : {}),
      });
    case WriteOperationV2_Mode.REPLACE:
    case WriteOperationV2_Mode.CREATE_OR_REPLACE: {
      const tableName = qualifiedName(name);
      throw sparkError(
        AnalysisException,
        "UNSUPPORTED_FEATURE.TABLE_OPERATION",
        "0A000",
        `The feature is not supported: Table ${tableName} does not support REPLACE TABLE AS SELECT.`,
        { tableName, operation: "REPLACE TABLE AS SELECT" },
      );
    }
    default: {
      if (!exists) throw relationNotFound(parseIdentifier(op.tableName));
      const identifier = qualifiedName(name);
      throw new AnalysisException(`Cannot write into v1 table: ${identifier}.`, {
        errorClass: "_LEGACY_ERROR_TEMP_1012",
        messageParameters: { identifier },
      });
    }
  }
}
