/**
 * The PySpark reference: runs a Python snippet with the real PySpark 4.1.1 client against a Spark Connect
 * server and returns what the snippet emitted, encoded as JSON that loses nothing. Tests compare our own
 * results with these "golden results" value for value and type for type.
 *
 * ```ts
 * const out = await runPySpark(`
 *   emit("df", spark.range(3).withColumn("half", F.col("id") / 2))
 *   capture("bad", lambda: spark.sql("select nope").collect())
 * `);
 * // out.df  = { $dataframe: { schema: {...}, rows: [[0, 0.0], ...] } }
 * // out.bad = { $error: { type: "AnalysisException", errorClass: "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", ... } }
 * ```
 *
 * In the snippet: `spark`, `emit(name, value)`, `capture(name, thunk)` (emits the value, or the PySpark error
 * the thunk raises), `F` (functions), `T` (types), `Row`, `datetime`, `Decimal`. The snippet is dedented, so
 * an indented template literal is fine. Each snippet gets a new PySpark session; one Python process per server
 * (per test worker) runs them in turn, so after the first (~1.5 s) a snippet costs little more than its queries.
 *
 * The encoding (Python value → JSON), implemented in scripts/lib/pyspark-runner.py:
 *
 * | Python value                      | JSON                                                              |
 * |-----------------------------------|-------------------------------------------------------------------|
 * | None, bool, str                   | null, true/false, string                                          |
 * | int with abs ≤ 2^53 − 1           | number                                                            |
 * | larger int                        | `{ $int: "9223372036854775807" }`                                 |
 * | finite float                      | number (Python's shortest round-trip text: JS reads the same double; -0.0 stays -0) |
 * | NaN, ±inf                         | `{ $float: "NaN" \| "Infinity" \| "-Infinity" }`                  |
 * | Decimal                           | `{ $decimal: "1.50000" }`, plain notation, scale kept (`0E-10` → `"0.0000000000"`) |
 * | datetime                          | `{ $timestamp: "2024-03-10T02:30:00.000000" }` always 6 digits; see time zones below |
 * | date                              | `{ $date: "2024-03-10" }`                                         |
 * | time                              | `{ $time: "12:34:56.123456" }`                                    |
 * | timedelta (DAY TO SECOND interval)| `{ $duration_us: "93784500000" }` microseconds as a decimal string |
 * | bytes, bytearray                  | `{ $binary: "<base64>" }`                                         |
 * | VariantVal                        | `{ $variant: { value: "<base64>", metadata: "<base64>", json: "..." } }` |
 * | Row (struct)                      | `{ $row: { names: [...] \| null, values: [...] } }` (names may repeat) |
 * | dict (map)                        | `{ $map: [[key, value], ...] }` in PySpark's order; keys may be any value |
 * | NamedTuple other than Row         | `{ $record: { <field>: <value>, ... } }` (catalog Table, Column, ...) |
 * | StorageLevel                      | `{ $record: { useDisk, useMemory, useOffHeap, deserialized, replication } }` |
 * | pyarrow Table                     | `{ $arrow: { names, rows } }` (values only: the Arrow libraries name types differently) |
 * | list, tuple (array)               | array                                                             |
 * | DataFrame                         | `{ $dataframe: { schema, rows } }`: `schema` is `df.schema.json()` parsed, each row an array of values |
 * | DataType                          | `{ $schema: <dataType.json() parsed> }`                           |
 * | error from `capture`              | `{ $error: { type, errorClass, sqlState, messageParameters, message } }` (first message line only) |
 *
 * Time zones: the Python process runs with TZ=UTC. PySpark turns TIMESTAMP (with local time zone) values into
 * naive datetimes in the process's zone, so they read as UTC wall-clock time; TIMESTAMP_NTZ values are the
 * stored wall-clock time. The schema says which one a column is. (The server's session time zone is untouched.)
 *
 * PySpark 4.1.1 itself cannot collect some types (YEAR TO MONTH and calendar intervals, TIME via Arrow): such
 * snippets fail in PySpark, and `capture` reports it as a `PySparkTypeError` or `AnalysisException`.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from "node:child_process";
import path from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { sparkRemote } from "./session-url.js";

/** A value as the runner encodes it (see the table above). */
export type PySparkJson =
  | null
  | boolean
  | number
  | string
  | PySparkJson[]
  | { $int: string }
  | { $float: "NaN" | "Infinity" | "-Infinity" }
  | { $decimal: string }
  | { $timestamp: string }
  | { $date: string }
  | { $time: string }
  | { $duration_us: string }
  | { $binary: string }
  | { $variant: { value: string; metadata: string; json: string } }
  | { $row: { names: string[] | null; values: PySparkJson[] } }
  | { $map: [PySparkJson, PySparkJson][] }
  | { $record: { [field: string]: PySparkJson } }
  | { $arrow: { names: string[]; rows: PySparkJson[][] } }
  | { $dataframe: EmittedDataFrame }
  | { $schema: SparkSchemaJson }
  | { $error: EmittedError };

