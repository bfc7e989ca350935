/**
 * Dotted column names that reach into structs: `st.a` (or `t.st.a.b`) resolves the longest prefix that names a
 * column and reads the remaining parts as struct fields, as Spark's resolver does when no column has the name.
 */
import { SparkConnectError } from "../../errors/index.js";
import { structField } from "../functions/collection-accessors.js";
import type { ResolveContext } from "../functions/function-types.js";
import type { Expr } from "../logical/expressions.js";
import { parseIdentifier, resolveColumn, type Scope } from "./name-resolution.js";

const quote = (part: string) => `\`${part.replaceAll("`", "``")}\``;

export function resolveColumnOrField(
  identifier: string,
  planId: bigint | undefined,
  scope: Scope,
  ctx: ResolveContext,
): Expr {
  try {
    return resolveColumn(identifier, planId, scope);
  } catch (error) {
    const parts = parseIdentifier(identifier);
    if (
      !(error instanceof SparkConnectError) ||
      !error.errorClass?.startsWith("UNRESOLVED_COLUMN") ||
      parts.length < 2
    ) {
      throw error;
    }
    for (let split = parts.length - 1; split >= 1; split--) {
      let column: Expr;
      try {
        column = resolveColumn(parts.slice(0, split).map(quote).join("."), planId, scope);
      } catch {
        continue;
      }
      let expr: Expr = column;
      for (const field of parts.slice(split)) {
        if (expr.type.kind.case !== "struct") throw error;
        expr = structField(expr, field, ctx, true);
      }
      return expr;
    }
    throw error;
  }
}
