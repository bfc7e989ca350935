/**
 * `spark.read`: describes a batch data source (format, schema, options, paths) and turns it into a DataFrame over
 * a `Read.DataSource` relation. Nothing is read until an action runs. Unlike PySpark's reader, which mutates
 * itself, every builder call returns a new reader, so a configured reader can be shared safely; chained use reads
 * the same.
 */
import { create } from "@bufbuild/protobuf";
import type { DataFrameReaderApi } from "../../../generated/api/dataframe-reader.js";
import { RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import type { PrimitiveValue } from "../../codegen/index.js";
import { ClientArgumentError } from "../../errors/index.js";
import type { StructType } from "../../types/index.js";
import { requireString } from "../column.js";
import { DataFrame } from "../dataframe.js";
import type { SparkSession } from "../session.js";
import { type JdbcPartitioning, jdbcOptions } from "./jdbc-options.js";
import {
  type OptionMap,
  pathList,
  requireOptionRecord,
  schemaText,
  withNamedOptions,
  withOptions,
} from "./option-values.js";

interface ReaderState {
  readonly format?: string;
  /** PySpark always sends a schema, empty when none was given (the server then infers one). */
  readonly schema: string;
  readonly options: OptionMap;
}

/** The reader behind `spark.read`. */
export function createReader(session: SparkSession): DataFrameReader {
  return new DataFrameReader(session, { schema: "", options: {} });
}

export class DataFrameReader implements DataFrameReaderApi {
  constructor(
    private readonly session: SparkSession,
    private readonly state: ReaderState,
  ) {}

  private with(change: Partial<ReaderState>): DataFrameReader {
    return new DataFrameReader(this.session, { ...this.state, ...change });
  }

  /** The options this reader will send, as text (useful to check what a shortcut set). */
  get currentOptions(): OptionMap {
    return this.state.options;
  }

  format(source: string): DataFrameReader {
    return this.with({ format: requireString(source, "source") });
  }

  schema(schema: StructType | string): DataFrameReader {
    return this.with({ schema: schemaText(schema) });
  }

  option(key: string, value: PrimitiveValue | null): DataFrameReader {
    requireString(key, "key");
    return this.with({ options: withOptions(this.state.options, { [key]: value }) });
  }

  options(options?: Record<string, unknown>): DataFrameReader {
    return this.with({ options: withOptions(this.state.options, requireOptionRecord(options, "options")) });
  }

  load(
    path?: string | readonly string[],
    format?: string,
    schema?: StructType | string,
    options?: Record<string, unknown>,
  ): DataFrame {
    let reader: DataFrameReader = this;
    if (format !== undefined && format !== null) reader = reader.format(format);
    if (schema !== undefined && schema !== null) reader = reader.schema(schema);
    reader = reader.options(options);
    const paths = path === undefined || path === null ? [] : pathList(path, "path");
    return reader.dataSource(paths, []);
  }

  /** A DataFrame over the configured source: `paths` for files, `predicates` for JDBC partitions. */
  private dataSource(paths: readonly string[], predicates: readonly string[]): DataFrame {
    const { format, schema, options } = this.state;
    const dataSource = {
      ...(format === undefined ? {} : { format }),
      schema,
      options: { ...options },
      paths: [...paths],
      predicates: [...predicates],
    };
    const relation = create(RelationSchema, {
      relType: { case: "read", value: { readType: { case: "dataSource", value: dataSource } } },
    });
    return new DataFrame(this.session, this.session.plans.adopt(relation));
  }

  /** A table or view by name; the reader's options go along with it (e.g. for a V2 source). */
  table(tableName: string): DataFrame {
    return new DataFrame(
      this.session,
      this.session.plans.table(requireString(tableName, "tableName"), this.state.options),
    );
  }

  /** The format shortcuts: set the named options that were given, then load with the format. */
  private shortcut(
    format: string,
    paths: unknown,
    argName: string,
    named: Record<string, unknown>,
    schema?: StructType | string,
  ): DataFrame {
    const reader = this.with({ options: withNamedOptions(this.state.options, named) });
    const withSchema = schema === undefined || schema === null ? reader : reader.schema(schema);
    return withSchema.format(format).dataSource(pathList(paths, argName), []);
  }

  csv(
    path: string | readonly string[],
    schema?: StructType | string,
    sep?: string,
    encoding?: string,
    quote?: string,
    // biome-ignore lint/suspicious/noShadowRestrictedNames: PySpark's name for the CSV escape character option
    escape?: string,
    comment?: string,
    header?: boolean | string,
    inferSchema?: boolean | string,
    ignoreLeadingWhiteSpace?: boolean | string,
    ignoreTrailingWhiteSpace?: boolean | string,
    nullValue?: string,
    nanValue?: string,
    positiveInf?: string,
    negativeInf?: string,
    dateFormat?: string,
    timestampFormat?: string,
    maxColumns?: number | string,
    maxCharsPerColumn?: number | string,
    maxMalformedLogPerPartition?: number | string,
    mode?: string,
    columnNameOfCorruptRecord?: string,
    multiLine?: boolean | string,
    charToEscapeQuoteEscaping?: string,
    samplingRatio?: number | string,
    enforceSchema?: boolean | string,
    emptyValue?: string,
    locale?: string,
    lineSep?: string,
    pathGlobFilter?: boolean | string,
    recursiveFileLookup?: boolean | string,
    modifiedBefore?: boolean | string,
    modifiedAfter?: boolean | string,
    unescapedQuoteHandling?: string,
  ): DataFrame {
    const named = {
      sep,
      encoding,
      quote,
      escape,
      comment,
      header,
      inferSchema,
      ignoreLeadingWhiteSpace,
      ignoreTrailingWhiteSpace,
      nullValue,
      nanValue,
      positiveInf,
      negativeInf,
      dateFormat,
      timestampFormat,
      maxColumns,
      maxCharsPerColumn,
      maxMalformedLogPerPartition,
      mode,
      columnNameOfCorruptRecord,
      multiLine,
      charToEscapeQuoteEscaping,
      samplingRatio,
      enforceSchema,
      emptyValue,
      locale,
      lineSep,
      pathGlobFilter,
      recursiveFileLookup,
      modifiedBefore,
      modifiedAfter,
      unescapedQuoteHandling,
    };
    return this.shortcut("csv", path, "path", named, schema);
  }

  json(
    path: string | readonly string[],
    schema?: StructType | string,
    primitivesAsString?: boolean | string,
    prefersDecimal?: boolean | string,
    allowComments?: boolean | string,
    allowUnquotedFieldNames?: boolean | string,
    allowSingleQuotes?: boolean | string,
    allowNumericLeadingZero?: boolean | string,
    allowBackslashEscapingAnyCharacter?: boolean | string,
    mode?: string,
    columnNameOfCorruptRecord?: string,
    dateFormat?: string,
    timestampFormat?: string,
    multiLine?: boolean | string,
    allowUnquotedControlChars?: boolean | string,
    lineSep?: string,
    samplingRatio?: number | string,
    dropFieldIfAllNull?: boolean | string,
    encoding?: string,
    locale?: string,
    pathGlobFilter?: boolean | string,
    recursiveFileLookup?: boolean | string,
    modifiedBefore?: boolean | string,
    modifiedAfter?: boolean | string,
    allowNonNumericNumbers?: boolean | string,
    useUnsafeRow?: boolean | string,
  ): DataFrame {
    const named = {
      primitivesAsString,
      prefersDecimal,
      allowComments,
      allowUnquotedFieldNames,
      allowSingleQuotes,
      allowNumericLeadingZero,
      allowBackslashEscapingAnyCharacter,
      mode,
      columnNameOfCorruptRecord,
      dateFormat,
      timestampFormat,
      multiLine,
      allowUnquotedControlChars,
      lineSep,
      samplingRatio,
      dropFieldIfAllNull,
      encoding,
      locale,
      pathGlobFilter,
      recursiveFileLookup,
      modifiedBefore,
      modifiedAfter,
      allowNonNumericNumbers,
      useUnsafeRow,
    };
    return this.shortcut("json", path, "path", named, schema);
  }

  /** Parquet files; options go through `option(s)` first (PySpark's keyword options are not positional here). */
  parquet(...paths: string[]): DataFrame {
    return this.shortcut("parquet", paths, "paths", {});
  }

  orc(
    path: string | readonly string[],
    mergeSchema?: boolean,
    pathGlobFilter?: boolean | string,
    recursiveFileLookup?: boolean | string,
    modifiedBefore?: boolean | string,
    modifiedAfter?: boolean | string,
  ): DataFrame {
    const named = { mergeSchema, pathGlobFilter, modifiedBefore, modifiedAfter, recursiveFileLookup };
    return this.shortcut("orc", path, "path", named);
  }

  text(
    paths: string | readonly string[],
    wholetext = false,
    lineSep?: string,
    pathGlobFilter?: boolean | string,
    recursiveFileLookup?: boolean | string,
    modifiedBefore?: boolean | string,
    modifiedAfter?: boolean | string,
  ): DataFrame {
    const named = { wholetext, lineSep, pathGlobFilter, recursiveFileLookup, modifiedBefore, modifiedAfter };
    return this.shortcut("text", paths, "paths", named);
  }

  xml(
    path: string | readonly string[],
    rowTag?: string,
    schema?: StructType | string,
    excludeAttribute?: boolean | string,
    attributePrefix?: string,
    valueTag?: string,
    ignoreSurroundingSpaces?: boolean | string,
    rowValidationXSDPath?: string,
    ignoreNamespace?: boolean | string,
    wildcardColName?: string,
    encoding?: string,
    inferSchema?: boolean | string,
    nullValue?: string,
    dateFormat?: string,
    timestampFormat?: string,
    mode?: string,
    columnNameOfCorruptRecord?: string,
    multiLine?: boolean | string,
    samplingRatio?: number | string,
    locale?: string,
  ): DataFrame {
    const named = {
      rowTag,
      excludeAttribute,
      attributePrefix,
      valueTag,
      ignoreSurroundingSpaces,
      rowValidationXSDPath,
      ignoreNamespace,
      wildcardColName,
      encoding,
      inferSchema,
      nullValue,
      dateFormat,
      timestampFormat,
      mode,
      columnNameOfCorruptRecord,
      multiLine,
      samplingRatio,
      locale,
    };
    return this.shortcut("xml", path, "path", named, schema);
  }

  /**
   * A database table over JDBC: the whole table, split on a numeric `column` between bounds, or one partition per
   * predicate. Only the plan is built here; the server needs the JDBC driver to run it.
   */
  jdbc(
    url: string,
    table: string,
    column?: string,
    lowerBound?: number | string,
    upperBound?: number | string,
    numPartitions?: number,
    predicates?: readonly string[],
    properties?: Record<string, string>,
  ): DataFrame {
    const partitioning: JdbcPartitioning = { column, lowerBound, upperBound, numPartitions };
    const options = jdbcOptions(url, table, partitioning, properties);
    const reader = this.format("jdbc").with({ options: withOptions(this.state.options, options) });
    if (column === undefined && predicates !== undefined) {
      if (!Array.isArray(predicates) || !predicates.every((p) => typeof p === "string")) {
        throw new ClientArgumentError("predicates must be a list of strings.", {
          errorClass: "NOT_LIST_OF_STR",
          messageParameters: { arg_name: "predicates", arg_type: typeof predicates },
        });
      }
      return reader.dataSource([], predicates);
    }
    return reader.dataSource([], []);
  }
}
