/**
 * `df.write`: saves a DataFrame to files, a path-less source (JDBC) or a catalog table with a `WriteOperation`
 * command. Builder calls return a new writer (PySpark's writer mutates itself; chained use reads the same), and
 * the terminal calls (save, saveAsTable, insertInto and the format shortcuts) run the command on the backend.
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { DataFrameWriterApi } from "../../../generated/api/dataframe-writer.js";
import {
  type WriteOperation_SaveMode,
  WriteOperation_SaveTable_TableSaveMethod,
  type WriteOperationSchema,
} from "../../../generated/proto/spark/connect/commands_pb.js";
import type { PrimitiveValue } from "../../codegen/index.js";
import { ClientArgumentError } from "../../errors/index.js";
import { describeType } from "../../plan/literals.js";
import { commandPlan } from "../../plan/plans.js";
import { requireBoolean } from "../action-options.js";
import { requireString } from "../column.js";
import type { DataFrame } from "../dataframe.js";
import { runCommand } from "../execution.js";
import { jdbcOptions } from "./jdbc-options.js";
import { columnNameList, type OptionMap, requireOptionRecord, withNamedOptions, withOptions } from "./option-values.js";
import { parseSaveMode } from "./save-mode.js";

interface WriterState {
  readonly source?: string;
  readonly mode?: WriteOperation_SaveMode;
  readonly options: OptionMap;
  readonly partitionBy: readonly string[];
  readonly bucketBy?: { readonly numBuckets: number; readonly columns: readonly string[] };
  readonly sortBy: readonly string[];
  readonly clusterBy: readonly string[];
}

export type WriteTarget =
  | { readonly kind: "path"; readonly path?: string | undefined }
  | { readonly kind: "table"; readonly name: string; readonly method: WriteOperation_SaveTable_TableSaveMethod };

/** The writer behind `df.write`. */
export function createWriter(df: DataFrame): DataFrameWriter {
  return new DataFrameWriter(df, { options: {}, partitionBy: [], sortBy: [], clusterBy: [] });
}

export class DataFrameWriter implements DataFrameWriterApi {
  constructor(
    private readonly df: DataFrame,
    private readonly state: WriterState,
  ) {}

  private with(change: Partial<WriterState>): DataFrameWriter {
    return new DataFrameWriter(this.df, { ...this.state, ...change });
  }

  /** `append`, `overwrite`, `error`/`errorifexists`/`default` or `ignore`; null keeps the current mode. */
  mode(saveMode: string | null): DataFrameWriter {
    if (saveMode === null || saveMode === undefined) return this;
    return this.with({ mode: parseSaveMode(saveMode) });
  }

  format(source: string): DataFrameWriter {
    return this.with({ source: requireString(source, "source") });
  }

  option(key: string, value: PrimitiveValue | null): DataFrameWriter {
    requireString(key, "key");
    return this.with({ options: withOptions(this.state.options, { [key]: value }) });
  }

  options(options?: Record<string, unknown>): DataFrameWriter {
    return this.with({ options: withOptions(this.state.options, requireOptionRecord(options, "options")) });
  }

  partitionBy(...cols: (string | string[])[]): DataFrameWriter {
    return this.with({ partitionBy: columnNameList(cols, "cols") });
  }

  bucketBy(numBuckets: number, col: string | readonly string[], ...cols: (string | null)[]): DataFrameWriter {
    if (typeof numBuckets !== "number" || !Number.isInteger(numBuckets) || numBuckets < 1) {
      throw new ClientArgumentError(`numBuckets must be a positive integer, got ${String(numBuckets)}.`, {
        errorClass: "NOT_INT",
        messageParameters: { arg_name: "numBuckets", arg_type: describeType(numBuckets) },
      });
    }
    return this.with({ bucketBy: { numBuckets, columns: firstAndRest(col, cols) } });
  }

  sortBy(col: string | readonly string[], ...cols: (string | null)[]): DataFrameWriter {
    return this.with({ sortBy: firstAndRest(col, cols) });
  }

