/**
 * Query answers from different engines reduced to comparable rows: numbers (decimals, bigints and doubles all
 * as JS numbers), dates as `yyyy-mm-dd`, strings as they are; compared row by row in order with a relative
 * tolerance, since engines sum doubles in different orders and widen decimals differently.
 */
export type Cell = number | string | boolean | null;
export type Rows = Cell[][];

const NUMERIC_CLASSES = new Set(["Decimal", "DuckDBDecimalValue", "DuckDBHugeIntValue"]);
const TEXT_CLASSES = new Set(["DateValue", "DuckDBDateValue", "TimestampValue", "DuckDBTimestampValue"]);

export function normalizeCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  const kind = (value as object).constructor?.name ?? "";
  if (NUMERIC_CLASSES.has(kind)) return Number(String(value));
  if (TEXT_CLASSES.has(kind)) return String(value).slice(0, 10);
  return String(value);
}

function sameCell(a: Cell, b: Cell, tolerance: number): boolean {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return true;
    return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}

/** null when the answers agree, else what differs first. */
export function compareAnswers(expected: Rows, actual: Rows, tolerance = 1e-6): string | null {
  if (expected.length !== actual.length) return `${actual.length} rows instead of ${expected.length}`;
  for (let r = 0; r < expected.length; r++) {
    const e = expected[r] as Cell[];
    const a = actual[r] as Cell[];
    if (e.length !== a.length) return `row ${r} has ${a.length} columns instead of ${e.length}`;
    for (let c = 0; c < e.length; c++) {
      if (!sameCell(e[c] ?? null, a[c] ?? null, tolerance)) {
        return `row ${r} column ${c}: ${JSON.stringify(a[c])} instead of ${JSON.stringify(e[c])}`;
      }
    }
  }
  return null;
}
