/**
 * The SQL configuration keys the engine knows: each key's Spark 4.1.1 default (as Spark prints it), the kind of
 * value it takes and whether it is static. Keys outside this table are treated as Spark treats unregistered keys:
 * settable, readable once set, never reported modifiable.
 */
import { IllegalArgumentException, type SparkConnectError } from "../../errors/index.js";
import { sparkError } from "../errors.js";

export type ConfValueKind =
  | { kind: "boolean" }
  | { kind: "int"; positive?: boolean }
  | { kind: "bytes" }
  | { kind: "enum"; options: readonly string[] }
  | { kind: "timeZone" }
  | { kind: "string" };

export interface SqlConfEntry {
  /** What `get` answers before a set; undefined for keys Spark registers without a default. */
  readonly defaultValue?: string | (() => string) | undefined;
  readonly value: ConfValueKind;
  /** Static keys are fixed when the session starts: set and unset raise CANNOT_MODIFY_STATIC_CONFIG. */
  readonly isStatic?: boolean;
}

const bool = (defaultValue: string): SqlConfEntry => ({ defaultValue, value: { kind: "boolean" } });
const int = (defaultValue: string, positive = false): SqlConfEntry => ({
  defaultValue,
  value: { kind: "int", positive },
});
const bytes = (defaultValue: string): SqlConfEntry => ({ defaultValue, value: { kind: "bytes" } });
const oneOf = (defaultValue: string, ...options: string[]): SqlConfEntry => ({
  defaultValue,
  value: { kind: "enum", options },
});
const text = (defaultValue?: string): SqlConfEntry => ({ defaultValue, value: { kind: "string" } });
const fixed = (defaultValue?: string): SqlConfEntry => ({ defaultValue, value: { kind: "string" }, isStatic: true });

/** The JVM reports the host's zone; Intl is the closest the engine has. */
const hostTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const SQL_CONF_ENTRIES: ReadonlyMap<string, SqlConfEntry> = new Map<string, SqlConfEntry>([
  ["spark.sql.ansi.enabled", bool("true")],
  ["spark.sql.caseSensitive", bool("false")],
  ["spark.sql.session.timeZone", { defaultValue: hostTimeZone, value: { kind: "timeZone" } }],
  ["spark.sql.shuffle.partitions", int("200", true)],
  ["spark.sql.adaptive.enabled", bool("true")],
  ["spark.sql.adaptive.coalescePartitions.enabled", bool("true")],
  ["spark.sql.crossJoin.enabled", bool("true")],
  ["spark.sql.execution.arrow.maxRecordsPerBatch", int("10000")],
  ["spark.sql.execution.arrow.pyspark.enabled", bool("false")],
  ["spark.sql.execution.arrow.useLargeVarTypes", bool("false")],
  // The engine keeps local data inline up to 64 MiB; the test server is configured lower.
  ["spark.sql.session.localRelationCacheThreshold", int("67108864")],
  ["spark.sql.autoBroadcastJoinThreshold", bytes("10485760b")],
  ["spark.sql.files.maxPartitionBytes", bytes("134217728b")],
  ["spark.sql.repl.eagerEval.enabled", bool("false")],
  ["spark.sql.repl.eagerEval.maxNumRows", int("20")],
  ["spark.sql.repl.eagerEval.truncate", int("20")],
  ["spark.sql.pyspark.jvmStacktrace.enabled", bool("false")],
  ["spark.sql.legacy.timeParserPolicy", oneOf("CORRECTED", "EXCEPTION", "LEGACY", "CORRECTED")],
  ["spark.sql.sources.default", text("parquet")],
  ["spark.sql.sources.partitionOverwriteMode", oneOf("STATIC", "STATIC", "DYNAMIC")],
  ["spark.sql.parquet.compression.codec", text("snappy")],
  ["spark.sql.mapKeyDedupPolicy", oneOf("EXCEPTION", "EXCEPTION", "LAST_WIN")],
  ["spark.sql.storeAssignmentPolicy", oneOf("ANSI", "ANSI", "LEGACY", "STRICT")],
  ["spark.sql.timestampType", oneOf("TIMESTAMP_LTZ", "TIMESTAMP_LTZ", "TIMESTAMP_NTZ")],
  ["spark.sql.decimalOperations.allowPrecisionLoss", bool("true")],
  ["spark.sql.datetime.java8API.enabled", bool("false")],
  ["spark.sql.variable.substitute", bool("true")],
  ["spark.sql.defaultCatalog", text("spark_catalog")],
  ["spark.sql.debug.maxToStringFields", int("25")],
  ["spark.sql.optimizer.excludedRules", text()],
  ["spark.sql.warehouse.dir", fixed()],
  ["spark.sql.catalogImplementation", fixed("in-memory")],
  ["spark.sql.globalTempDatabase", fixed("global_temp")],
  ["spark.sql.extensions", fixed()],
]);

