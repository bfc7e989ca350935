/**
 * ROLLUP, CUBE and GROUPING SETS as Spark plans them: an Expand emits each input row once per grouping set, with
 * the grouping columns a set leaves out set to NULL and a grouping id saying which set the row belongs to; an
 * ordinary Aggregate then groups by the expanded columns and the id. grouping() and grouping_id() are constants
 * of each set, so the Expand computes them as well.
 */
import { create } from "@bufbuild/protobuf";
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { ExpressionSchema } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { type Aggregate, Aggregate_GroupType } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import { type AttributeRef, type Expr, mapChildren, type NamedExpr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf, toAttribute } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { replaceExpressions } from "./proto-rewrite.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";

const stripAlias = (e: Expr): Expr => (e.kind === "alias" ? e.child : e);

/** Whether `e` is grouping expression `g`: the same column, or (for unaliased expressions) the same text. */
function isGroupingExpr(e: Expr, g: NamedExpr): boolean {
  if (g.kind === "attr") return e.kind === "attr" && e.exprId === g.exprId;
  if (e.kind === "attr") return false;
  const inner = stripAlias(g);
  return inner.kind !== "attr" && displayOf(inner) === displayOf(e) && g.name === displayOf(inner);
}

/** The sets of grouping-expression positions each kind of grouping stands for, in Spark's order. */
function groupingSetsOf(analyzer: RelationAnalyzer, agg: Aggregate, groupings: NamedExpr[], child: LogicalPlan) {
  const n = groupings.length;
  const all = groupings.map((_, i) => i);
  switch (agg.groupType) {
    case Aggregate_GroupType.ROLLUP:
      return all.map((_, k) => all.slice(0, n - k)).concat([[]]);
    case Aggregate_GroupType.CUBE: {
      const sets: number[][] = [];
      for (let mask = (1 << n) - 1; mask >= 0; mask--) sets.push(all.filter((i) => (mask & (1 << (n - 1 - i))) !== 0));
      return sets;
    }
    default: {
      const scope = analyzer.scopeOf(child);
      return agg.groupingSets.map((set) =>
        set.groupingSet.map((e) => {
          const resolved = stripAlias(analyzer.exprs.resolve(e, scope));
          const at = groupings.findIndex((g) =>
            g.kind === "attr" ? isGroupingExpr(resolved, g) : displayOf(stripAlias(g)) === displayOf(resolved),
          );
          if (at >= 0) return at;
          groupings.push(analyzer.exprs.named(resolved));
          return groupings.length - 1;
        }),
      );
    }
  }
}

interface GroupingFunction {
  readonly placeholder: AttributeRef;
  readonly attr: AttributeRef;
  /** The function's value for a row of the grouping set holding these positions. */
  readonly valueFor: (set: ReadonlySet<number>) => number | bigint;
  readonly type: T.DataType;
}

