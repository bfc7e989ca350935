/**
 * The `WriteOperation` command on the embedded engine (`df.write.mode(...).partitionBy(...).format(...)
 * .save(path)`): runs the input, then writes one `part-NNNNN-<uuid>-c000.<ext>` file per result partition (per
 * partition directory with partitionBy) and an empty `_SUCCESS` marker, as Spark's file writer does. Save modes:
 * error (the default) and ignore look at whether the path exists, overwrite replaces it, append adds files.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type WriteOperation, WriteOperation_SaveMode } from "../../../generated/proto/spark/connect/commands_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import type { FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, type ColumnVector, concatBatches, getScalar, takeBatch } from "../columnar/column-vector.js";
import { notSupportedLocally, quoteId, sparkError } from "../errors.js";
import type { QueryResult } from "../query-engine.js";
import * as T from "../types/data-types.js";
import { type FileFormat, fileFormatOf } from "./data-source-reader.js";
import { localPath } from "./file-listing.js";
import { encodeFile, FILE_EXTENSIONS } from "./format-writers.js";
import { DEFAULT_PARTITION_NAME } from "./partition-discovery.js";
import { SourceOptions } from "./source-options.js";
import { formatDate, formatTimestamp } from "./value-format.js";

export type RunRelation = (relation: Relation) => Promise<QueryResult>;

function pathExists(path: string): Error {
  return sparkError(
    AnalysisException,
    "PATH_ALREADY_EXISTS",
    "42K04",
    `Path file:${path} already exists. Set mode as "overwrite" to overwrite the existing path.`,
    { outputPath: `file:${path}` },
  );
}

/** Escapes a partition value the way Hive-style directory names need (`/`, `=`, `%`, `:` and friends). */
const PATH_SPECIAL = new Set("\"#%'*/:=?\\{}[]^\x7f");

function escapePathName(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || PATH_SPECIAL.has(c) ? `%${code.toString(16).toUpperCase().padStart(2, "0")}` : c;
  }
  return out;
}

function partitionValueText(column: ColumnVector, row: number, timeZone: string): string {
  const value = getScalar(column, row);
  if (value === null) return DEFAULT_PARTITION_NAME;
  switch (column.type.kind.case) {
    case "date":
      return formatDate(value as number);
    case "timestamp":
      return formatTimestamp(value as bigint, timeZone)
        .replace("T", " ")
        .replace(/(\.000)?(Z|[+-]\d\d:\d\d)$/, "");
    case "decimal": {
      const { scale } = T.decimalParts(column.type);
      const digits = (value as bigint).toString();
      return scale === 0 ? digits : `${digits.slice(0, -scale) || "0"}.${digits.slice(-scale).padStart(scale, "0")}`;
    }
    default:
      return String(value);
  }
}

/** Rows of one batch grouped by their partition directory (`k1=v1/k2=v2`), first-seen order. */
function splitByDirectory(
  batch: Batch,
  keyColumns: readonly number[],
  names: readonly string[],
  tz: string,
): Map<string, Int32Array> {
  const groups = new Map<string, number[]>();
  for (let r = 0; r < batch.numRows; r++) {
    const dir = keyColumns
      .map(
        (c, k) =>
          `${escapePathName(names[k] as string)}=${escapePathName(partitionValueText(batch.columns[c] as ColumnVector, r, tz))}`,
      )
      .join("/");
    let rows = groups.get(dir);
    if (rows === undefined) {
      rows = [];
      groups.set(dir, rows);
    }
    rows.push(r);
  }
  return new Map([...groups].map(([dir, rows]) => [dir, Int32Array.from(rows)]));
}

/** Whether a format can write a column of `type`: text only strings, CSV no nested values. */
function formatHolds(format: FileFormat, type: T.DataType): boolean {
  if (format === "text") return T.isString(type);
  if (format === "csv") return !["array", "map", "struct"].includes(type.kind.case ?? "");
  return true;
}