/** `DataType.json()` parsed: Spark's own JSON form of a data type; simple types are their name ("long"). */
export type SparkSchemaJson = string | SparkStructJson | SparkArrayJson | SparkMapJson | SparkUdtJson;

export interface SparkStructJson {
  type: "struct";
  fields: SparkFieldJson[];
}

export interface SparkFieldJson {
  name: string;
  type: SparkSchemaJson;
  nullable: boolean;
  metadata: Record<string, unknown>;
}

export interface SparkArrayJson {
  type: "array";
  elementType: SparkSchemaJson;
  containsNull: boolean;
}

export interface SparkMapJson {
  type: "map";
  keyType: SparkSchemaJson;
  valueType: SparkSchemaJson;
  valueContainsNull: boolean;
}

export interface SparkUdtJson {
  type: "udt";
  sqlType: SparkSchemaJson;
  class?: string;
  pyClass?: string;
  serializedClass?: string;
}

export interface EmittedDataFrame {
  schema: SparkStructJson;
  rows: PySparkJson[][];
}

export interface EmittedError {
  type: string;
  errorClass: string | null;
  sqlState: string | null;
  messageParameters: Record<string, string>;
  message: string;
}

export interface RunPySparkOptions {
  /** The server to run against; defaults to `sparkRemote()`. */
  remote?: string;
  /** Give up on the snippet (and restart its Python process) after this long; default 120 s. */
  timeoutMs?: number;
}

