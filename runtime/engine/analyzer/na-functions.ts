/**
 * `df.na.drop` and `df.na.fill` as plain filters and projections. As in Spark, NaN counts as missing in
 * float/double columns, and a fill value only applies to columns of a matching kind (numbers to numeric
 * columns, strings to string columns, booleans to boolean columns).
 */
import type { Expression_Literal } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { caseWhen } from "../functions/conditional.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import type { AttributeRef, Expr, Literal, NamedExpr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { literalFromProto } from "./literals.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { implicitCast } from "./type-coercion.js";

function fn(name: string, ...args: Expr[]): Expr {
  const found = lookupScalarFunction(name);
  if (found === undefined) throw new Error(`internal: builtin ${name} is missing`);
  return found.fn.resolve(args, { ansi: true }, name);
}

const int = (value: number): Literal => ({ kind: "literal", value, type: T.INT, nullable: false });

function columnsNamed(analyzer: RelationAnalyzer, child: LogicalPlan, names: readonly string[]): AttributeRef[] {
  const output = outputOf(child);
  if (names.length === 0) return [...output];
  return names.map((name) => {
    const scope = analyzer.exprs.scope(output, [child]);
    return analyzer.exprs.resolve(
      { exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: name } } } as never,
      scope,
    ) as AttributeRef;
  });
}

/** A value is present when it is not NULL and, for float/double, not NaN. */
function present(column: AttributeRef): Expr {
  const notNull = fn("isnotnull", column);
  return T.isFractional(column.type) ? fn("and", notNull, fn("not", fn("isnan", column))) : notNull;
}

export function naDrop(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  names: readonly string[],
  minNonNulls: number | undefined,
): LogicalPlan {
  const columns = columnsNamed(analyzer, child, names);
  const needed = minNonNulls ?? columns.length;
  if (columns.length === 0 || needed <= 0) return child;
  const counted = columns.map((c) => caseWhen([{ when: present(c), result: int(1) }], int(0)) as Expr);
  const total = counted.reduce((sum, next) => fn("add", sum, next));
  return { kind: "filter", child, condition: fn("greater_than_or_equal", total, int(needed)) };
}

function applies(value: Literal, column: AttributeRef): boolean {
  if (T.isNumeric(value.type)) return T.isNumeric(column.type);
  if (T.isString(value.type)) return T.isString(column.type);
  if (value.type.kind.case === "boolean") return column.type.kind.case === "boolean";
  return false;
}

export function naFill(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  names: readonly string[],
  values: readonly Expression_Literal[],
): LogicalPlan {
  const literals = values.map(literalFromProto);
  const targets = columnsNamed(analyzer, child, names);
  const fillFor = new Map<number, Literal>();
  targets.forEach((column, i) => {
    const value = literals.length === 1 ? literals[0] : literals[i];
    if (value !== undefined && value.value !== null && applies(value, column)) fillFor.set(column.exprId, value);
  });
  const exprs: NamedExpr[] = outputOf(child).map((column) => {
    const value = fillFor.get(column.exprId);
    if (value === undefined) return column;
    const fill = implicitCast({ ...value, type: value.type }, column.type);
    // A non-NULL fill value makes the column non-nullable, as in Spark.
    const filled: Expr = T.isFractional(column.type)
      ? { ...caseWhen([{ when: present(column), result: column }], fill), nullable: fill.nullable }
      : fn("coalesce", column, fill);
    return analyzer.exprs.alias(filled, column.name);
  });
  return { kind: "project", child, exprs };
}
