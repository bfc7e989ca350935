/**
 * The options map of from_csv / to_csv / from_xml and friends: Spark accepts only `map(k1, v1, ...)` of foldable
 * strings and reads it at analysis. The engine reads it once at resolve time and carries it to the kernel as one
 * JSON string literal, so the kernel never evaluates the map per row.
 */
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";

function invalidOptions(subClass: string, text: string, params: Record<string, string> = {}): Error {
  return sparkError(AnalysisException, `INVALID_OPTIONS.${subClass}`, "42K06", `Invalid options: ${text}`, params);
}

/** A literal's value, looking through the implicit casts coercion may have put around it. */
function foldedString(expr: Expr): string | null | undefined {
  if (expr.kind === "literal") return expr.value === null ? null : String(expr.value);
  if (expr.kind === "cast") return foldedString(expr.child);
  return undefined;
}

/** The options as a plain record; an absent options argument is no options. */
export function readOptionsMap(expr: Expr | undefined): Record<string, string> {
  if (expr === undefined) return {};
  if (expr.kind !== "call" || expr.name !== "map") {
    throw invalidOptions("NON_MAP_FUNCTION", "Must use the `map()` function for options.");
  }
  if (expr.type.kind.case === "map") {
    const { keyType, valueType } = expr.type.kind.value;
    const stringOrNull = (t: T.DataType | undefined) => t === undefined || T.isString(t) || T.isNullType(t);
    if (!stringOrNull(keyType) || !stringOrNull(valueType)) {
      throw invalidOptions(
        "NON_STRING_TYPE",
        `A type of keys and values in \`map()\` must be string, but got "${T.sqlTypeName(expr.type).replaceAll('"', "")}".`,
        {
          mapType: T.sqlTypeName(expr.type),
        },
      );
    }
  }
  const options: Record<string, string> = {};
  for (let i = 0; i + 1 < expr.args.length; i += 2) {
    const key = foldedString(expr.args[i] as Expr);
    const value = foldedString(expr.args[i + 1] as Expr);
    if (key === undefined || value === undefined) {
      throw invalidOptions("NON_MAP_FUNCTION", "Must use the `map()` function for options.");
    }
    if (key !== null && value !== null) options[key] = value;
  }
  return options;
}

/** The options as the literal argument a kernel reads back with `optionsOfCall`. */
export function optionsLiteral(options: Record<string, string>): Literal {
  return { kind: "literal", value: JSON.stringify(options), type: T.STRING, nullable: false };
}

/** The options a resolve step stored as argument `index` of the call. */
export function optionsOfCall(args: readonly Expr[], index: number): Record<string, string> {
  const arg = args[index];
  return arg?.kind === "literal" && typeof arg.value === "string"
    ? (JSON.parse(arg.value) as Record<string, string>)
    : {};
}
