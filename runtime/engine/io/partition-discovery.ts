/**
 * Partition discovery: `root/k1=v1/k2=v2/part-…` directories become columns appended after the file's own,
 * typed as Spark infers them (int, then bigint, decimal, double, date, timestamp, else string), with conflicting
 * types across directories widened, and `__HIVE_DEFAULT_PARTITION__` read as NULL.
 */
import { AnalysisException } from "../../errors/index.js";
import { type ColumnVector, columnFromScalars, type Scalar } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import type { DataFile } from "./file-listing.js";
import { parseDateDays, parseTimestampMicros } from "./value-parsers.js";

export const DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";

export interface PartitionColumn {
  readonly name: string;
  readonly type: T.DataType;
}

export interface PartitionLayout {
  readonly columns: readonly PartitionColumn[];
  /** Raw (unescaped) directory values per file, in column order; null for the default partition. */
  readonly values: ReadonlyMap<string, readonly (string | null)[]>;
}

type Kind = "int" | "long" | "decimal" | "double" | "date" | "timestamp" | "string" | "null";
const NUMERIC_ORDER: readonly Kind[] = ["int", "long", "decimal", "double"];

function unescapePathName(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function pairsOf(file: DataFile): [string, string][] {
  const relative = file.path
    .slice(file.root.length + 1)
    .split("/")
    .slice(0, -1);
  const pairs: [string, string][] = [];
  for (const segment of relative) {
    const eq = segment.indexOf("=");
    if (eq <= 0) continue;
    pairs.push([unescapePathName(segment.slice(0, eq)), unescapePathName(segment.slice(eq + 1))]);
  }
  return pairs;
}

function inferKind(raw: string | null, timeZone: string): Kind {
  if (raw === null) return "null";
  if (/^[+-]?\d+$/.test(raw)) {
    const value = BigInt(raw);
    if (value >= -(2n ** 31n) && value < 2n ** 31n) return "int";
    if (value >= -(2n ** 63n) && value < 2n ** 63n) return "long";
    return raw.replace(/^[+-]/, "").length <= 38 ? "decimal" : "string";
  }
  if (raw.trim() !== "" && !Number.isNaN(Number(raw)) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) {
    return "double";
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && parseDateDays(raw) !== null) return "date";
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/.test(raw) && parseTimestampMicros(raw, timeZone) !== null) {
    return "timestamp";
  }
  return "string";
}

function widen(a: Kind, b: Kind): Kind {
  if (a === b || b === "null") return a;
  if (a === "null") return b;
  const ia = NUMERIC_ORDER.indexOf(a);
  const ib = NUMERIC_ORDER.indexOf(b);
  if (ia >= 0 && ib >= 0) {
    // Spark widens integral + decimal to decimal, anything with a double to double.
    return NUMERIC_ORDER[Math.max(ia, ib)] as Kind;
  }
  if ((a === "date" && b === "timestamp") || (a === "timestamp" && b === "date")) return "timestamp";
  return "string";
}

function typeOfKind(kind: Kind, values: readonly (string | null)[]): T.DataType {
  switch (kind) {
    case "int":
      return T.INT;
    case "long":
      return T.LONG;
    case "decimal": {
      const digits = Math.max(...values.map((v) => (v === null ? 1 : v.replace(/^[+-]/, "").length)));
      return T.decimalType(Math.max(digits, 1), 0);
    }
    case "double":
      return T.DOUBLE;
    case "date":
      return T.DATE;
    case "timestamp":
      return T.TIMESTAMP;
    default:
      return T.STRING;
  }
}

/** Finds the partition columns of a set of files; throws when directories disagree on the column names. */
export function discoverPartitions(files: readonly DataFile[], timeZone: string, inferTypes = true): PartitionLayout {
  const values = new Map<string, (string | null)[]>();
  let names: string[] | null = null;
  for (const file of files) {
    const pairs = pairsOf(file);
    const fileNames = pairs.map(([k]) => k);
    if (names === null) names = fileNames;
    else if (names.join("\u0000") !== fileNames.join("\u0000")) {
      throw new AnalysisException(
        `Conflicting partition directory layouts: [${names.join(", ")}] and [${fileNames.join(", ")}] (in ${file.path}).`,
      );
    }
    values.set(
      file.path,
      pairs.map(([, v]) => (v === DEFAULT_PARTITION_NAME ? null : v)),
    );
  }
  const columns = (names ?? []).map((name, c) => {
    const column = [...values.values()].map((v) => v[c] ?? null);
    const kind = inferTypes ? column.reduce<Kind>((k, v) => widen(k, inferKind(v, timeZone)), "null") : "string";
    return { name, type: typeOfKind(kind === "null" ? "string" : kind, column) };
  });
  return { columns, values };
}

/** One file's partition values as constant columns of `numRows` rows. */
export function partitionColumnsFor(
  layout: PartitionLayout,
  file: DataFile,
  numRows: number,
  timeZone: string,
): ColumnVector[] {
  const raw = layout.values.get(file.path) ?? [];
  return layout.columns.map((column, c) => {
    const value = partitionScalar(raw[c] ?? null, column.type, timeZone);
    return columnFromScalars(column.type, new Array<Scalar>(numRows).fill(value));
  });
}

function partitionScalar(raw: string | null, type: T.DataType, timeZone: string): Scalar {
  if (raw === null) return null;
  switch (type.kind.case) {
    case "integer":
    case "double":
      return Number(raw);
    case "long":
    case "decimal":
      return BigInt(raw);
    case "date":
      return parseDateDays(raw);
    case "timestamp":
      return parseTimestampMicros(raw, timeZone);
    default:
      return raw;
  }
}
