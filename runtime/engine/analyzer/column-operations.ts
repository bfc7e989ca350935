/**
 * DataFrame column bookkeeping as projections: withColumns (replace by name or append), drop (by name or by
 * column reference; unknown names are ignored, as in Spark), toDF (rename all) and withColumnsRenamed.
 */
import type { Expression, Expression_Alias } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import type { NamedExpr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import { withGeneratedColumns } from "./generator-analysis.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { containsWindow, extractWindows } from "./window-analysis.js";

export function withColumns(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  aliases: readonly Expression_Alias[],
): LogicalPlan {
  const generated = withGeneratedColumns(analyzer, child, aliases);
  if (generated !== undefined) return generated;
  const current: NamedExpr[] = [...outputOf(child)];
  const expressions = aliases.map((alias) => {
    if (!alias.expr) throw new AnalysisException("withColumns got an alias without an expression.");
    return alias.expr;
  });
  // Window expressions become Window nodes under the projection (see window-analysis.ts).
  const windowed = containsWindow(expressions) ? extractWindows(analyzer, child, expressions) : undefined;
  const scope = windowed?.scope ?? analyzer.scopeOf(child);
  for (const [i, alias] of aliases.entries()) {
    const name = alias.name.join(".");
    const expression = windowed?.expressions[i] ?? (expressions[i] as Expression);
    const resolved = analyzer.exprs.inSelectList(() => analyzer.exprs.resolve(expression, scope));
    const named = analyzer.exprs.alias(windowed ? windowed.restore(resolved) : resolved, name, alias.metadata);
    const at = current.findIndex((c) => analyzer.sameName(c.name, name));
    if (at >= 0) current[at] = named;
    else current.push(named);
  }
  return { kind: "project", child: windowed?.plan ?? child, exprs: current };
}

export function dropColumns(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  columns: readonly Expression[],
  names: readonly string[],
): LogicalPlan {
  const scope = analyzer.scopeOf(child);
  const dropIds = new Set<number>();
  for (const e of columns) {
    const resolved =
      e.exprType.case === "unresolvedAttribute"
        ? analyzer.tryResolve(() => analyzer.exprs.resolve(e, scope))
        : analyzer.exprs.resolve(e, scope);
    if (resolved?.kind === "attr") dropIds.add(resolved.exprId);
  }
  const kept = outputOf(child).filter(
    (a) => !dropIds.has(a.exprId) && !names.some((n) => analyzer.sameName(n, a.name)),
  );
  return { kind: "project", child, exprs: kept };
}

export function toDF(analyzer: RelationAnalyzer, child: LogicalPlan, names: readonly string[]): LogicalPlan {
  const output = outputOf(child);
  if (names.length !== output.length) {
    throw sparkError(
      AnalysisException,
      "INVALID_COLUMN_NAMES_COUNT",
      "42826",
      `toDF got ${names.length} names for ${output.length} columns.`,
      {
        expected: String(output.length),
        actual: String(names.length),
      },
    );
  }
  return { kind: "project", child, exprs: output.map((a, i) => analyzer.exprs.alias(a, names[i] as string)) };
}

export function renameColumns(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  renames: readonly (readonly [string, string])[],
): LogicalPlan {
  let exprs: NamedExpr[] = [...outputOf(child)];
  for (const [from, to] of renames) {
    exprs = exprs.map((e) =>
      analyzer.sameName(e.name, from) ? analyzer.exprs.alias(e.kind === "alias" ? e.child : e, to) : e,
    );
  }
  return { kind: "project", child, exprs };
}
