/**
 * Joins: renaming the right side when both sides share attribute ids (self-joins), using-column joins (keys
 * once, first; FULL OUTER keys coalesced), and the nullability each join type gives its outputs.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { unresolvedColumn } from "../errors.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import type { AttributeRef, Expr, NamedExpr } from "../logical/expressions.js";
import { type JoinType, type LogicalPlan, outputOf, toAttribute } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";

function callFunction(name: string, args: readonly Expr[], ansi: boolean): Expr {
  const found = lookupScalarFunction(name);
  if (!found) throw new Error(`internal: builtin ${name} is missing`);
  return found.fn.resolve(args, { ansi }, name);
}

/** Gives the right side fresh attribute ids when they collide with the left's (a DataFrame joined with itself). */
function deduplicateRight(analyzer: RelationAnalyzer, left: LogicalPlan, right: LogicalPlan): LogicalPlan {
  const leftIds = new Set(outputOf(left).map((a) => a.exprId));
  const output = outputOf(right);
  if (!output.some((a) => leftIds.has(a.exprId))) return right;
  const exprs: NamedExpr[] = output.map((a) => (leftIds.has(a.exprId) ? analyzer.exprs.alias(a, a.name) : a));
  const project: LogicalPlan = { kind: "project", child: right, exprs };
  // Keep the qualifiers (`b.id` after `df.alias("b")`) on the renamed columns.
  const renamed = exprs.map((e, i) => ({ ...toAttribute(e), qualifier: output[i]?.qualifier ?? [] }));
  return { kind: "subqueryAlias", child: project, alias: "", output: renamed, planId: right.planId };
}

export function joinOutput(joinType: JoinType, left: LogicalPlan, right: LogicalPlan): AttributeRef[] {
  const nullable = (attrs: readonly AttributeRef[], yes: boolean) =>
    attrs.map((a) => (yes ? { ...a, nullable: true } : a));
  if (joinType === "left_semi" || joinType === "left_anti") return [...outputOf(left)];
  return [
    ...nullable(outputOf(left), joinType === "right_outer" || joinType === "full_outer"),
    ...nullable(outputOf(right), joinType === "left_outer" || joinType === "full_outer"),
  ];
}

export function analyzeJoin(
  analyzer: RelationAnalyzer,
  left: LogicalPlan,
  rawRight: LogicalPlan,
  requested: JoinType,
  conditionProto: Expression | undefined,
  usingColumns: readonly string[],
): LogicalPlan {
  const right = deduplicateRight(analyzer, left, rawRight);
  const ansi = analyzer.options.ansi;
  if (usingColumns.length > 0) {
    const find = (plan: LogicalPlan, name: string, side: string): AttributeRef => {
      const found = outputOf(plan).find((a) => analyzer.sameName(a.name, name));
      if (!found) {
        throw (
          unresolvedColumn(
            name,
            outputOf(plan).map((a) => a.name),
          ) ?? new AnalysisException(`${side} side lacks ${name}`)
        );
      }
      return found;
    };
    const pairs = usingColumns.map((name) => [find(left, name, "left"), find(right, name, "right")] as const);
    const condition = pairs
      .map(([l, r]) => callFunction("equal", [l, r], ansi))
      .reduce((acc, next) => callFunction("and", [acc, next], ansi));
    const joinType = requested === "cross" ? "inner" : requested;
    const join: LogicalPlan = {
      kind: "join",
      left,
      right,
      joinType,
      condition,
      output: joinOutput(joinType, left, right),
    };
    const joined = new Map(join.output.map((a) => [a.exprId, a]));
    const current = (a: AttributeRef): AttributeRef => joined.get(a.exprId) ?? a;
    const keyIds = new Set(pairs.flatMap(([l, r]) => [l.exprId, r.exprId]));
    const keys: NamedExpr[] = pairs.map(([l, r]) => {
      if (joinType === "right_outer") return current(r);
      if (joinType === "full_outer") {
        const merged = callFunction("coalesce", [current(l), current(r)], ansi);
        return analyzer.exprs.alias(merged, l.name);
      }
      return current(l);
    });
    const rest =
      joinType === "left_semi" || joinType === "left_anti"
        ? outputOf(left).filter((a) => !keyIds.has(a.exprId))
        : join.output.filter((a) => !keyIds.has(a.exprId));
    return { kind: "project", child: join, exprs: [...keys, ...rest] };
  }
  const condition =
    conditionProto === undefined
      ? null
      : analyzer.exprs.resolve(
          conditionProto,
          analyzer.exprs.scope([...outputOf(left), ...outputOf(right)], [left, right]),
        );
  if (condition !== null && condition.type.kind.case !== "boolean") {
    throw new AnalysisException(`The join condition has type ${T.simpleString(condition.type)}, not boolean.`, {
      errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
      sqlState: "42K09",
    });
  }
  const joinType = requested === "inner" && condition === null ? "cross" : requested;
  return { kind: "join", left, right, joinType, condition, output: joinOutput(joinType, left, right) };
}
