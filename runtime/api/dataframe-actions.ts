/**
 * What every DataFrame can do with its plan besides transforming it: actions that run it (collect, count, show,
 * streaming iteration, Arrow export) and questions about it (schema, printSchema, explain), plus temp views.
 * DataFrame extends this class; the split keeps running a query apart from building one.
 */
import type { RecordBatch, Table } from "apache-arrow";
import type { Expression } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import type { ResultStream, Row } from "../arrow/index.js";
import { ClientArgumentError } from "../errors/index.js";
import { functionCall } from "../plan/expressions.js";
import { describeType, literalExpression } from "../plan/literals.js";
import type { StructType } from "../types/index.js";
import { type ActionOptions, requireBoolean, requireNonNegativeInteger } from "./action-options.js";
import { requireString } from "./column.js";
import { DataFrameAnalysis, type ExplainMode, explainModeOf } from "./dataframe-analysis.js";
import { runQuery } from "./execution.js";
import { ExecutionInfo } from "./execution-info.js";
import type { SparkSession } from "./session.js";
import { StorageLevel } from "./storage-level.js";

export abstract class DataFrameActions {
  private readonly analysis: DataFrameAnalysis;
  private lastExecution: ExecutionInfo | undefined;

  /** `knownSchema` is the schema when it is known without asking (a filter or sort keeps its input's). */
  constructor(
    readonly sparkSession: SparkSession,
    readonly relation: Relation,
    knownSchema?: StructType,
  ) {
    this.analysis = new DataFrameAnalysis(sparkSession, relation, knownSchema);
  }

  /** The plan id of this DataFrame's relation; columns from `df.col(...)` point at it. */
  get planId(): bigint {
    const id = this.relation.common?.planId;
    if (id === undefined) throw new Error("A DataFrame relation without a plan id");
    return id;
  }

  /** The column names, when the schema has already been fetched (ordinals in groupBy/orderBy need them). */
  protected get knownColumnNames(): string[] | undefined {
    return this.knownSchema?.fields.map((field) => field.name);
  }

  /** The schema if it was fetched (or inherited) already; undefined otherwise. */
  protected get knownSchema(): StructType | undefined {
    return this.analysis.knownSchema;
  }

  /** Runs `relation` (this plan or one built on it for the action) and collects its rows. */
  private rowsOf(relation: Relation, options: ActionOptions | undefined): Promise<Row[]> {
    return runQuery(this.sparkSession.backend, relation, options).collect();
  }

  /** All rows, as `Row`s (values in column order, also readable by name). */
  async collect(options?: ActionOptions): Promise<Row[]> {
    const stream = runQuery(this.sparkSession.backend, this.relation, options);
    const rows = await stream.collect();
    this.recordExecution(stream);
    return rows;
  }

  /** The whole result as one Arrow table. */
  async toArrow(options?: ActionOptions): Promise<Table> {
    const stream = runQuery(this.sparkSession.backend, this.relation, options);
    const table = await stream.toArrow();
    this.recordExecution(stream);
    return table;
  }

  /**
   * What the server reported (plan metrics, observed metrics) about the last operation this DataFrame ran
   * itself, as in PySpark: collect(), toArrow(), temp views, checkpoints — not count() or take(), which run
   * plans built on it.
   */
  get executionInfo(): ExecutionInfo | undefined {
    return this.lastExecution;
  }

  protected recordExecution(stream: ResultStream): void {
    this.lastExecution = new ExecutionInfo(stream);
  }

  /** The number of rows (a `bigint`: Spark counts in 64 bits). */
  async count(options?: ActionOptions): Promise<bigint> {
    // Sent as PySpark sends it: an aggregate of count(1) with no grouping.
    const counted = this.sparkSession.plans.aggregate(this.relation, "groupby", [], [countOne()]);
    const rows = await this.rowsOf(counted, options);
    const value = rows[0]?.get(0);
    if (typeof value !== "bigint") throw new Error(`count() returned ${describeType(value)} instead of a long`);
    return value;
  }