export function analyzeGroupingAnalytics(analyzer: RelationAnalyzer, child: LogicalPlan, agg: Aggregate): LogicalPlan {
  const scope = analyzer.scopeOf(child);
  const groupings: NamedExpr[] = agg.groupingExpressions.map((g) =>
    analyzer.exprs.named(analyzer.exprs.resolve(g, scope)),
  );
  const visible = groupings.length;
  const sets = groupingSetsOf(analyzer, agg, groupings, child);
  const n = groupings.length;
  // grouping(x) and grouping_id(...) become columns of the Expand (constants per set).
  const functions: GroupingFunction[] = [];
  const positionOf = (e: Expression): number => {
    const resolved = analyzer.exprs.resolve(e, scope);
    const at = groupings.findIndex((g) => isGroupingExpr(stripAlias(resolved), g) || isGroupingExpr(resolved, g));
    if (at < 0) {
      throw sparkError(
        AnalysisException,
        "GROUPING_COLUMN_MISMATCH",
        "42803",
        `Column of grouping (${displayOf(resolved)}) can't be found in grouping columns.`,
        { grouping: displayOf(resolved), groupingColumns: groupings.map((g) => displayOf(stripAlias(g))).join(",") },
      );
    }
    return at;
  };
  const aggregates = agg.aggregateExpressions.map((expression) =>
    replaceExpressions(expression, (e) => {
      if (e.exprType.case !== "unresolvedFunction") return undefined;
      const name = e.exprType.value.functionName.toLowerCase();
      if (name !== "grouping" && name !== "grouping_id") return undefined;
      const args = e.exprType.value.arguments;
      let fn: Omit<GroupingFunction, "placeholder" | "attr">;
      let display: string;
      if (name === "grouping") {
        const [arg] = args;
        if (arg === undefined || args.length !== 1) throw new AnalysisException("grouping() takes one column.");
        const at = positionOf(arg);
        display = `grouping(${displayOf(stripAlias(analyzer.exprs.resolve(arg, scope)))})`;
        fn = { type: T.BYTE, valueFor: (set) => (set.has(at) ? 0 : 1) };
      } else {
        const positions = args.length === 0 ? groupings.slice(0, visible).map((_, i) => i) : args.map(positionOf);
        display = `grouping_id(${args.map((a) => displayOf(stripAlias(analyzer.exprs.resolve(a, scope)))).join(", ")})`;
        fn = {
          type: T.LONG,
          valueFor: (set) =>
            positions.reduce((id, p, i) => id | (set.has(p) ? 0n : 1n << BigInt(positions.length - 1 - i)), 0n),
        };
      }
      const attr = analyzer.attribute(display, fn.type, false);
      const placeholder = { ...attr, name: `__grouping_${attr.exprId}` };
      functions.push({ ...fn, attr, placeholder });
      return create(ExpressionSchema, {
        exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: placeholder.name } },
      });
    }),
  );
  const childOutput = outputOf(child);
  const expanded = groupings.map((g) => ({ ...analyzer.attribute(g.name, g.type, true), qualifier: [] }));
  const groupingId = analyzer.attribute("spark_grouping_id", T.LONG, false);
  const projections = sets.map((positions) => {
    const set = new Set(positions);
    const id = groupings.reduce((acc, _, i) => acc | (set.has(i) ? 0n : 1n << BigInt(n - 1 - i)), 0n);
    return [
      ...childOutput,
      ...groupings.map(
        (g, i): Expr => (set.has(i) ? stripAlias(g) : { kind: "literal", value: null, type: g.type, nullable: true }),
      ),
      { kind: "literal", value: id, type: T.LONG, nullable: false } as Expr,
      ...functions.map((f): Expr => {
        const value = f.valueFor(set);
        return { kind: "literal", value: f.type === T.BYTE ? Number(value) : value, type: f.type, nullable: false };
      }),
    ];
  });
  const expand: LogicalPlan = {
    kind: "expand",
    child,
    projections,
    output: [...childOutput, ...expanded, groupingId, ...functions.map((f) => f.attr)],
  };
  const resolveScope = analyzer.exprs.scope([...childOutput, ...functions.map((f) => f.placeholder)], [child]);
  const real = new Map(functions.map((f) => [f.attr.exprId, f.attr]));
  // Outside aggregate functions, a grouping expression reads the expanded (possibly NULL) column.
  const toExpanded = (e: Expr): Expr => {
    if (e.kind === "aggregate") return e;
    if (e.kind === "attr" && real.has(e.exprId)) return real.get(e.exprId) as Expr;
    const at = groupings.findIndex((g) => isGroupingExpr(e, g));
    if (at >= 0) return expanded[at] as Expr;
    return mapChildren(e, toExpanded);
  };
  const resolved = analyzer.exprs
    .resolveNamed(aggregates, resolveScope, true)
    .map(
      (named): NamedExpr =>
        named.kind === "alias" ? { ...named, child: toExpanded(named.child) } : (toExpanded(named) as NamedExpr),
    );
  const groupingKeys: NamedExpr[] = [...expanded, groupingId, ...functions.map((f) => f.attr)];
  return analyzer.aggregate(expand, groupingKeys, [...expanded.slice(0, visible).map(toAttribute), ...resolved]);
}
