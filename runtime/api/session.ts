/**
 * The entry point of every program: a SparkSession wraps one Backend (a Spark Connect server or the embedded
 * engine) and makes DataFrames. Create one with `SparkSession.builder().remote("sc://host:15002").getOrCreate()`,
 * or `.master("local[4]")` for the embedded engine (the default when no remote is given).
 */

import { Table } from "apache-arrow";
import type { SparkSessionApi } from "../../generated/api/spark-session.js";
import type { Backend } from "../backend.js";
import { ClientArgumentError, SparkConnectError } from "../errors/index.js";
import { describeType, type LiteralValue } from "../plan/literals.js";
import { PlanIdGenerator } from "../plan/plan-ids.js";
import { sqlCommandPlan } from "../plan/plans.js";
import { RelationFactory } from "../plan/relations.js";
import { type ProgressHandler, progressHandlersOf } from "../progress/index.js";
import { parseSchema, StructType } from "../types/index.js";
import type { ActionOptions } from "./action-options.js";
import { activeSessionIfLive, defaultSessionIfLive, forgetSession } from "./active-session.js";
import { type Catalog, createCatalog } from "./catalog/catalog.js";
import { Column, requireString } from "./column.js";
import { DataFrame } from "./dataframe.js";
import { runCommand } from "./execution.js";
import { lit } from "./functions.js";
import { createReader, type DataFrameReader } from "./io/dataframe-reader.js";
import { encodeArrowTableAs } from "./local-arrow-table-schema.js";
import {
  type EncodedLocalData,
  encodeArrowTable,
  encodeLocalRows,
  type LocalRow,
  type LocalSchema,
} from "./local-data.js";
import { LocalRelationCache } from "./local-relation-cache.js";
import { RuntimeConfig } from "./runtime-config.js";
import {
  type ArtifactKindOptions,
  forwardToFsArtifact,
  readArtifact,
  splitArtifactArguments,
} from "./session-artifacts.js";
import { SparkSessionBuilder } from "./session-builder.js";
import { requireValidTag, sessionTagsOf } from "./session-tags.js";
import { formatSql } from "./sql-formatter.js";
import { TableValuedFunction } from "./table-valued-function.js";
import { UDFRegistration } from "./udf-registration.js";

export type SqlArgument = LiteralValue | Column;

function requireInteger(value: unknown, argName: string): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  throw new ClientArgumentError(
    `${argName} must be an integer (number or bigint), got ${describeType(value)} ${String(value)}.`,
    {
      errorClass: "NOT_INT",
      messageParameters: { arg_name: argName, arg_type: describeType(value) },
    },
  );
}

export class SparkSession implements SparkSessionApi {
  /** Builds plan nodes with this session's plan ids. */
  readonly plans: RelationFactory;
  readonly conf: RuntimeConfig;
  private stopped = false;
  /** Present when the backend sends requests over the wire, where large local data goes as cached artifacts. */
  private readonly localRelations: LocalRelationCache | undefined;

  constructor(private readonly activeBackend: Backend) {
    this.plans = new RelationFactory(new PlanIdGenerator());
    this.conf = new RuntimeConfig(this);
    if (activeBackend.usePreparer !== undefined) {
      const cache = new LocalRelationCache(activeBackend);
      activeBackend.usePreparer((request) => cache.prepare(request));
      this.localRelations = cache;
    }
  }

  /** The active session: the one a builder made first (and not stopped), as in PySpark; undefined when none. */
  static getActiveSession(): SparkSession | undefined {
    return activeSessionIfLive();
  }

  /** The active session, else the default session; fails with NO_ACTIVE_OR_DEFAULT_SESSION when neither is live. */
  static active(): SparkSession {
    const session = activeSessionIfLive() ?? defaultSessionIfLive();
    if (session === undefined) {
      throw new SparkConnectError("No active or default Spark session found. Create a session first.", {
        errorClass: "NO_ACTIVE_OR_DEFAULT_SESSION",
      });
    }
    return session;
  }

  /** The backend this session runs on; using a stopped session fails here with NO_ACTIVE_SESSION, as in PySpark. */
  get backend(): Backend {
    if (this.stopped) {
      throw new SparkConnectError(
        "No active Spark session found: this session was stopped. Create a new session before running the code.",
        { errorClass: "NO_ACTIVE_SESSION" },
      );
    }
    return this.activeBackend;
  }

  static builder(): SparkSessionBuilder {
    return new SparkSessionBuilder();
  }

  /** The session id (a UUID) the backend uses for this session. */
  get sessionId(): string {
    return this.activeBackend.sessionId;
  }

