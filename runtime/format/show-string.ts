/**
 * The text of `DataFrame.show()`, laid out exactly as Spark's `Dataset.showString(numRows, truncate, vertical)`:
 * a `+---+` bordered table (cells right-aligned when truncating, left-aligned otherwise) or one `-RECORD n`
 * block per row, long values (never column names) cut to `truncate` characters ending in `...`, and a closing
 * `only showing top N rows` when rows were left out. The embedded engine answers the ShowString relation with it.
 */
import type { Row } from "../arrow/row.js";
import type { StructType } from "../types/index.js";
import { type CellFormatOptions, formatCell } from "./cell-format.js";
import { displayWidth, padEndWidth, padStartWidth } from "./display-width.js";

export interface ShowStringOptions extends CellFormatOptions {
  /** Rows to show (Spark's default is 20). */
  readonly numRows: number;
  /** Cut cells longer than this many characters; 0 shows them whole. PySpark's `truncate=True` is 20. */
  readonly truncate: number;
  readonly vertical: boolean;
}

const MINIMUM_COLUMN_WIDTH = 3;

/** Spark's cell cut: keep `truncate - 3` characters and add `...`, or a bare prefix below 4 characters. */
function cut(text: string, truncate: number): string {
  if (truncate <= 0 || text.length <= truncate) return text;
  return truncate < 4 ? text.slice(0, truncate) : `${text.slice(0, truncate - 3)}...`;
}

/**
 * `rows` may hold more than `numRows` rows (pass `numRows + 1` to let it know more exist); only the first
 * `numRows` are shown.
 */
export function showString(rows: readonly Row[], schema: StructType, options: ShowStringOptions): string {
  const numRows = Math.max(0, options.numRows);
  const shown = rows.slice(0, numRows);
  const hasMore = rows.length > numRows;
  // Spark cuts values only: column names are always shown whole.
  const header = schema.fields.map((field) => field.name);
  const cells = shown.map((row) =>
    schema.fields.map((field, i) => cut(formatCell(row.values[i], field.dataType, options), options.truncate)),
  );
  let text = options.vertical ? verticalLayout(header, cells) : tableLayout(header, cells, options.truncate > 0);
  // Spark ends this last line without a newline (the table itself ends with one).
  if (hasMore) text += `only showing top ${numRows} ${numRows === 1 ? "row" : "rows"}`;
  return text;
}

function tableLayout(header: readonly string[], cells: readonly string[][], rightAlign: boolean): string {
  const widths = header.map((name, i) =>
    Math.max(MINIMUM_COLUMN_WIDTH, displayWidth(name), ...cells.map((row) => displayWidth(row[i] ?? ""))),
  );
  const border = `+${widths.map((w) => "-".repeat(w)).join("+")}+\n`;
  const line = (values: readonly string[]) =>
    `|${values.map((v, i) => (rightAlign ? padStartWidth(v, widths[i] ?? 0) : padEndWidth(v, widths[i] ?? 0))).join("|")}|\n`;
  return border + line(header) + border + cells.map(line).join("") + border;
}

function verticalLayout(header: readonly string[], cells: readonly string[][]): string {
  if (cells.length === 0) return "(0 rows)\n";
  const nameWidth = Math.max(MINIMUM_COLUMN_WIDTH, ...header.map(displayWidth));
  const valueWidth = Math.max(MINIMUM_COLUMN_WIDTH, ...cells.flatMap((row) => row.map(displayWidth)));
  return cells
    .map((row, index) => {
      const title = padEndWidth(`-RECORD ${index}`, nameWidth + valueWidth + 5, "-");
      const lines = row.map(
        (value, i) => ` ${padEndWidth(header[i] ?? "", nameWidth)} | ${padEndWidth(value, valueWidth)} `,
      );
      return `${title}\n${lines.join("\n")}\n`;
    })
    .join("");
}