  async take(num: number, options?: ActionOptions): Promise<Row[]> {
    const limited = this.sparkSession.plans.limit(this.relation, requireNonNegativeInteger(num, "num"));
    return this.rowsOf(limited, options);
  }

  /** The first `n` rows, or (without `n`) the first row or `undefined` when there is none. */
  head(options?: ActionOptions): Promise<Row | undefined>;
  head(n: number, options?: ActionOptions): Promise<Row[]>;
  async head(nOrOptions?: number | ActionOptions, options?: ActionOptions): Promise<Row | Row[] | undefined> {
    if (typeof nOrOptions === "number") return this.take(nOrOptions, options);
    const rows = await this.take(1, nOrOptions);
    return rows[0];
  }

  async first(options?: ActionOptions): Promise<Row | undefined> {
    return this.head(options);
  }

  async isEmpty(options?: ActionOptions): Promise<boolean> {
    const noColumns = this.sparkSession.plans.project(this.relation, []);
    const rows = await this.rowsOf(this.sparkSession.plans.limit(noColumns, 1), options);
    return rows.length === 0;
  }

  /** The last `num` rows. */
  async tail(num: number, options?: ActionOptions): Promise<Row[]> {
    return this.rowsOf(this.sparkSession.plans.tail(this.relation, requireNonNegativeInteger(num, "num")), options);
  }

  /** Rows one by one as the server streams them, without holding the whole result. */
  async *toLocalIterator(options?: ActionOptions): AsyncGenerator<Row> {
    yield* runQuery(this.sparkSession.backend, this.relation, options).rows();
  }

  /** The result as a stream of Arrow record batches. */
  async *toBatches(options?: ActionOptions): AsyncGenerator<RecordBatch> {
    yield* runQuery(this.sparkSession.backend, this.relation, options);
  }

  /**
   * The text table `show()` prints: `n` rows, cells cut to 20 characters when `truncate` is true (or to
   * `truncate` characters when it is a number; 0 or false keeps them whole), one block per row when vertical.
   */
  async showString(
    n = 20,
    truncate: boolean | number = true,
    vertical = false,
    options?: ActionOptions,
  ): Promise<string> {
    if (typeof n !== "number" || !Number.isInteger(n)) {
      throw new ClientArgumentError(`n must be an integer, got ${describeType(n)}.`, { errorClass: "NOT_INT" });
    }
    requireBoolean(vertical, "vertical");
    let width: number;
    if (typeof truncate === "boolean") width = truncate ? 20 : 0;
    else if (typeof truncate === "number" && Number.isInteger(truncate)) width = truncate;
    else
      throw new ClientArgumentError(`truncate must be a boolean or an integer, got ${describeType(truncate)}.`, {
        errorClass: "NOT_BOOL",
      });
    const rows = await this.rowsOf(this.sparkSession.plans.showString(this.relation, n, width, vertical), options);
    const text = rows[0]?.get(0);
    if (typeof text !== "string") throw new Error("The server returned no text for show()");
    return text;
  }

  /** Prints the first `n` rows as a table, exactly as PySpark's `show` does. */
  async show(n = 20, truncate: boolean | number = true, vertical = false, options?: ActionOptions): Promise<void> {
    console.log(await this.showString(n, truncate, vertical, options));
  }

  // ---- Schema and plan inspection --------------------------------------------------------------------------

  /** The result schema, resolved by the backend (cached per DataFrame). */
  get schema(): Promise<StructType> {
    return this.analysis.schema();
  }

  get columns(): Promise<string[]> {
    return this.schema.then((schema) => schema.fields.map((field) => field.name));
  }

  /** Each column's name and simple type string, e.g. `["id", "bigint"]`. */
  get dtypes(): Promise<Array<[string, string]>> {
    return this.schema.then((schema) =>
      schema.fields.map((field): [string, string] => [field.name, field.dataType.simpleString()]),
    );
  }

  // The questions below are AnalyzePlan calls; an AbortSignal in `options` cancels them. The getters (schema,
  // columns, dtypes, isStreaming, storageLevel) cannot take options.