  /** PySpark's name for `sessionId`. */
  get session_id(): string {
    return this.sessionId;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** PySpark's name for `isStopped`. */
  get is_stopped(): boolean {
    return this.stopped;
  }

  /** Table-valued functions (`explode`, `stack`, `sql_keywords`, ...) as DataFrames. */
  get tvf(): TableValuedFunction {
    return new TableValuedFunction(this);
  }

  /** Where user-defined functions are registered under SQL names. */
  get udf(): UDFRegistration {
    return new UDFRegistration(this);
  }

  /** Reads files and tables into DataFrames; a new reader each time, as in PySpark. */
  get read(): DataFrameReader {
    return createReader(this);
  }

  /** Databases, tables, functions and cached data of the session's catalogs. */
  get catalog(): Catalog {
    return createCatalog(this);
  }

  /** The Spark version of the backend, e.g. `4.1.1`. */
  get version(): Promise<string> {
    // Through a promise, so a stopped session rejects instead of throwing from a property read.
    return Promise.resolve()
      .then(() => this.backend.analyze({ case: "sparkVersion", value: {} }))
      .then((response) => {
        if (response.result.case !== "sparkVersion")
          throw new Error("The backend answered a version request with something else");
        return response.result.value.version;
      });
  }

  /**
   * Runs a SQL statement and returns its result as a DataFrame. Like PySpark, the statement runs right away
   * (so DDL and commands take effect now), and queries stay lazy. Parameters go as `?` markers with an array or
   * `:name` markers with an object. `kwargs` fill `{name}` placeholders in the text as PySpark does: a DataFrame
   * becomes a view of the query, a column reference its name, a string a quoted literal.
   */
  async sql(
    query: string,
    args?: readonly SqlArgument[] | Readonly<Record<string, SqlArgument>> | null,
    kwargs?: Readonly<Record<string, unknown>> | null,
    options?: ActionOptions,
  ): Promise<DataFrame> {
    requireString(query, "sqlQuery");
    const positional: SqlArgument[] = [];
    const named: Record<string, SqlArgument> = {};
    if (Array.isArray(args)) positional.push(...args);
    else if (typeof args === "object" && args !== null) Object.assign(named, args);
    else if (args !== undefined && args !== null) {
      throw new ClientArgumentError(`args must be an array or an object, got ${describeType(args)}.`, {
        errorClass: "INVALID_TYPE",
        messageParameters: { arg_name: "args", arg_type: describeType(args) },
      });
    }
    const formatted = kwargs === undefined || kwargs === null ? { query, views: [] } : formatSql(query, kwargs);
    // Plan ids in PySpark's order: the views' aliases, the query, then the node that attaches the views.
    const views = formatted.views.map((view) => this.plans.subqueryAlias(view.relation, view.name));
    const argument = (value: SqlArgument) => (value instanceof Column ? value.expr : lit(value).expr);
    const sqlRelation = this.plans.sql(
      formatted.query,
      positional.map(argument),
      Object.fromEntries(Object.entries(named).map(([key, value]) => [key, argument(value)])),
    );
    const relation = views.length === 0 ? sqlRelation : this.plans.withRelations(sqlRelation, views);
    const stream = await runCommand(this.backend, sqlCommandPlan(relation), options);
    const returned = stream.sqlCommandResult?.relation;
    const result = returned === undefined ? relation : this.plans.adopt(returned);
    return new DataFrame(this, result);
  }

  /**
   * A single `id` column of longs: `range(end)` counts from 0, `range(start, end, step)` as in Python's range
   * (end exclusive).
   */
  range(
    start: number | bigint,
    end?: number | bigint | null,
    step: number | bigint = 1,
    numPartitions?: number,
  ): DataFrame {
    let from = requireInteger(start, "start");
    let to: bigint;
    if (end === undefined || end === null) {
      to = from;
      from = 0n;
    } else {
      to = requireInteger(end, "end");
    }
    const by = requireInteger(step, "step");
    if (by === 0n) throw new ClientArgumentError("step must not be 0.");
    if (numPartitions !== undefined && (!Number.isInteger(numPartitions) || numPartitions < 1)) {
      throw new ClientArgumentError(`numPartitions must be a positive integer, got ${String(numPartitions)}.`);
    }
    return new DataFrame(this, this.plans.range(from, to, by, numPartitions));
  }

  /** A table or view by (possibly qualified) name. */
  table(tableName: string): DataFrame {
    return new DataFrame(this, this.plans.table(requireString(tableName, "tableName")));
  }

  /**
   * A DataFrame from JS rows: objects (keys are columns) or arrays (with column names in `schema`). `schema` is a
   * StructType, a DDL string such as `"id long, name string"`, or column names; types are inferred otherwise.
   * An Arrow Table is sent as it is, typed by its own schema (column names in `schema` rename its columns; a
   * StructType or DDL schema naming its columns has the server cast them to its types).
   * The plan is PySpark's: column names given as a list, and an Arrow table's names, come in a ToDF over the
   * LocalRelation (which carries no schema for an Arrow table); no rows with a schema send the schema alone.
   */
  createDataFrame(data: readonly LocalRow[] | Table, schema?: LocalSchema): DataFrame {
    if (data instanceof Table) {
      if (schema instanceof StructType || typeof schema === "string") {
        const declared = typeof schema === "string" ? parseSchema(schema) : schema;
        // No rows: the schema alone, as for JS rows (PySpark sends no Arrow data for an empty table either).
        if (data.numRows === 0) return new DataFrame(this, this.plans.localRelation(undefined, declared.json()));
        const encoded = encodeArrowTableAs(data, declared);
        return new DataFrame(this, this.localRelation(encoded, declared.json()));
      }
      const encoded = encodeArrowTable(data);
      const names = arrowTableNames(schema ?? encoded.schema.fieldNames(), encoded.schema.fields.length);
      return new DataFrame(this, this.localRelation(encoded, undefined)).toDF(...names);
    }
    const encoded = encodeLocalRows(data, schema);
    if (data.length === 0) return new DataFrame(this, this.plans.localRelation(undefined, encoded.schema.json()));
    const df = new DataFrame(this, this.localRelation(encoded, encoded.schema.json()));
    return Array.isArray(schema) ? df.toDF(...(schema as readonly string[])) : df;
  }

  /** The relation for local data; the cache may later send it as uploaded chunks instead of inline. */
  private localRelation(encoded: EncodedLocalData, schema: string | undefined) {
    const relation = this.plans.localRelation(encoded.ipc, schema);
    this.localRelations?.register(relation, encoded.table);
    return relation;
  }

  /** Calls `handler` with the stages and tasks of every running operation of this session (once per handler). */
  registerProgressHandler(handler: ProgressHandler): void {
    progressHandlersOf(this.backend).register(handler);
  }

  /** Stops calling `handler`; removing a handler that was never registered is an error, as in PySpark. */
  removeProgressHandler(handler: ProgressHandler): void {
    progressHandlersOf(this.backend).remove(handler);
  }

  clearProgressHandlers(): void {
    progressHandlersOf(this.backend).clear();
  }

  /** Interrupts every running operation of this session; returns the ids of the interrupted operations. */
  async interruptAll(): Promise<string[]> {
    return this.backend.interrupt({ kind: "all" });
  }

  /** Interrupts the running operations of this session that carry `tag`; returns their ids. */
  async interruptTag(tag: string): Promise<string[]> {
    return this.backend.interrupt({ kind: "tag", tag: requireValidTag(tag) });
  }

  /** Interrupts one operation by id; returns `[opId]` if it was running, else an empty list. */
  async interruptOperation(op_id: string): Promise<string[]> {
    return this.backend.interrupt({ kind: "operation", operationId: requireString(op_id, "op_id") });
  }

  /** Adds a tag to every operation this session starts from now on (until removed); see `interruptTag`. */
  addTag(tag: string): void {
    sessionTagsOf(this.activeBackend).add(tag);
  }

  removeTag(tag: string): void {
    sessionTagsOf(this.activeBackend).remove(tag);
  }

  /** The tags operations started now would carry. */
  getTags(): string[] {
    return sessionTagsOf(this.activeBackend).list();
  }

  clearTags(): void {
    sessionTagsOf(this.activeBackend).clear();
  }

  /**
   * Uploads local files to the session: `.jar` files by default (added to the session's class path), or with
   * `{ file: true }` any file (as SparkContext.addFile), `{ archive: true }` an archive (`path#alias` names the
   * directory it unpacks to), `{ pyfile: true }` a Python file or package for Python UDFs. Paths may be `file:`
   * URIs; each path is its own upload, as in PySpark.
   */
  async addArtifacts(...args: Array<string | ArtifactKindOptions>): Promise<void> {
    const { paths, kind } = splitArtifactArguments(args);
    for (const path of paths) await this.backend.addArtifacts([await readArtifact(path, kind)]);
  }

  /** The same as `addArtifacts`. */
  async addArtifact(...args: Array<string | ArtifactKindOptions>): Promise<void> {
    await this.addArtifacts(...args);
  }

  /**
   * Copies a local file to `dest_path` (an absolute path without a scheme) on the server's default file system.
   * The server refuses a local-file-system destination unless `spark.connect.copyFromLocalToFs.allowDestLocal`.
   */
  async copyFromLocalToFs(local_path: string, dest_path: string): Promise<void> {
    await this.backend.addArtifacts([await forwardToFsArtifact(local_path, dest_path)]);
  }

  /**
   * A new session holding a server-side copy of this one (configuration, temporary views, functions), over the
   * same connection; later changes to either do not reach the other. `new_session_id` must be a UUID.
   */
  async cloneSession(new_session_id?: string): Promise<SparkSession> {
    return new SparkSession(await this.backend.cloneSession(new_session_id));
  }

  /** Releases the session on the backend and closes the connection. The session cannot be used afterwards. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    forgetSession(this);
    await this.activeBackend.releaseSession();
  }
}

/**
 * The column names for an Arrow table: only a list of names makes sense, since the table has its types. A
 * shorter list is completed with `_<position>` names, as PySpark does.
 */
function arrowTableNames(schema: LocalSchema, width: number): string[] {
  if (!Array.isArray(schema) || schema.length > width || !schema.every((name) => typeof name === "string")) {
    throw new ClientArgumentError(`schema for an Arrow table must be at most ${width} column names.`, {
      errorClass: "AXIS_LENGTH_MISMATCH",
    });
  }
  return Array.from({ length: width }, (_, i) => (schema[i] as string | undefined) ?? `_${i + 1}`);
}