  clusterBy(...cols: (string | string[])[]): DataFrameWriter {
    const names = columnNameList(cols, "cols");
    if (names.length === 0) {
      throw new ClientArgumentError("clusterBy needs at least one clustering column.", {
        errorClass: "CANNOT_BE_EMPTY",
        messageParameters: { item: "cols" },
      });
    }
    return this.with({ clusterBy: names });
  }

  /** The writer after the common arguments of save/saveAsTable: mode, options, partitioning, format. */
  private configured(
    format: string | undefined,
    mode: string | undefined,
    partitionBy: string | readonly string[] | undefined,
    options: Record<string, unknown> | undefined,
  ): DataFrameWriter {
    let writer = this.mode(mode ?? null).options(options);
    if (partitionBy !== undefined && partitionBy !== null) {
      writer = writer.partitionBy(...(typeof partitionBy === "string" ? [partitionBy] : [[...partitionBy]]));
    }
    return format === undefined || format === null ? writer : writer.format(format);
  }

  async save(
    path?: string,
    format?: string,
    mode?: string,
    partitionBy?: string | readonly string[],
    options?: Record<string, unknown>,
  ): Promise<void> {
    if (path !== undefined && path !== null) requireString(path, "path");
    await this.configured(format, mode, partitionBy, options).run({ kind: "path", path: path ?? undefined });
  }

  async saveAsTable(
    name: string,
    format?: string,
    mode?: string,
    partitionBy?: string | readonly string[],
    options?: Record<string, unknown>,
  ): Promise<void> {
    const method = WriteOperation_SaveTable_TableSaveMethod.SAVE_AS_TABLE;
    await this.configured(format, mode, partitionBy, options).run({
      kind: "table",
      name: requireString(name, "name"),
      method,
    });
  }

  /** Appends (or with `overwrite` replaces) rows of an existing table, matching columns by position. */
  async insertInto(tableName: string, overwrite?: boolean): Promise<void> {
    let writer: DataFrameWriter = this;
    if (overwrite !== undefined && overwrite !== null) {
      writer = this.mode(requireBoolean(overwrite, "overwrite") ? "overwrite" : "append");
    }
    const method = WriteOperation_SaveTable_TableSaveMethod.INSERT_INTO;
    await writer.run({ kind: "table", name: requireString(tableName, "tableName"), method });
  }

  /** The format shortcuts: mode and named options, then save to `path` with the format. */
  private async saveAs(
    format: string,
    path: string,
    mode: string | undefined,
    named: Record<string, unknown>,
    partitionBy?: string | readonly string[],
  ): Promise<void> {
    const writer = this.mode(mode ?? null).with({ options: withNamedOptions(this.state.options, named) });
    await writer.save(requireString(path, "path"), format, undefined, partitionBy);
  }

  async csv(
    path: string,
    mode?: string,
    compression?: string,
    sep?: string,
    quote?: string,
    // biome-ignore lint/suspicious/noShadowRestrictedNames: PySpark's name for the CSV escape character option
    escape?: string,
    header?: boolean | string,
    nullValue?: string,
    escapeQuotes?: boolean | string,
    quoteAll?: boolean | string,
    dateFormat?: string,
    timestampFormat?: string,
    ignoreLeadingWhiteSpace?: boolean | string,
    ignoreTrailingWhiteSpace?: boolean | string,
    charToEscapeQuoteEscaping?: string,
    encoding?: string,
    emptyValue?: string,
    lineSep?: string,
  ): Promise<void> {
    const named = {
      compression,
      sep,
      quote,
      escape,
      header,
      nullValue,
      escapeQuotes,
      quoteAll,
      dateFormat,
      timestampFormat,
      ignoreLeadingWhiteSpace,
      ignoreTrailingWhiteSpace,
      charToEscapeQuoteEscaping,
      encoding,
      emptyValue,
      lineSep,
    };
    await this.saveAs("csv", path, mode, named);
  }

  async json(
    path: string,
    mode?: string,
    compression?: string,
    dateFormat?: string,
    timestampFormat?: string,
    lineSep?: string,
    encoding?: string,
    ignoreNullFields?: boolean | string,
  ): Promise<void> {
    const named = { compression, dateFormat, timestampFormat, lineSep, encoding, ignoreNullFields };
    await this.saveAs("json", path, mode, named);
  }