/** The snippet raised, or its Python process failed, so there are no results. */
export class PySparkSnippetError extends Error {
  constructor(
    message: string,
    /** What Python printed to stderr lately (empty when the snippet itself raised). */
    readonly stderr: string,
  ) {
    super(message);
    this.name = "PySparkSnippetError";
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const runnerScript = path.join(repoRoot, "scripts/lib/pyspark-runner.py");
let cachedPython: string | undefined;

/** The venv's python, installing the venv on first use (scripts/pyspark-env.sh prints its path). */
export function pysparkPython(): string {
  if (cachedPython === undefined) {
    const venv = execFileSync("bash", [path.join(repoRoot, "scripts/pyspark-env.sh")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
    cachedPython = path.join(venv, "bin/python");
  }
  return cachedPython;
}

type RunnerAnswer = { emitted: Record<string, PySparkJson> } | { failure: string };

/**
 * One long-lived Python process per server, running snippets one at a time, each in a new PySpark session
 * (so confs and temp views never leak between snippets). Starting Python and importing PySpark costs ~1.5 s;
 * paying it once per test worker keeps golden comparisons cheap.
 */
class PySparkRunner {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly answers: Readable;
  private readonly lines: string[] = [];
  private waiter: ((line: string | Error) => void) | undefined;
  private partial = "";
  private stderrTail = "";
  private queue: Promise<unknown> = Promise.resolve();
  exited = false;

  constructor(readonly remote: string) {
    this.child = spawn(pysparkPython(), [runnerScript, remote], {
      env: { ...process.env, TZ: "UTC", PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" },
      // fd 3 carries the answers, so nothing PySpark prints can corrupt them.
      stdio: ["pipe", "pipe", "pipe", "pipe"],
    }) as ChildProcessWithoutNullStreams;
    this.answers = this.child.stdio[3] as Readable;
    this.answers.setEncoding("utf8");
    this.answers.on("data", (chunk: string) => this.receive(chunk));
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        this.stderrTail = (this.stderrTail + chunk).slice(-20_000);
      });
    }
    this.child.on("error", (error) => this.fail(error));
    this.child.on("close", (code, signal) => this.fail(new Error(`Python exited (code ${code}, signal ${signal})`)));
    this.setIdle(true);
  }

  /** Queues a snippet; snippets of one runner never overlap. */
  run(code: string, timeoutMs: number): Promise<Record<string, PySparkJson>> {
    const result = this.queue.then(() => this.exchange(code, timeoutMs));
    this.queue = result.catch(() => undefined);
    return result;
  }

  kill(): void {
    this.exited = true;
    this.child.kill("SIGKILL");
  }

  private async exchange(code: string, timeoutMs: number): Promise<Record<string, PySparkJson>> {
    if (this.exited) throw this.error(`the Python process for ${this.remote} is gone`);
    this.setIdle(false);
    try {
      this.child.stdin.write(`${JSON.stringify({ code })}\n`);
      const line = await this.nextLine(timeoutMs);
      const answer = JSON.parse(line) as RunnerAnswer;
      if ("failure" in answer) throw new PySparkSnippetError(`PySpark snippet failed:\n${answer.failure}`, "");
      return answer.emitted;
    } finally {
      this.setIdle(true);
    }
  }

  private nextLine(timeoutMs: number): Promise<string> {
    const ready = this.lines.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        this.kill();
        reject(this.error(`the snippet did not finish within ${timeoutMs} ms; its Python process was killed`));
      }, timeoutMs);
      this.waiter = (line) => {
        clearTimeout(timer);
        this.waiter = undefined;
        if (line instanceof Error) reject(this.error(line.message));
        else resolve(line);
      };
    });
  }

  private receive(chunk: string): void {
    const parts = (this.partial + chunk).split("\n");
    this.partial = parts.pop() ?? "";
    for (const line of parts) {
      if (this.waiter) this.waiter(line);
      else this.lines.push(line);
    }
  }

  private fail(error: Error): void {
    this.exited = true;
    this.waiter?.(error);
  }

  private error(why: string): PySparkSnippetError {
    return new PySparkSnippetError(
      `PySpark against ${this.remote}: ${why}\n${lastLines(this.stderrTail, 40)}`,
      this.stderrTail,
    );
  }

  /** An idle runner must not keep a script's event loop alive; a busy one must. */
  private setIdle(idle: boolean): void {
    const handles = [this.child, this.child.stdin, this.child.stdout, this.child.stderr, this.answers] as unknown as {
      ref(): void;
      unref(): void;
    }[];
    for (const handle of handles) {
      if (idle) handle.unref();
      else handle.ref();
    }
  }
}

const runners = new Map<string, PySparkRunner>();

/** Runs `code` with PySpark against the server and returns everything it emitted, by name. */
export function runPySpark(code: string, options: RunPySparkOptions = {}): Promise<Record<string, PySparkJson>> {
  const remote = options.remote ?? sparkRemote();
  let runner = runners.get(remote);
  if (runner === undefined || runner.exited) {
    runner = new PySparkRunner(remote);
    runners.set(remote, runner);
  }
  return runner.run(code, options.timeoutMs ?? 120_000);
}

/** Stops every Python process started by runPySpark (they also end by themselves when this process exits). */
export function closePySpark(): void {
  for (const runner of runners.values()) runner.kill();
  runners.clear();
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}

/** The DataFrame emitted under `name`; throws naming what was emitted instead (an error shows its message). */
export function emittedDataFrame(out: Record<string, PySparkJson>, name: string): EmittedDataFrame {
  const value = out[name];
  if (isTagged(value, "$dataframe")) return value.$dataframe;
  throw new Error(`PySpark emitted no DataFrame named ${JSON.stringify(name)}: ${describeEmitted(value)}`);
}

/** The PySpark error captured under `name`; throws naming what was emitted instead. */
export function emittedError(out: Record<string, PySparkJson>, name: string): EmittedError {
  const value = out[name];
  if (isTagged(value, "$error")) return value.$error;
  throw new Error(`PySpark captured no error named ${JSON.stringify(name)}: ${describeEmitted(value)}`);
}

function isTagged<Tag extends "$dataframe" | "$error">(
  value: PySparkJson | undefined,
  tag: Tag,
): value is Extract<PySparkJson, Record<Tag, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && tag in value;
}

function describeEmitted(value: PySparkJson | undefined): string {
  if (value === undefined) return "nothing was emitted under that name";
  if (isTagged(value, "$error")) return `it raised ${value.$error.type}: ${value.$error.message}`;
  return `got ${JSON.stringify(value).slice(0, 200)}`;
}
