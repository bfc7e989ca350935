/**
 * The engine's SQL configuration: Spark 4.1 defaults for the keys the engine reads or users commonly query,
 * session overrides, and the seven Config operations with Spark's answers (including its errors).
 */
import { AnalysisException } from "../../errors/index.js";
import { sparkError, sqlConfNotFound } from "../errors.js";
import { DEFAULT_SPILL_THRESHOLD_BYTES, type SpillSettings } from "../shuffle/map-status.js";
import { parseByteSize } from "./byte-size.js";

/** Defaults as Spark 4.1.1 reports them; the session time zone follows the host like the JVM does. */
function defaults(): Map<string, string> {
  return new Map([
    ["spark.sql.ansi.enabled", "true"],
    ["spark.sql.caseSensitive", "false"],
    ["spark.sql.session.timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone],
    ["spark.sql.shuffle.partitions", "200"],
    ["spark.sql.adaptive.enabled", "true"],
    ["spark.sql.crossJoin.enabled", "true"],
    ["spark.sql.execution.arrow.maxRecordsPerBatch", "10000"],
    ["spark.sql.session.localRelationCacheThreshold", "67108864"],
    ["spark.sql.autoBroadcastJoinThreshold", "10485760"],
    ["spark.sql.repl.eagerEval.enabled", "false"],
    ["spark.sql.repl.eagerEval.maxNumRows", "20"],
    ["spark.sql.repl.eagerEval.truncate", "20"],
    ["spark.sql.pyspark.jvmStacktrace.enabled", "false"],
    ["spark.sql.legacy.timeParserPolicy", "CORRECTED"],
  ]);
}

/** The engine's own conf (not Spark's): shuffle bytes an executor keeps in memory before spilling to disk. */
export const SPILL_THRESHOLD_KEY = "spark.sparkts.shuffle.spill.threshold";

/** Keys Spark refuses to change at runtime (static SQL configs and core configs). */
const STATIC_PREFIXES = [
  "spark.sql.warehouse.dir",
  "spark.sql.catalogImplementation",
  "spark.driver.",
  "spark.executor.",
  "spark.master",
  "spark.app.name",
];

export class SessionConfig {
  private readonly values = defaults();
  private readonly overridden = new Set<string>();

  constructor(readonly master: string) {
    this.values.set("spark.master", master);
    this.values.set("spark.app.name", "sparkts");
  }

  get(key: string): string {
    const value = this.values.get(key);
    if (value === undefined) throw sqlConfNotFound(key);
    return value;
  }

  getOption(key: string): string | undefined {
    return this.values.get(key);
  }

  getWithDefault(key: string, fallback: string | undefined): string | undefined {
    return this.overridden.has(key) ? this.values.get(key) : (fallback ?? this.values.get(key));
  }

  set(key: string, value: string): void {
    if (!this.isModifiable(key) && STATIC_PREFIXES.some((p) => key === p || key.startsWith(p))) {
      throw sparkError(
        AnalysisException,
        "CANNOT_MODIFY_CONFIG",
        "46110",
        `The static config "${key}" cannot be changed at runtime.`,
        {
          key: `"${key}"`,
          docroot: "https://spark.apache.org/docs/4.1.1",
        },
      );
    }
    this.values.set(key, value);
    this.overridden.add(key);
  }

  /** Sets a static config the way the session is started with it (not a runtime change). */
  setStatic(key: string, value: string): void {
    this.values.set(key, value);
  }

  unset(key: string): void {
    this.overridden.delete(key);
    const fallback = defaults().get(key);
    if (fallback === undefined) this.values.delete(key);
    else this.values.set(key, fallback);
  }

  isModifiable(key: string): boolean {
    return key.startsWith("spark.sql.") && !STATIC_PREFIXES.some((p) => key === p || key.startsWith(p));
  }

  /** Every set key, optionally filtered by prefix, sorted like Spark's answer. */
  getAll(prefix?: string): [string, string][] {
    return [...this.values.entries()]
      .filter(([k]) => prefix === undefined || k.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  get ansi(): boolean {
    return this.get("spark.sql.ansi.enabled").toLowerCase() === "true";
  }

  get caseSensitive(): boolean {
    return this.get("spark.sql.caseSensitive").toLowerCase() === "true";
  }

  get timeZone(): string {
    return this.get("spark.sql.session.timeZone");
  }

  /** Shuffle spill: the threshold, and the first of `spark.local.dir`'s directories when it is set. */
  get shuffleSpill(): SpillSettings {
    const threshold = this.getOption(SPILL_THRESHOLD_KEY);
    const localDir = this.getOption("spark.local.dir")?.split(",")[0]?.trim();
    return {
      thresholdBytes:
        threshold === undefined ? DEFAULT_SPILL_THRESHOLD_BYTES : parseByteSize(SPILL_THRESHOLD_KEY, threshold),
      localDir: localDir ? localDir : null,
    };
  }

  /** `spark.sql.autoBroadcastJoinThreshold` in bytes; -1 (any negative value) turns broadcast joins off. */
  get broadcastThreshold(): number {
    const value = this.get("spark.sql.autoBroadcastJoinThreshold").trim();
    return value.startsWith("-") ? -1 : parseByteSize("spark.sql.autoBroadcastJoinThreshold", value);
  }

  /** Explicitly set shuffle partitions win; otherwise one per core, standing in for Spark's AQE coalescing. */
  shufflePartitions(parallelism: number): number {
    return this.overridden.has("spark.sql.shuffle.partitions")
      ? Number(this.get("spark.sql.shuffle.partitions"))
      : parallelism;
  }
}