/** Core settings fixed when the application starts; Spark refuses them in a session (CANNOT_MODIFY_CONFIG). */
const CORE_PREFIXES = ["spark.driver.", "spark.executor."];

export function isCoreConfig(key: string): boolean {
  return CORE_PREFIXES.some((prefix) => key.startsWith(prefix));
}

export function defaultOf(entry: SqlConfEntry): string | undefined {
  return typeof entry.defaultValue === "function" ? entry.defaultValue() : entry.defaultValue;
}

function invalidValue(subClass: string, key: string, value: string, detail: string, extra = {}): SparkConnectError {
  return sparkError(
    IllegalArgumentException,
    `INVALID_CONF_VALUE.${subClass}`,
    "22022",
    `The value '${value}' in the config "${key}" is invalid. ${detail}`,
    { confValue: value, confName: `"${key}"`, ...extra },
  );
}

const BYTE_SIZE = /^\s*-?\d+\s*([kmgtp]i?b?|b)?\s*$/i;

/** Raises Spark's INVALID_CONF_VALUE error when `value` does not fit the key's kind. */
export function checkConfValue(key: string, entry: SqlConfEntry, value: string): void {
  const kind = entry.value;
  switch (kind.kind) {
    case "boolean":
      if (!/^(true|false)$/i.test(value.trim())) {
        throw invalidValue("TYPE_MISMATCH", key, value, "It should be a/an 'boolean' value.", {
          confType: "boolean",
        });
      }
      return;
    case "int": {
      const n = Number(value.trim());
      if (!/^[+-]?\d+$/.test(value.trim()) || n > 2147483647 || n < -2147483648) {
        throw invalidValue("TYPE_MISMATCH", key, value, "It should be a/an 'int' value.", { confType: "int" });
      }
      if (kind.positive === true && n <= 0) {
        throw invalidValue("REQUIREMENT", key, value, `The value of ${key} must be positive`, {
          confRequirement: `The value of ${key} must be positive`,
        });
      }
      return;
    }
    case "bytes":
      if (!BYTE_SIZE.test(value)) {
        throw invalidValue("TYPE_MISMATCH", key, value, "It should be a/an 'bytes in BYTE' value.", {
          confType: "bytes in BYTE",
        });
      }
      return;
    case "enum":
      if (!kind.options.includes(value.trim().toUpperCase())) {
        const confOptions = kind.options.join(", ");
        throw invalidValue("OUT_OF_RANGE_OF_OPTIONS", key, value, `It should be one of '${confOptions}'.`, {
          confOptions,
        });
      }
      return;
    case "timeZone":
      if (!isKnownTimeZone(value)) {
        throw invalidValue("TIME_ZONE", key, value, "Cannot resolve the given timezone.");
      }
      return;
    case "string":
      return;
  }
}

/** Region ids and fixed offsets (`+01:00`, `UTC+1`), as Java's ZoneId accepts them. */
function isKnownTimeZone(zone: string): boolean {
  if (/^(?:(?:UTC|GMT|UT)?[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?|Z)$/i.test(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
