/**
 * `df.writeTo(table)`: writes through Spark's V2 table API with a `WriteOperationV2` command. Tables are created
 * or replaced with a provider, partition transforms (`years`, `months`, `days`, `hours`, `bucket` from the
 * functions, or plain columns), clustering columns and table properties; existing tables are appended to or
 * overwritten (all rows, rows matching a condition, or the partitions the new rows touch).
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { DataFrameWriterV2Api } from "../../../generated/api/dataframe-writer-v2.js";
import {
  WriteOperationV2_Mode,
  type WriteOperationV2Schema,
} from "../../../generated/proto/spark/connect/commands_pb.js";
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { PrimitiveValue } from "../../codegen/index.js";
import { commandPlan } from "../../plan/plans.js";
import { type Column, requireString } from "../column.js";
import { columnOrName } from "../column-names.js";
import type { DataFrame } from "../dataframe.js";
import { runCommand } from "../execution.js";
import { type OptionMap, requireOptionRecord, withOptions } from "./option-values.js";

interface WriterV2State {
  readonly provider?: string;
  readonly options: OptionMap;
  readonly tableProperties: OptionMap;
  readonly partitioning: readonly Expression[];
  readonly clustering: readonly string[];
}

/** The writer behind `df.writeTo(table)`. */
export function createWriterV2(df: DataFrame, table: string): DataFrameWriterV2 {
  return new DataFrameWriterV2(df, requireString(table, "table"), {
    options: {},
    tableProperties: {},
    partitioning: [],
    clustering: [],
  });
}

export class DataFrameWriterV2 implements DataFrameWriterV2Api {
  constructor(
    private readonly df: DataFrame,
    private readonly tableName: string,
    private readonly state: WriterV2State,
  ) {}

  private with(change: Partial<WriterV2State>): DataFrameWriterV2 {
    return new DataFrameWriterV2(this.df, this.tableName, { ...this.state, ...change });
  }

  /** The table provider (data source) for create and replace, e.g. `parquet`. */
  using(provider: string): DataFrameWriterV2 {
    return this.with({ provider: requireString(provider, "provider") });
  }

  option(key: string, value: PrimitiveValue | null): DataFrameWriterV2 {
    requireString(key, "key");
    return this.with({ options: withOptions(this.state.options, { [key]: value }) });
  }

  options(options?: Record<string, unknown>): DataFrameWriterV2 {
    return this.with({ options: withOptions(this.state.options, requireOptionRecord(options, "options")) });
  }

  tableProperty(property: string, value: string): DataFrameWriterV2 {
    requireString(property, "property");
    requireString(value, "value");
    return this.with({ tableProperties: { ...this.state.tableProperties, [property]: value } });
  }

  /** Partition columns or transforms (`years(col("ts"))`, `bucket(4, "id")`, ...) for create and replace. */
  partitionedBy(col: Column | string, ...cols: (Column | string)[]): DataFrameWriterV2 {
    const partitioning = [col, ...cols].map((c) => columnOrName(c, "partitionedBy").expr);
    return this.with({ partitioning });
  }

  clusterBy(col: string, ...cols: string[]): DataFrameWriterV2 {
    const clustering = [col, ...cols].map((c) => requireString(c, "cols"));
    return this.with({ clustering });
  }

  /** Creates the table from this DataFrame; fails if it exists. */
  async create(): Promise<void> {
    await this.run(WriteOperationV2_Mode.CREATE);
  }

  /** Replaces an existing table's definition and data; fails if it does not exist. */
  async replace(): Promise<void> {
    await this.run(WriteOperationV2_Mode.REPLACE);
  }

  async createOrReplace(): Promise<void> {
    await this.run(WriteOperationV2_Mode.CREATE_OR_REPLACE);
  }

  /** Adds the rows to the existing table. */
  async append(): Promise<void> {
    await this.run(WriteOperationV2_Mode.APPEND);
  }

  /** Deletes the rows matching `condition`, then adds the new rows. */
  async overwrite(condition: Column | string): Promise<void> {
    await this.run(WriteOperationV2_Mode.OVERWRITE, columnOrName(condition, "condition").expr);
  }

  /** Replaces every partition the new rows fall in (dynamic partition overwrite). */
  async overwritePartitions(): Promise<void> {
    await this.run(WriteOperationV2_Mode.OVERWRITE_PARTITIONS);
  }

  /** The command a terminal call with `mode` sends. */
  command(
    mode: WriteOperationV2_Mode,
    overwriteCondition?: Expression,
  ): MessageInitShape<typeof WriteOperationV2Schema> {
    const { provider, options, tableProperties, partitioning, clustering } = this.state;
    return {
      input: this.df.relation,
      tableName: this.tableName,
      ...(provider === undefined ? {} : { provider }),
      partitioningColumns: [...partitioning],
      options: { ...options },
      tableProperties: { ...tableProperties },
      mode,
      ...(overwriteCondition === undefined ? {} : { overwriteCondition }),
      clusteringColumns: [...clustering],
    };
  }

  private async run(mode: WriteOperationV2_Mode, overwriteCondition?: Expression): Promise<void> {
    const plan = commandPlan({
      commandType: { case: "writeOperationV2", value: this.command(mode, overwriteCondition) },
    });
    await runCommand(this.df.sparkSession.backend, plan);
  }
}