  /** Prints the schema as a tree. */
  async printSchema(level?: number, options?: ActionOptions): Promise<void> {
    console.log(await this.analysis.treeString(level, options));
  }

  /** The schema tree `printSchema` prints. */
  async treeString(level?: number, options?: ActionOptions): Promise<string> {
    return this.analysis.treeString(level, options);
  }

  /**
   * Prints the query plans, as PySpark's `explain(extended, mode)`: `explain()` (simple), `explain(true)`
   * (extended), `explain("formatted")`, or `explain(undefined, "cost")`.
   */
  async explain(extended?: ExplainMode | boolean, mode?: ExplainMode, options?: ActionOptions): Promise<void> {
    console.log(await this.explainString(extended, mode, options));
  }

  async explainString(extended?: ExplainMode | boolean, mode?: ExplainMode, options?: ActionOptions): Promise<string> {
    return this.analysis.explainString(explainModeOf(extended, mode), options);
  }

  /** Whether collect() and take() can run locally, without any executors. */
  async isLocal(options?: ActionOptions): Promise<boolean> {
    return this.analysis.isLocal(options);
  }

  /** Whether this DataFrame reads a streaming source. */
  get isStreaming(): Promise<boolean> {
    return this.analysis.isStreaming();
  }

  /** The files this DataFrame reads, as far as the backend can tell. */
  async inputFiles(options?: ActionOptions): Promise<string[]> {
    return this.analysis.inputFiles(options);
  }

  /** Whether both DataFrames compute the same result (as judged from their analyzed plans). */
  async sameSemantics(other: DataFrameActions, options?: ActionOptions): Promise<boolean> {
    if (!(other instanceof DataFrameActions)) {
      throw new ClientArgumentError(`other must be a DataFrame, got ${describeType(other)}.`, {
        errorClass: "NOT_DATAFRAME",
      });
    }
    return this.analysis.sameSemantics(other.relation, options);
  }

  /** A hash of the analyzed plan; equal for DataFrames with the same semantics. */
  async semanticHash(options?: ActionOptions): Promise<number> {
    return this.analysis.semanticHash(options);
  }

  /** Keeps the result once computed (at `MEMORY_AND_DISK_DESER`, Spark's default), and returns this DataFrame. */
  async cache(options?: ActionOptions): Promise<this> {
    return this.persist(StorageLevel.MEMORY_AND_DISK_DESER, options);
  }

  async persist(level: StorageLevel = StorageLevel.MEMORY_AND_DISK_DESER, options?: ActionOptions): Promise<this> {
    if (!(level instanceof StorageLevel)) {
      throw new ClientArgumentError(`storageLevel must be a StorageLevel, got ${describeType(level)}.`);
    }
    await this.analysis.persist(level, options);
    return this;
  }

  async unpersist(blocking = false, options?: ActionOptions): Promise<this> {
    await this.analysis.unpersist(requireBoolean(blocking, "blocking"), options);
    return this;
  }

  /** How this DataFrame is cached (`StorageLevel.NONE` when it is not). */
  get storageLevel(): Promise<StorageLevel> {
    return this.analysis.storageLevel();
  }

  /** Registers this DataFrame as a temporary view of the session. */
  async createOrReplaceTempView(name: string, options?: ActionOptions): Promise<void> {
    this.recordExecution(await this.analysis.createView(requireString(name, "name"), false, true, options));
  }

  async createTempView(name: string, options?: ActionOptions): Promise<void> {
    this.recordExecution(await this.analysis.createView(requireString(name, "name"), false, false, options));
  }

  /** Creates a global temporary view (`global_temp.<name>`), replacing one of the same name if asked. */
  protected async createGlobalView(name: string, replace: boolean, options?: ActionOptions): Promise<void> {
    this.recordExecution(await this.analysis.createView(requireString(name, "name"), true, replace, options));
  }

  toString(): string {
    return `DataFrame[plan ${this.planId}: ${this.relation.relType.case ?? "empty"}]`;
  }
}

/** PySpark counts rows as `count(1)`; doing the same keeps the plans identical. */
function countOne(): Expression {
  return functionCall("count", [literalExpression(1)]);
}
