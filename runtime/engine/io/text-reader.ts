/**
 * Spark's `text` source: one `value` string row per line (\n, \r\n or \r, or the `lineSep` option), or with
 * wholetext one row per file.
 */

import type { FieldSpec } from "../columnar/arrow-io.js";
import { type Batch, columnFromScalars } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import type { SourceOptions } from "./source-options.js";

export const TEXT_FIELDS: readonly FieldSpec[] = [{ name: "value", type: T.STRING, nullable: true }];

export function textToBatch(text: string, options: SourceOptions): Batch {
  if (options.boolean("wholetext", false)) return { columns: [columnFromScalars(T.STRING, [text])], numRows: 1 };
  const separator = options.get("lineSep");
  const lines = separator === undefined ? text.split(/\r\n|\r|\n/) : text.split(separator);
  // A trailing separator ends the last line rather than starting an empty one.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return { columns: [columnFromScalars(T.STRING, lines)], numRows: lines.length };
}
