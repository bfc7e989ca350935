/**
 * A `Read.DataSource` (format, schema, options, paths) → the fields and per-split batches of a file scan. Files
 * are listed, partition directories discovered, each file (or each byte range of a large line-based file) read
 * by its format's reader, and partition values appended as columns after the file's own, as Spark does.
 */
import { readFileSync } from "node:fs";
import { AnalysisException, IllegalArgumentException } from "../../errors/index.js";
import type { FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, type ColumnVector, nullColumn } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import * as T from "../types/data-types.js";
import { parseTypeString } from "../types/schema-strings.js";
import { CsvSplit, csvColumnNames, csvSettings, csvSplitToBatch, inferCsvTypes } from "./csv-reader.js";
import { nextRecordStart } from "./csv-tokenizer.js";
import { type DataFile, listDataFiles } from "./file-listing.js";
import { inferJsonFields, type JsonRecord, jsonRecords, jsonRecordsToBatch, jsonSettings } from "./json-reader.js";
import { readParquetFile } from "./parquet-reader.js";
import { type ParquetScanSource, parquetFileFields } from "./parquet-scan.js";
import { readingFile } from "./parse-mode.js";
import { discoverPartitions, type PartitionLayout, partitionColumnsFor } from "./partition-discovery.js";
import { SourceOptions } from "./source-options.js";
import { TEXT_FIELDS, textToBatch } from "./text-reader.js";

export interface DataSourceSpec {
  readonly format?: string | undefined;
  readonly schema?: string | undefined;
  readonly options?: Readonly<Record<string, string>>;
  readonly paths?: readonly string[];
}

export interface FileScan {
  readonly fields: readonly FieldSpec[];
  /** One batch per split (a file, or a byte range of a large CSV/JSON/text file). */
  readonly partitions: readonly Batch[];
}

export const SUPPORTED_FORMATS = ["parquet", "csv", "json", "text"] as const;
export type FileFormat = (typeof SUPPORTED_FORMATS)[number];

const DEFAULT_MAX_SPLIT_BYTES = 128 * 1024 * 1024;

export function fileFormatOf(format: string | undefined): FileFormat {
  const name = (format === undefined || format === "" ? "parquet" : format).toLowerCase();
  if ((SUPPORTED_FORMATS as readonly string[]).includes(name)) return name as FileFormat;
  throw sparkError(
    AnalysisException,
    "DATA_SOURCE_NOT_FOUND",
    "42K02",
    `Failed to find the data source: ${format}. The local engine reads ${SUPPORTED_FORMATS.join(", ")}.`,
    { provider: String(format) },
  );
}

function userFields(schema: string | undefined): FieldSpec[] | null {
  if (schema === undefined || schema.trim() === "") return null;
  const type = parseTypeString(schema);
  if (type.kind.case !== "struct") return [{ name: "value", type, nullable: true }];
  return type.kind.value.fields.map((f) => ({ name: f.name, type: f.dataType ?? T.NULL, nullable: f.nullable }));
}

/** Byte ranges starting at line boundaries, each about `maxBytes` long. */
function lineRanges(bytes: Uint8Array, maxBytes: number): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  while (from < bytes.length) {
    const to = Math.min(bytes.length, nextRecordStart(bytes, from + maxBytes));
    ranges.push([from, to]);
    from = to;
  }
  return ranges.length === 0 ? [[0, 0]] : ranges;
}

function unableToInfer(format: string): Error {
  return sparkError(
    AnalysisException,
    "UNABLE_TO_INFER_SCHEMA",
    "42KD9",
    `Unable to infer schema for ${format.toUpperCase()}. It must be specified manually.`,
    { format: format.toUpperCase() },
  );
}

/** Reorders a file's columns to the wanted fields by name; a missing column reads as NULL. */
function project(batch: Batch, have: readonly FieldSpec[], want: readonly FieldSpec[], path: string): Batch {
  const columns = want.map((field): ColumnVector => {
    const at = have.findIndex((f) => f.name.toLowerCase() === field.name.toLowerCase());
    if (at < 0) return nullColumn(field.type, batch.numRows);
    const column = batch.columns[at] as ColumnVector;
    if (!T.sameType(column.type, field.type)) {
      throw new AnalysisException(
        `The column ${field.name} in ${path} is ${T.simpleString(column.type)}, but the schema says ${T.simpleString(field.type)}.`,
      );
    }
    return column;
  });
  return { columns, numRows: batch.numRows };
}

