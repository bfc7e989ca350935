/**
 * The rows the server answers catalog requests with, turned into typed objects. Each catalog operation returns a
 * small table whose columns come in a fixed order (the fields of Spark's catalog case classes); reading by
 * position and checking each value's type catches a server that answers something else, instead of handing the
 * user a wrongly typed field.
 */

import type { Row } from "../../arrow/row.js";
import type {
  CatalogColumn,
  CatalogDatabase,
  CatalogFunction,
  CatalogMetadata,
  CatalogTable,
} from "../../codegen/index.js";
import { SparkConnectError } from "../../errors/index.js";
import { describeType } from "../../plan/literals.js";

function unexpected(what: string, index: number, value: unknown): SparkConnectError {
  return new SparkConnectError(
    `The server's catalog answer has ${describeType(value)} in column ${index}, where ${what} was expected.`,
    { errorClass: "UNEXPECTED_CATALOG_RESULT" },
  );
}

function text(row: Row, index: number): string {
  const value = row.get(index);
  if (typeof value !== "string") throw unexpected("a string", index, value);
  return value;
}

function optionalText(row: Row, index: number): string | null {
  const value = row.get(index);
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw unexpected("a string or null", index, value);
  return value;
}

function flag(row: Row, index: number): boolean {
  const value = row.get(index);
  if (typeof value !== "boolean") throw unexpected("a boolean", index, value);
  return value;
}

function optionalTextList(row: Row, index: number): string[] | null {
  const value = row.get(index);
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || !value.every((part) => typeof part === "string")) {
    throw unexpected("a list of strings or null", index, value);
  }
  return [...value] as string[];
}

/** The single value of a one-row, one-column answer (currentCatalog, tableExists, ...). */
export function singleValue(rows: readonly Row[], operation: string): unknown {
  const row = rows[0];
  if (rows.length !== 1 || row === undefined || row.length < 1) {
    throw new SparkConnectError(`The server answered ${operation} with ${rows.length} rows instead of one.`, {
      errorClass: "UNEXPECTED_CATALOG_RESULT",
    });
  }
  return row.get(0);
}

/** The one row of a single-object answer (getDatabase, getTable, getFunction). */
export function onlyRow(rows: readonly Row[], operation: string): Row {
  const row = rows[0];
  if (rows.length !== 1 || row === undefined) {
    throw new SparkConnectError(`The server answered ${operation} with ${rows.length} rows instead of one.`, {
      errorClass: "UNEXPECTED_CATALOG_RESULT",
    });
  }
  return row;
}

export function singleText(rows: readonly Row[], operation: string): string {
  const value = singleValue(rows, operation);
  if (typeof value !== "string") throw unexpected("a string", 0, value);
  return value;
}

export function singleFlag(rows: readonly Row[], operation: string): boolean {
  const value = singleValue(rows, operation);
  if (typeof value !== "boolean") throw unexpected("a boolean", 0, value);
  return value;
}

export function catalogMetadata(row: Row): CatalogMetadata {
  return { name: text(row, 0), description: optionalText(row, 1) };
}

export function catalogDatabase(row: Row): CatalogDatabase {
  return {
    name: text(row, 0),
    catalog: optionalText(row, 1),
    description: optionalText(row, 2),
    locationUri: text(row, 3),
  };
}

export function catalogTable(row: Row): CatalogTable {
  return {
    name: text(row, 0),
    catalog: optionalText(row, 1),
    namespace: optionalTextList(row, 2),
    description: optionalText(row, 3),
    tableType: text(row, 4),
    isTemporary: flag(row, 5),
  };
}

export function catalogFunction(row: Row): CatalogFunction {
  return {
    name: text(row, 0),
    catalog: optionalText(row, 1),
    namespace: optionalTextList(row, 2),
    description: optionalText(row, 3),
    className: text(row, 4),
    isTemporary: flag(row, 5),
  };
}

export function catalogColumn(row: Row): CatalogColumn {
  return {
    name: text(row, 0),
    description: optionalText(row, 1),
    dataType: text(row, 2),
    nullable: flag(row, 3),
    isPartition: flag(row, 4),
    isBucket: flag(row, 5),
    isCluster: flag(row, 6),
  };
}