  async parquet(
    path: string,
    mode?: string,
    partitionBy?: string | readonly string[],
    compression?: string,
  ): Promise<void> {
    await this.saveAs("parquet", path, mode, { compression }, partitionBy);
  }

  async orc(
    path: string,
    mode?: string,
    partitionBy?: string | readonly string[],
    compression?: string,
  ): Promise<void> {
    await this.saveAs("orc", path, mode, { compression }, partitionBy);
  }

  async text(path: string, compression?: string, lineSep?: string): Promise<void> {
    await this.saveAs("text", path, undefined, { compression, lineSep });
  }

  async xml(
    path: string,
    rowTag?: string,
    mode?: string,
    attributePrefix?: string,
    valueTag?: string,
    rootTag?: string,
    declaration?: boolean,
    arrayElementName?: string,
    nullValue?: string,
    dateFormat?: string,
    timestampFormat?: string,
    compression?: string,
    encoding?: string,
    validateName?: boolean,
  ): Promise<void> {
    const named = {
      rowTag,
      attributePrefix,
      valueTag,
      rootTag,
      declaration,
      arrayElementName,
      nullValue,
      dateFormat,
      timestampFormat,
      compression,
      encoding,
      validateName,
    };
    await this.saveAs("xml", path, mode, named);
  }

  /** Saves into a database table over JDBC (the server needs the driver). */
  async jdbc(url: string, table: string, mode?: string, properties?: Record<string, string>): Promise<void> {
    const options = jdbcOptions(url, table, {}, properties);
    await this.format("jdbc")
      .mode(mode ?? null)
      .options(options)
      .save();
  }

  /** The WriteOperation for `target`, exactly what `save`, `saveAsTable` or `insertInto` would send. */
  command(target: WriteTarget): MessageInitShape<typeof WriteOperationSchema> {
    const { source, mode, options, partitionBy, bucketBy, sortBy, clusterBy } = this.state;
    const saveType =
      target.kind === "table"
        ? { case: "table" as const, value: { tableName: target.name, saveMethod: target.method } }
        : target.path === undefined
          ? undefined
          : { case: "path" as const, value: target.path };
    return {
      input: this.df.relation,
      ...(source === undefined ? {} : { source }),
      ...(saveType === undefined ? {} : { saveType }),
      ...(mode === undefined ? {} : { mode }),
      sortColumnNames: [...sortBy],
      partitioningColumns: [...partitionBy],
      ...(bucketBy === undefined
        ? {}
        : { bucketBy: { bucketColumnNames: [...bucketBy.columns], numBuckets: bucketBy.numBuckets } }),
      options: { ...options },
      clusteringColumns: [...clusterBy],
    };
  }

  private async run(target: WriteTarget): Promise<void> {
    const plan = commandPlan({ commandType: { case: "writeOperation", value: this.command(target) } });
    await runCommand(this.df.sparkSession.backend, plan);
  }
}

/** `f("a", "b")` or `f(["a", "b"])` for bucketBy/sortBy; mixing both forms is refused as PySpark does. */
function firstAndRest(col: string | readonly string[], cols: readonly (string | null)[]): string[] {
  if (Array.isArray(col)) {
    if (cols.length > 0) {
      throw new ClientArgumentError("Give the columns either as one list or as separate names, not both.", {
        errorClass: "CANNOT_SET_TOGETHER",
        messageParameters: { arg_list: "`col` of type list and `cols`" },
      });
    }
    return columnNameList([col as readonly string[]], "col");
  }
  const names = [col, ...cols];
  for (const [index, name] of names.entries()) {
    if (typeof name !== "string") {
      const argName = index === 0 ? "col" : "cols";
      throw new ClientArgumentError(`${argName} must be column names (strings), got ${describeType(name)}.`, {
        errorClass: "NOT_LIST_OF_STR",
        messageParameters: { arg_name: argName, arg_type: describeType(name) },
      });
    }
  }
  if (names.length === 0) throw new ClientArgumentError("At least one column name is needed.");
  return names as string[];
}