interface FormatScan {
  readonly fields: readonly FieldSpec[];
  readonly splits: readonly { readonly file: DataFile; readonly batch: Batch }[];
}

function scanParquet(files: readonly DataFile[], declared: FieldSpec[] | null): FormatScan {
  const read = files.map((file) => ({ file, ...readParquetFile(file.path) }));
  const fields = declared ?? read[0]?.fields;
  if (fields === undefined) throw unableToInfer("parquet");
  return {
    fields,
    splits: read.map((r) => ({ file: r.file, batch: project(r.batch, r.fields, fields, r.file.path) })),
  };
}

function scanCsv(
  files: readonly DataFile[],
  declared: FieldSpec[] | null,
  options: SourceOptions,
  tz: string,
  maxBytes: number,
): FormatScan {
  const settings = csvSettings(options, tz);
  const splits: { file: DataFile; split: CsvSplit }[] = [];
  for (const file of files) {
    const bytes = readFileSync(file.path);
    const ranges = settings.dialect.multiLine ? [[0, bytes.length] as [number, number]] : lineRanges(bytes, maxBytes);
    for (const [from, to] of ranges)
      splits.push({ file, split: new CsvSplit(bytes, settings, from, to, settings.header && from === 0) });
  }
  let fields = declared;
  if (fields === null) {
    const first = splits.find((s) => s.split.tokens.numRecords > 0)?.split;
    if (first === undefined) throw unableToInfer("csv");
    const names = csvColumnNames(first, settings.header);
    const types = settings.inferSchema
      ? inferCsvTypes(
          splits.map((s) => s.split),
          names.length,
          settings,
        )
      : names.map(() => T.STRING);
    fields = names.map((name, c) => ({ name, type: types[c] ?? T.STRING, nullable: true }));
  }
  const wanted = fields;
  return {
    fields: wanted,
    splits: splits.map(({ file, split }) => ({
      file,
      batch: readingFile(file.path, () => csvSplitToBatch(split, wanted, settings)),
    })),
  };
}

function scanJson(
  files: readonly DataFile[],
  declared: FieldSpec[] | null,
  options: SourceOptions,
  tz: string,
  maxBytes: number,
): FormatScan {
  const settings = jsonSettings(options, tz);
  const splits: { file: DataFile; records: JsonRecord[] }[] = [];
  for (const file of files) {
    const bytes = readFileSync(file.path);
    const ranges = settings.multiLine ? [[0, bytes.length] as [number, number]] : lineRanges(bytes, maxBytes);
    for (const [from, to] of ranges)
      splits.push({ file, records: jsonRecords(bytes.toString("utf8", from, to), settings) });
  }
  const fields =
    declared ??
    inferJsonFields(
      splits.flatMap((s) => s.records),
      settings,
    );
  if (fields.length === 0 && declared === null) throw unableToInfer("json");
  return {
    fields,
    splits: splits.map(({ file, records }) => ({
      file,
      batch: readingFile(file.path, () => jsonRecordsToBatch(records, fields, settings)),
    })),
  };
}

function scanText(
  files: readonly DataFile[],
  declared: FieldSpec[] | null,
  options: SourceOptions,
  maxBytes: number,
): FormatScan {
  if (declared !== null && (declared.length !== 1 || !T.isString(declared[0]?.type ?? T.NULL))) {
    throw new AnalysisException("The text source has a single string column; the given schema does not fit it.");
  }
  const fields = declared ?? TEXT_FIELDS;
  const splits: { file: DataFile; batch: Batch }[] = [];
  const whole = options.boolean("wholetext", false) || options.get("lineSep") !== undefined;
  for (const file of files) {
    const bytes = readFileSync(file.path);
    const ranges = whole ? [[0, bytes.length] as [number, number]] : lineRanges(bytes, maxBytes);
    for (const [from, to] of ranges)
      splits.push({ file, batch: textToBatch(bytes.toString("utf8", from, to), options) });
  }
  return { fields, splits };
}

