/**
 * printSchema's tree as the Spark server writes it (AnalyzePlan TreeString): `root`, then one
 * ` |-- name: type (nullable = b)` line per field, with array elements, map keys/values and struct fields
 * indented one `    |` step per nesting level. (PySpark 4.1.1's client-side `treeString` differs only in
 * printing collated strings as plain `string`.)
 */
import type { StructType } from "./complex-types.js";
import type { SparkDataType } from "./spark-data-type.js";

export function formatTreeString(schema: StructType, level?: number): string {
  const maxDepth = level === undefined || level <= 0 ? Number.POSITIVE_INFINITY : level;
  const lines = ["root"];
  appendStructFields(schema, " |", 1, maxDepth, lines);
  return `${lines.join("\n")}\n`;
}

function appendStructFields(struct: StructType, prefix: string, depth: number, maxDepth: number, lines: string[]) {
  if (depth > maxDepth) return;
  for (const field of struct.fields) {
    lines.push(
      `${prefix}-- ${escapeControlCharacters(field.name)}: ${field.dataType.treeLabel()} (nullable = ${field.nullable})`,
    );
    appendChildren(field.dataType, `${prefix}    |`, depth + 1, maxDepth, lines);
  }
}

function appendChildren(type: SparkDataType, prefix: string, depth: number, maxDepth: number, lines: string[]): void {
  if (depth > maxDepth) return;
  switch (type.kind) {
    case "struct":
      appendStructFields(type, prefix, depth, maxDepth, lines);
      return;
    case "array":
      lines.push(`${prefix}-- element: ${type.elementType.treeLabel()} (containsNull = ${type.containsNull})`);
      appendChildren(type.elementType, `${prefix}    |`, depth + 1, maxDepth, lines);
      return;
    case "map":
      lines.push(`${prefix}-- key: ${type.keyType.treeLabel()}`);
      appendChildren(type.keyType, `${prefix}    |`, depth + 1, maxDepth, lines);
      lines.push(`${prefix}-- value: ${type.valueType.treeLabel()} (valueContainsNull = ${type.valueContainsNull})`);
      appendChildren(type.valueType, `${prefix}    |`, depth + 1, maxDepth, lines);
      return;
    default:
      return;
  }
}

const CONTROL_ESCAPES: Record<string, string> = {
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\f": "\\f",
  "\b": "\\b",
  "\u000b": "\\v",
  "\u0007": "\\a",
};

/** Field names with line breaks or tabs would break the tree, so Spark prints them escaped. */
function escapeControlCharacters(name: string): string {
  return Array.from(name, (c) => CONTROL_ESCAPES[c] ?? c).join("");
}
