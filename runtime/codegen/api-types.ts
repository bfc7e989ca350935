/**
 * The value types the generated API interfaces mention, gathered in one place so generated code has a single
 * import and the hand-written modules can move without touching the generator.
 */
export type { Table as ArrowTable } from "apache-arrow";
export type { Column } from "../api/column.js";
export type { DataFrame } from "../api/dataframe.js";
export type { GroupedData } from "../api/grouped-data.js";
export type { DataFrameNaFunctions } from "../api/na-functions.js";
export type { RuntimeConfig } from "../api/runtime-config.js";
export type { SparkSession } from "../api/session.js";
export type { SparkSessionBuilder } from "../api/session-builder.js";
export type { DataFrameStatFunctions } from "../api/stat-functions.js";
export type { WindowSpec } from "../api/window.js";

/** The `Window` builders (partitionBy, orderBy, the frame boundary constants). */
export type WindowStatics = typeof import("../api/window.js").Window;
export type { Row } from "../arrow/row.js";
export type { LiteralValue } from "../plan/literals.js";
export type { ProgressHandler } from "../progress/index.js";
export type { DataType, StructType } from "../types/index.js";

/** A value Spark configuration and options accept. */
export type PrimitiveValue = string | number | boolean;

/** How a cached DataFrame is stored (PySpark's StorageLevel flags). */
export interface StorageLevel {
  readonly useDisk: boolean;
  readonly useMemory: boolean;
  readonly useOffHeap: boolean;
  readonly deserialized: boolean;
  readonly replication: number;
}

export type { ExecutionInfo } from "../api/execution-info.js";
export type { Observation } from "../api/observation.js";

/** The `Observation` constructor, for code that creates observations (`new Observation("name")`). */
export type ObservationClass = typeof import("../api/observation.js").Observation;
export type { TableArg } from "../api/table-arg.js";

/** One progress report of a streaming query, in Spark's JSON form. */
export type StreamingQueryProgress = Record<string, unknown>;

/** Catalog listing rows, with the fields PySpark's catalog namedtuples carry. */
export interface CatalogMetadata {
  readonly name: string;
  readonly description: string | null;
}
export interface CatalogDatabase {
  readonly name: string;
  readonly catalog: string | null;
  readonly description: string | null;
  readonly locationUri: string;
}
export interface CatalogTable {
  readonly name: string;
  readonly catalog: string | null;
  readonly namespace: readonly string[] | null;
  readonly description: string | null;
  readonly tableType: string;
  readonly isTemporary: boolean;
}
export interface CatalogFunction {
  readonly name: string;
  readonly catalog: string | null;
  readonly namespace: readonly string[] | null;
  readonly description: string | null;
  readonly className: string;
  readonly isTemporary: boolean;
}
export interface CatalogColumn {
  readonly name: string;
  readonly description: string | null;
  readonly dataType: string;
  readonly nullable: boolean;
  readonly isPartition: boolean;
  readonly isBucket: boolean;
  readonly isCluster: boolean;
}
