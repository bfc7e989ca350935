/**
 * df.na.replace / df.replace (NAReplace) as Spark does it: the kind of the first old value picks the columns
 * touched (numbers: every numeric column, compared as doubles; strings: string columns; booleans: boolean
 * columns), restricted to the named columns if any; each such column becomes
 * `CASE WHEN c = old1 THEN CAST(new1 AS type(c)) ... ELSE c END` under its own name. Others pass unchanged.
 */
import type { Expression_Literal } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { NAReplace_Replacement } from "../../../generated/proto/spark/connect/relations_pb.js";
import { InvalidPlanInput } from "../../errors/index.js";
import { caseWhen } from "../functions/conditional.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import type { AttributeRef, Expr, Literal, NamedExpr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { literalFromProto } from "./literals.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { implicitCast } from "./type-coercion.js";

type Kind = "number" | "string" | "boolean";

function call(name: string, ...args: Expr[]): Expr {
  const found = lookupScalarFunction(name);
  if (found === undefined) throw new Error(`internal: builtin ${name} is missing`);
  return found.fn.resolve(args, { ansi: true }, name);
}

/** Spark Connect accepts only NULL, boolean, double and string literals as replacement values. */
function kindOf(literal: Expression_Literal | undefined): Kind | "null" {
  const value = literal?.literalType;
  switch (value?.case) {
    case undefined:
    case "null":
      return "null";
    case "boolean":
      return "boolean";
    case "double":
      return "number";
    case "string":
      return "string";
    default:
      throw new InvalidPlanInput(`Unsupported literal type in na.replace: ${value?.case}`);
  }
}

function touches(kind: Kind, type: T.DataType): boolean {
  if (kind === "number") return T.isNumeric(type);
  if (kind === "string") return T.isString(type);
  return type.kind.case === "boolean";
}

export function naReplace(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  names: readonly string[],
  replacements: readonly NAReplace_Replacement[],
): LogicalPlan {
  const output = outputOf(child);
  const scope = analyzer.exprs.scope(output, [child]);
  const chosen = names.map(
    (name) =>
      analyzer.exprs.resolve(
        { exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: name } } } as never,
        scope,
      ) as AttributeRef,
  );
  const pairs = replacements.map((r) => {
    kindOf(r.newValue);
    return { from: r.oldValue, to: r.newValue };
  });
  const first = kindOf(pairs[0]?.from);
  if (pairs.length === 0 || first === "null") return child;
  const targets = names.length === 0 ? output : chosen;
  const replaced = new Set(targets.filter((c) => touches(first, c.type)).map((c) => c.exprId));
  const exprs: NamedExpr[] = output.map((column) => {
    if (!replaced.has(column.exprId)) return column;
    const key: Expr = first === "number" ? implicitCast(column, T.DOUBLE) : column;
    const branches = pairs.map(({ from, to }) => {
      const old = literalFromProto(from as Expression_Literal);
      const fresh: Literal =
        to === undefined ? { kind: "literal", value: null, type: T.NULL, nullable: true } : literalFromProto(to);
      return { when: call("==", key, implicitCast(old, key.type)), result: implicitCast(fresh, column.type) };
    });
    return analyzer.exprs.alias(caseWhen(branches, column), column.name);
  });
  return { kind: "project", child, exprs };
}
