/**
 * sparkts: the PySpark DataFrame API for TypeScript. Start with `SparkSession.builder()`; build columns with the
 * functions exported here, or all of pyspark's builtins through the `functions` namespace (PySpark's `F`).
 */

export {
  asc,
  avg,
  broadcast,
  call_function,
  col,
  column,
  count,
  count_distinct,
  countDistinct,
  desc,
  expr,
  lit,
  max,
  mean,
  min,
  sum,
  when,
} from "../generated/functions/index.js";
// Session, DataFrame and friends.
export type { ActionOptions } from "./api/action-options.js";
export { Catalog } from "./api/catalog/catalog.js";
export { Column, type ColumnOrLiteral } from "./api/column.js";
export type { ColumnOrName } from "./api/column-names.js";
export { DataFrame } from "./api/dataframe.js";
export type { ExplainMode } from "./api/dataframe-analysis.js";
export type { Stratum } from "./api/dataframe-statistics.js";
export { ExecutionInfo, type MetricValue, type PlanMetrics } from "./api/execution-info.js";
export { callFunction } from "./api/functions.js";
// Every pyspark builtin function (generated; each builds on runtime/api/functions.ts), PySpark's `F`.
export * as functions from "./api/functions-namespace.js";
export { GroupedData } from "./api/grouped-data.js";
export { DataFrameReader } from "./api/io/dataframe-reader.js";
export { DataFrameWriter } from "./api/io/dataframe-writer.js";
export { DataFrameWriterV2 } from "./api/io/dataframe-writer-v2.js";
export { WhenMatched, WhenNotMatched, WhenNotMatchedBySource } from "./api/io/merge-actions.js";
export { MergeIntoWriter } from "./api/io/merge-into-writer.js";
export type { JoinType } from "./api/join-arguments.js";
export type { LocalRow, LocalSchema } from "./api/local-data.js";
export { DataFrameNaFunctions, type ReplaceTarget, type ReplaceValue } from "./api/na-functions.js";
export { Observation } from "./api/observation.js";
export { ObservedMetrics } from "./api/observed-metrics.js";
export { type ConfigValue, RuntimeConfig } from "./api/runtime-config.js";
export { SparkSession, type SqlArgument } from "./api/session.js";
export type { ArtifactKindOptions } from "./api/session-artifacts.js";
export { SparkSessionBuilder } from "./api/session-builder.js";
export { DataFrameStatFunctions } from "./api/stat-functions.js";
export { StorageLevel } from "./api/storage-level.js";
export { TableArg } from "./api/table-arg.js";
export { TableValuedFunction } from "./api/table-valued-function.js";
export { UDFRegistration } from "./api/udf-registration.js";
export { Window, WindowSpec } from "./api/window.js";
// Result values.
export {
  CalendarInterval,
  DateValue,
  Decimal,
  Row,
  TimestampNTZValue,
  TimestampValue,
  TimeValue,
  VariantValue,
} from "./arrow/index.js";
// The Backend seam (for alternative backends and tests).
export type { Backend, BackendKind, ExecuteOptions, RequestPreparer } from "./backend.js";
export type {
  CatalogColumn,
  CatalogDatabase,
  CatalogFunction,
  CatalogMetadata,
  CatalogTable,
} from "./codegen/api-types.js";
// Errors.
export {
  AnalysisException,
  ArithmeticException,
  ArrayIndexOutOfBoundsException,
  ClientArgumentError,
  ConnectionError,
  DateTimeException,
  IllegalArgumentException,
  InvalidConnectionStringError,
  InvalidPlanInput,
  NumberFormatException,
  OperationInterruptedError,
  ParseException,
  PickleException,
  PythonException,
  QueryExecutionException,
  ServerSessionChangedError,
  SparkConnectError,
  SparkException,
  SparkNoSuchElementException,
  SparkRuntimeException,
  SparkUpgradeException,
  StreamingPythonRunnerInitializationException,
  StreamingQueryException,
  TempTableAlreadyExistsException,
  UnknownException,
  UnsupportedOperationException,
} from "./errors/index.js";
export type { LiteralValue } from "./plan/literals.js";
// Progress of running operations.
export {
  type ProgressHandler,
  type ProgressReport,
  progressHandlersOf,
  type StageInfo,
  terminalProgressBar,
} from "./progress/index.js";
export { RemoteBackend, type RemoteBackendOptions } from "./transport/index.js";
// Data types.
export {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  CalendarIntervalType,
  CharType,
  DataType,
  DateType,
  DayTimeIntervalType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
  TimeType,
  VarcharType,
  VariantType,
  YearMonthIntervalType,
} from "./types/index.js";
