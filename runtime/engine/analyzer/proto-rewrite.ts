/**
 * Finding and replacing sub-expressions of proto Expressions before they are resolved: window expressions and
 * grouping()/grouping_id() calls are lifted out this way and read back as columns of the plan below.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";

const EXPRESSION_TYPE = "spark.connect.Expression";

const isExpression = (value: unknown): value is Expression =>
  typeof value === "object" && value !== null && (value as { $typeName?: string }).$typeName === EXPRESSION_TYPE;

/** Whether any expression in `value` (however deep) satisfies `test`. */
export function containsExpression(value: unknown, test: (e: Expression) => boolean): boolean {
  if (isExpression(value) && test(value)) return true;
  if (Array.isArray(value)) return value.some((v) => containsExpression(v, test));
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return false;
  return Object.values(value).some((v) => containsExpression(v, test));
}

/** A copy of `value` where each expression `replace` maps to something else is swapped (outermost first). */
export function replaceExpressions<T>(value: T, replace: (e: Expression) => Expression | undefined): T {
  const walk = (v: unknown): unknown => {
    if (isExpression(v)) {
      const replaced = replace(v);
      if (replaced !== undefined) return replaced;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== "object" || v === null || ArrayBuffer.isView(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    return out;
  };
  return walk(value) as T;
}

/** Whether an expression calls one of the named functions (lower case), however deep. */
export const callsFunction = (value: unknown, names: ReadonlySet<string>): boolean =>
  containsExpression(
    value,
    (e) => e.exprType.case === "unresolvedFunction" && names.has(e.exprType.value.functionName.toLowerCase()),
  );