interface ResolvedSource {
  readonly format: FileFormat;
  readonly options: SourceOptions;
  readonly timeZone: string;
  readonly files: DataFile[];
  readonly layout: PartitionLayout;
  /** The user's schema, if given. */
  readonly declared: FieldSpec[] | null;
  /** The user's schema without the columns partition directories supply. */
  readonly declaredData: FieldSpec[] | null;
}

function resolveSource(spec: DataSourceSpec, sessionTimeZone: string): ResolvedSource {
  const format = fileFormatOf(spec.format);
  const options = new SourceOptions(spec.options ?? {});
  const paths =
    spec.paths !== undefined && spec.paths.length > 0
      ? spec.paths
      : [options.get("path")].filter((p) => p !== undefined);
  if (paths.length === 0) throw new IllegalArgumentException(`Reading ${format} needs a path.`);
  const timeZone = options.string("timeZone", sessionTimeZone);
  const files = listDataFiles(paths as string[]);
  const layout: PartitionLayout = discoverPartitions(files, timeZone, options.boolean("inferPartitionTypes", true));
  const declared = userFields(spec.schema);
  // Columns the user schema declares for partition directories take the declared type.
  const partitionNames = new Set(layout.columns.map((c) => c.name.toLowerCase()));
  const declaredData = declared?.filter((f) => !partitionNames.has(f.name.toLowerCase())) ?? null;
  return { format, options, timeZone, files, layout, declared, declaredData };
}

/** Partition columns the files do not hold themselves, typed as the user's schema says if it names them. */
function partitionFieldsOf(source: ResolvedSource, dataFields: readonly FieldSpec[]): FieldSpec[] {
  return source.layout.columns
    .filter((c) => !dataFields.some((f) => f.name.toLowerCase() === c.name.toLowerCase()))
    .map(
      (c) =>
        source.declared?.find((f) => f.name.toLowerCase() === c.name.toLowerCase()) ?? {
          name: c.name,
          type: c.type,
          nullable: true,
        },
    );
}

/**
 * A Parquet source as a lazy scan (schema from the first file's footer, data read by the scan tasks); null for
 * the other formats, which are read eagerly by `readDataSource`.
 */
export function lazyParquetSource(spec: DataSourceSpec, sessionTimeZone: string): ParquetScanSource | null {
  if (fileFormatOf(spec.format) !== "parquet") return null;
  const source = resolveSource(spec, sessionTimeZone);
  const first = source.files[0];
  const dataFields = source.declaredData ?? (first === undefined ? undefined : parquetFileFields(first.path));
  if (dataFields === undefined) throw unableToInfer("parquet");
  const partitionFields = partitionFieldsOf(source, dataFields);
  return {
    format: "parquet",
    fields: [...dataFields, ...partitionFields],
    numDataFields: dataFields.length,
    files: source.files,
    layout: { ...source.layout, columns: partitionFields.map((f) => ({ name: f.name, type: f.type })) },
    timeZone: source.timeZone,
  };
}

/** Reads a data source eagerly into per-split batches. */
export function readDataSource(spec: DataSourceSpec, sessionTimeZone: string): FileScan {
  const source = resolveSource(spec, sessionTimeZone);
  const { format, options, timeZone, files, layout, declaredData } = source;
  const maxBytes = Number(options.get("maxPartitionBytes") ?? DEFAULT_MAX_SPLIT_BYTES);
  const scan =
    format === "parquet"
      ? scanParquet(files, declaredData)
      : format === "csv"
        ? scanCsv(files, declaredData, options, timeZone, maxBytes)
        : format === "json"
          ? scanJson(files, declaredData, options, timeZone, maxBytes)
          : scanText(files, declaredData, options, maxBytes);
  const partitionFields = partitionFieldsOf(source, scan.fields);
  const fields = [...scan.fields, ...partitionFields];
  const effective = { ...layout, columns: partitionFields.map((f) => ({ name: f.name, type: f.type })) };
  const partitions = scan.splits.map(({ file, batch }) => {
    if (partitionFields.length === 0) return batch;
    const extra = partitionColumnsFor(effective, file, batch.numRows, timeZone);
    return { columns: [...batch.columns, ...extra], numRows: batch.numRows };
  });
  return { fields, partitions };
}
