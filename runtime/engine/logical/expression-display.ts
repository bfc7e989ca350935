/**
 * Spark's "pretty" SQL form of an expression, which becomes the column name when the user gives no alias:
 * `(id + 1)`, `upper(name)`, `CAST(x AS STRING)`, `count(1)`. Implicit casts never show up in it.
 */
import type { Scalar } from "../columnar/column-vector.js";
import { formatDecimal } from "../functions/cast-kernel.js";
import { formatDate, formatTimestamp } from "../functions/datetime-format.js";
import { type DataType, decimalParts, simpleString } from "../types/data-types.js";
import { intervalLiteralSql } from "../types/interval-text.js";
import type { Expr } from "./expressions.js";

export function displayOf(expr: Expr): string {
  switch (expr.kind) {
    case "attr":
    case "input":
    case "alias":
      return expr.name;
    case "literal":
      return literalDisplay(expr.value, expr.type);
    case "cast":
      if (expr.implicit) return displayOf(expr.child);
      return `${expr.mode === "try" ? "TRY_CAST" : "CAST"}(${displayOf(expr.child)} AS ${simpleString(expr.type).toUpperCase()})`;
    case "call":
    case "aggregate":
      return expr.display;
    case "caseWhen": {
      const branches = expr.branches.map((b) => ` WHEN ${displayOf(b.when)} THEN ${displayOf(b.result)}`).join("");
      const otherwise = expr.otherwise ? ` ELSE ${displayOf(expr.otherwise)}` : "";
      return `CASE${branches}${otherwise} END`;
    }
    // Spark shows every lambda variable the same way, whatever its name.
    case "lambdaVar":
      return "namedlambdavariable()";
    case "lambda":
      return `lambdafunction(${[expr.body, ...expr.params].map(displayOf).join(", ")})`;
  }
}

export function literalDisplay(value: Scalar, type: DataType): string {
  if (value === null) return "NULL";
  switch (type.kind.case) {
    case "double":
    case "float":
      return javaDoubleString(value as number);
    case "date":
      return `DATE '${formatDate(value as number)}'`;
    case "timestamp":
      return `TIMESTAMP '${formatTimestamp(value as bigint, "UTC")}'`;
    case "timestampNtz":
      return `TIMESTAMP_NTZ '${formatTimestamp(value as bigint, "UTC")}'`;
    case "decimal":
      return typeof value === "bigint" ? formatDecimal(value, decimalParts(type).scale) : String(value);
    case "yearMonthInterval":
    case "dayTimeInterval":
    case "calendarInterval":
      return intervalLiteralSql(value, type);
    case "binary":
      return `X'${Buffer.from(value as Uint8Array)
        .toString("hex")
        .toUpperCase()}'`;
    default:
      return String(value);
  }
}

/** Java's `Double.toString`, which Spark uses to print doubles: `1.0`, `0.001`, `1.0E7`, `1.0E-4`, `NaN`. */
export function javaDoubleString(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes(".") ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split("e") as [string, string];
  const digits = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
  return `${digits}E${exponent.startsWith("+") ? exponent.slice(1) : exponent}`;
}
