/**
 * The engine's SQL configuration: the registered keys' defaults (sql-conf-entries.ts), the values the session
 * started with, session overrides, and the seven Config operations with Spark's answers (including its errors).
 */
import { AnalysisException } from "../../errors/index.js";
import { sparkError, sqlConfNotFound } from "../errors.js";
import { DEFAULT_SPILL_THRESHOLD_BYTES, type SpillSettings } from "../shuffle/map-status.js";
import { parseByteSize } from "./byte-size.js";
import { checkConfValue, defaultOf, isCoreConfig, SQL_CONF_ENTRIES, type SqlConfEntry } from "./sql-conf-entries.js";

/** The engine's own conf (not Spark's): shuffle bytes an executor keeps in memory before spilling to disk. */
export const SPILL_THRESHOLD_KEY = "spark.sparkts.shuffle.spill.threshold";

const byKey = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);

export class SessionConfig {
  /** Values set in this session, starting with the ones it was started with (master, app name, warehouse). */
  private readonly session = new Map<string, string>();

  constructor(readonly master: string) {
    this.session.set("spark.master", master);
    this.session.set("spark.app.name", "sparkts");
  }

  /** The key's value; a registered key without a default gives undefined, an unknown unset key raises. */
  get(key: string): string | undefined {
    const value = this.getOption(key);
    if (value === undefined && !SQL_CONF_ENTRIES.has(key)) throw sqlConfNotFound(key);
    return value;
  }

  getOption(key: string): string | undefined {
    const set = this.session.get(key);
    if (set !== undefined) return set;
    const entry = SQL_CONF_ENTRIES.get(key);
    return entry === undefined ? undefined : defaultOf(entry);
  }

  /** The set value or `fallback` (registered defaults are not consulted); a registered key checks the fallback. */
  getWithDefault(key: string, fallback: string | undefined): string | undefined {
    const entry = SQL_CONF_ENTRIES.get(key);
    if (entry !== undefined && fallback !== undefined) checkConfValue(key, entry, fallback);
    return this.session.get(key) ?? fallback;
  }

  set(key: string, value: string): void {
    const entry = this.checkChangeable(key);
    if (entry !== undefined) checkConfValue(key, entry, value);
    this.session.set(key, value);
  }

  /** Takes over another session's values (a cloned session starts with its parent's configuration). */
  copyFrom(other: SessionConfig): void {
    this.session.clear();
    for (const [key, value] of other.session) this.session.set(key, value);
  }

  /** Sets a static config the way the session is started with it (not a runtime change). */
  setStatic(key: string, value: string): void {
    this.session.set(key, value);
  }

  unset(key: string): void {
    this.checkChangeable(key);
    this.session.delete(key);
  }

  /** Registered keys that are not static; Spark answers false for keys it does not know. */
  isModifiable(key: string): boolean {
    const entry = SQL_CONF_ENTRIES.get(key);
    return entry !== undefined && entry.isStatic !== true;
  }

  /** Values given at startup or set in the session (not defaults), optionally filtered by prefix, sorted by key. */
  getAll(prefix?: string): [string, string][] {
    return [...this.session.entries()].filter(([k]) => prefix === undefined || k.startsWith(prefix)).sort(byKey);
  }

  /** Raises Spark's error for a key a session cannot change; gives the key's entry when it has one. */
  private checkChangeable(key: string): SqlConfEntry | undefined {
    const entry = SQL_CONF_ENTRIES.get(key);
    if (entry?.isStatic === true) {
      throw sparkError(
        AnalysisException,
        "CANNOT_MODIFY_STATIC_CONFIG",
        "46110",
        `Cannot modify the value of the static Spark config: "${key}".`,
        { key: `"${key}"` },
      );
    }
    if (isCoreConfig(key)) {
      throw sparkError(
        AnalysisException,
        "CANNOT_MODIFY_CONFIG",
        "46110",
        `Cannot modify the value of the Spark config: "${key}".`,
        { key: `"${key}"`, docroot: "https://spark.apache.org/docs/4.1.1" },
      );
    }
    return entry;
  }

  private flag(key: string): boolean {
    return this.getOption(key)?.trim().toLowerCase() === "true";
  }

  get ansi(): boolean {
    return this.flag("spark.sql.ansi.enabled");
  }

  get caseSensitive(): boolean {
    return this.flag("spark.sql.caseSensitive");
  }

  get timeZone(): string {
    return this.getOption("spark.sql.session.timeZone") ?? "UTC";
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

  /** `spark.sql.files.maxPartitionBytes`: how many bytes of files one scan partition packs at most. */
  get maxPartitionBytes(): number {
    const value = (this.getOption("spark.sql.files.maxPartitionBytes") ?? "134217728b").trim();
    return parseByteSize("spark.sql.files.maxPartitionBytes", value);
  }

  /** `spark.sql.autoBroadcastJoinThreshold` in bytes; -1 (any negative value) turns broadcast joins off. */
  get broadcastThreshold(): number {
    const value = (this.getOption("spark.sql.autoBroadcastJoinThreshold") ?? "10485760b").trim();
    return value.startsWith("-") ? -1 : parseByteSize("spark.sql.autoBroadcastJoinThreshold", value);
  }

  /** Explicitly set shuffle partitions win; otherwise one per core, standing in for Spark's AQE coalescing. */
  shufflePartitions(parallelism: number): number {
    const set = this.session.get("spark.sql.shuffle.partitions");
    return set === undefined ? parallelism : Number(set);
  }
}