export async function runWriteOperation(op: WriteOperation, run: RunRelation, timeZone: string): Promise<void> {
  if (op.input === undefined) throw new AnalysisException("The write operation has no input relation.");
  if (op.saveType.case !== "path") throw notSupportedLocally("saving to a table (saveAsTable / insertInto)");
  if (op.bucketBy !== undefined) throw notSupportedLocally("bucketBy");
  const format = fileFormatOf(op.source);
  const options = new SourceOptions(op.options);
  const root = localPath(op.saveType.value);
  const exists = existsSync(root);
  const mode = op.mode;
  if (exists && (mode === WriteOperation_SaveMode.ERROR_IF_EXISTS || mode === WriteOperation_SaveMode.UNSPECIFIED)) {
    throw pathExists(root);
  }
  if (exists && mode === WriteOperation_SaveMode.IGNORE) return;

  const result = await run(op.input);
  const fields: FieldSpec[] = result.output.map((a) => ({ name: a.name, type: a.type, nullable: a.nullable }));
  const keyColumns = op.partitioningColumns.map((name) => {
    const at = fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
    if (at < 0) {
      throw sparkError(
        AnalysisException,
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        "42703",
        `Partition column ${name} is not in the data: ${fields.map((f) => f.name).join(", ")}.`,
        { objectName: name, proposal: fields.map((f) => f.name).join(", ") },
      );
    }
    return at;
  });
  if (keyColumns.length === fields.length && fields.length > 0) {
    throw new AnalysisException("Cannot use all columns for partition columns.");
  }
  const dataColumns = fields.map((_, i) => i).filter((i) => !keyColumns.includes(i));
  const dataFields = dataColumns.map((i) => fields[i] as FieldSpec);
  // Spark checks each column's type before the column count.
  const unsupported = dataFields.find((f) => !formatHolds(format, f.type));
  if (unsupported !== undefined) {
    const columnType = `"${T.sqlTypeName(unsupported.type)}"`;
    const formatName = format === "text" ? "Text" : "CSV";
    throw sparkError(
      AnalysisException,
      "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE",
      "0A000",
      `The ${formatName} datasource doesn't support the column ${quoteId(unsupported.name)} of the type ${columnType}.`,
      { columnName: quoteId(unsupported.name), columnType, format: formatName },
    );
  }
  if (format === "text" && dataFields.length !== 1) {
    const numberOfColumns = String(dataFields.length);
    throw new AnalysisException(
      `Text data source supports only a single column, and you have ${numberOfColumns} columns.`,
      { errorClass: "_LEGACY_ERROR_TEMP_1290", messageParameters: { numberOfColumns } },
    );
  }

  if (exists && mode === WriteOperation_SaveMode.OVERWRITE) rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const job = randomUUID();
  const extension = FILE_EXTENSIONS[format];
  const partitions = result.partitions.map((batches) =>
    concatBatches(
      fields.map((f) => f.type),
      batches,
    ),
  );
  let written = 0;
  partitions.forEach((batch, task) => {
    const name = `part-${String(task).padStart(5, "0")}-${job}-c000${extension}`;
    const groups =
      keyColumns.length === 0
        ? new Map([["", null]])
        : splitByDirectory(
            batch,
            keyColumns,
            keyColumns.map((c) => (fields[c] as FieldSpec).name),
            timeZone,
          );
    for (const [dir, rows] of groups) {
      const selected = rows === null ? batch : takeBatch(batch, rows);
      if (selected.numRows === 0 && (format !== "parquet" || written > 0 || task < partitions.length - 1)) continue;
      const data: Batch = {
        columns: dataColumns.map((c) => selected.columns[c] as ColumnVector),
        numRows: selected.numRows,
      };
      const target = dir === "" ? root : join(root, dir);
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, name), encodeFile(format, data, dataFields, options, timeZone));
      written++;
    }
  });
  writeFileSync(join(root, "_SUCCESS"), "");
}
