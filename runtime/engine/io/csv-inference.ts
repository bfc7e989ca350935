/**
 * CSV schema inference with Spark's rules: each column starts as "nothing seen" and every non-null cell
 * widens it along int → bigint → decimal (whole numbers only) → double → date → timestamp →
 * boolean → string, trying the current type first; columns that only ever held nulls become string.
 */
import * as T from "../types/data-types.js";
import type { DateTimeFormats } from "./datetime-patterns.js";
import { parseDateWith, parseTimestampWith } from "./datetime-patterns.js";
import { decimalShape, parseBoolean, parseDouble, parseInt32, parseInt64 } from "./text-values.js";

export type CellKind = "null" | "int" | "long" | "decimal" | "double" | "date" | "timestamp" | "boolean" | "string";

export interface InferenceRules {
  readonly prefersDecimal: boolean;
  readonly inferDate: boolean;
  readonly formats: DateTimeFormats;
  /** The formats with a strict `yyyy-MM-dd` date pattern when none was given. */
  readonly strictDateFormats: DateTimeFormats;
}

const INTEGRAL = /^[+-]?\d+$/;

const LADDER: readonly CellKind[] = ["int", "long", "decimal", "double", "date", "timestamp", "boolean", "string"];

function fits(kind: CellKind, text: string, rules: InferenceRules): boolean {
  switch (kind) {
    case "int":
      return parseInt32(text) !== null;
    case "long":
      return parseInt64(text) !== null;
    case "decimal":
      // Spark types only whole numbers past the long range as decimals (`1.5` stays a double, even with
      // prefersDecimal), checked against schema_of_csv on the server.
      return INTEGRAL.test(text) && decimalShape(text) !== null;
    case "double":
      return parseDouble(text) !== null;
    case "date":
      // Inference takes only the full `yyyy-MM-dd` shape (or the dateFormat pattern) as a date.
      return rules.inferDate && parseDateWith(text, rules.strictDateFormats) !== null;
    case "timestamp":
      return parseTimestampWith(text, rules.formats, false) !== null;
    case "boolean":
      return parseBoolean(text) !== null;
    default:
      return true;
  }
}

/** The kind one cell supports, starting the search at the column's current kind. */
export function inferCell(current: CellKind, text: string, rules: InferenceRules): CellKind {
  const start = current === "null" ? 0 : LADDER.indexOf(current);
  for (let k = start; k < LADDER.length; k++) {
    const kind = LADDER[k] as CellKind;
    if (fits(kind, text, rules)) return kind;
  }
  return "string";
}

/** Two inferred kinds merged (for per-split results): numeric kinds widen, date meets timestamp, else string. */
export function mergeKinds(a: CellKind, b: CellKind): CellKind {
  if (a === b || b === "null") return a;
  if (a === "null") return b;
  const numeric: CellKind[] = ["int", "long", "decimal", "double"];
  if (numeric.includes(a) && numeric.includes(b))
    return numeric[Math.max(numeric.indexOf(a), numeric.indexOf(b))] as CellKind;
  if ((a === "date" && b === "timestamp") || (a === "timestamp" && b === "date")) return "timestamp";
  return "string";
}

export function typeOfKind(kind: CellKind, decimal: { precision: number; scale: number }): T.DataType {
  switch (kind) {
    case "int":
      return T.INT;
    case "long":
      return T.LONG;
    case "decimal":
      return T.decimalType(decimal.precision, decimal.scale);
    case "double":
      return T.DOUBLE;
    case "date":
      return T.DATE;
    case "timestamp":
      return T.TIMESTAMP;
    case "boolean":
      return T.BOOLEAN;
    default:
      return T.STRING;
  }
}
