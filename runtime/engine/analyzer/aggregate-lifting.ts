/**
 * Aggregates used where the Aggregate node does not list them, as SQL allows: inside window expressions of a
 * grouped select (`rank() OVER (ORDER BY sum(v))`), in HAVING and in ORDER BY after GROUP BY. Each such
 * aggregate call is computed by the Aggregate under a hidden name and read back from there as a column; the
 * hidden columns are projected away again on top.
 */
import { create } from "@bufbuild/protobuf";
import { type Expression, ExpressionSchema } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { displayOf } from "../logical/expression-display.js";
import type { Alias, NamedExpr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf, toAttribute } from "../logical/logical-plan.js";
import { isAggregateFunctionName } from "./expression-analyzer.js";
import type { Scope } from "./name-resolution.js";
import { containsExpression, replaceExpressions } from "./proto-rewrite.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { containsWindow, projectWithWindows } from "./window-analysis.js";

const HIDDEN_PREFIX = "__sparkts_lifted_aggregate_";

const isAggregateCall = (e: Expression): boolean =>
  e.exprType.case === "unresolvedFunction" && isAggregateFunctionName(e.exprType.value.functionName);

export const callsAggregate = (value: unknown): boolean => containsExpression(value, isAggregateCall);

const columnReference = (name: string): Expression =>
  create(ExpressionSchema, { exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: name } } });

/** Collects aggregate calls out of proto expressions, resolving each over the Aggregate's input. */
class AggregateLifter {
  readonly lifted: Alias[] = [];
  /** Whether any column reference was redirected to a grouping column. */
  regrouped = false;

  /**
   * `groupingColumns`: a grouping expression's display → the Aggregate output column holding it, for columns the
   * Aggregate groups by under another name (HAVING k / ORDER BY k when the select list does not show k).
   */
  constructor(
    private readonly analyzer: RelationAnalyzer,
    private readonly inputScope: Scope,
    private readonly outputScope?: Scope,
    private readonly groupingColumns: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** The expression with every aggregate call (outside window functions themselves) read from a hidden column. */
  lift(expression: Expression): Expression {
    return replaceExpressions(expression, (e) => {
      if (e.exprType.case === "window") return this.liftWindow(e);
      if (e.exprType.case === "unresolvedAttribute") return this.regroup(e);
      if (!isAggregateCall(e)) return undefined;
      const name = `${HIDDEN_PREFIX}${this.lifted.length}`;
      this.lifted.push(this.analyzer.exprs.alias(this.analyzer.exprs.resolve(e, this.inputScope, true), name));
      return columnReference(name);
    });
  }

  /** A column the Aggregate's output lacks but groups by under a hidden name: read from that column. */
  private regroup(e: Expression): Expression | undefined {
    if (this.outputScope === undefined || this.groupingColumns.size === 0) return undefined;
    const scope = this.outputScope;
    if (this.analyzer.tryResolve(() => this.analyzer.exprs.resolve(e, scope)) !== undefined) return undefined;
    const resolved = this.analyzer.tryResolve(() => this.analyzer.exprs.resolve(e, this.inputScope));
    const hidden = resolved === undefined ? undefined : this.groupingColumns.get(displayOf(resolved));
    if (hidden === undefined) return undefined;
    this.regrouped = true;
    return columnReference(hidden);
  }

  private liftWindow(e: Expression): Expression | undefined {
    if (e.exprType.case !== "window") return undefined;
    const window = e.exprType.value;
    const fn = window.windowFunction;
    // The window function itself stays; its arguments and the window's specs may hold aggregates.
    const windowFunction =
      fn?.exprType.case === "unresolvedFunction"
        ? create(ExpressionSchema, {
            ...fn,
            exprType: {
              case: "unresolvedFunction",
              value: { ...fn.exprType.value, arguments: fn.exprType.value.arguments.map((a) => this.lift(a)) },
            },
          })
        : fn;
    return create(ExpressionSchema, {
      ...e,
      exprType: {
        case: "window",
        value: {
          ...window,
          windowFunction,
          partitionSpec: window.partitionSpec.map((p) => this.lift(p)),
          orderSpec: window.orderSpec.map((o) => (o.child ? { ...o, child: this.lift(o.child) } : o)),
        },
      },
    });
  }

  /** A column name holding a hidden aggregate, shown as the aggregate itself (Spark's generated names). */
  restoreNames(name: string): string {
    return name.replace(new RegExp(`${HIDDEN_PREFIX}(\\d+)`, "g"), (hidden, index: string) => {
      const alias = this.lifted[Number(index)];
      return alias === undefined ? hidden : displayOf(alias.child);
    });
  }
}

/**
 * A grouped select with window expressions: the Aggregate computes the plain entries and the aggregates the
 * windows read, the windows run over its output, and a projection restores the select list's order.
 */
export function aggregateWithWindows(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  groupings: readonly NamedExpr[],
  expressions: readonly Expression[],
): LogicalPlan {
  const scope = analyzer.scopeOf(child);
  const lifter = new AggregateLifter(analyzer, scope);
  const plain: NamedExpr[][] = expressions.map((e) =>
    containsWindow(e) ? [] : analyzer.exprs.resolveNamed([e], scope, true),
  );
  const windowed = expressions.filter((e) => containsWindow(e)).map((e) => lifter.lift(e));
  const aggregate = analyzer.aggregate(child, groupings, [
    ...groupings.map(toAttribute),
    ...plain.flat(),
    ...lifter.lifted,
  ]);
  const windows = projectWithWindows(analyzer, aggregate, windowed);
  if (windows.kind !== "project") return windows;
  let next = 0;
  // Connect's Aggregate outputs its grouping columns first, then the listed expressions.
  const exprs = groupings.map(toAttribute) as NamedExpr[];
  for (const [i, e] of expressions.entries()) {
    if (!containsWindow(e)) exprs.push(...(plain[i] ?? []).map(toAttribute));
    else {
      const resolved = windows.exprs[next++];
      if (resolved === undefined) continue;
      // An unaliased window is named after its text, which shows the aggregates it reads, not hidden names.
      exprs.push({ ...resolved, name: lifter.restoreNames(resolved.name) });
    }
  }
  return { kind: "project", child: windows.child, exprs };
}

/**
 * HAVING or ORDER BY over an Aggregate that refer to aggregates it does not compute: adds them to the Aggregate
 * (hidden) and rewrites the expressions to read them. Undefined when nothing needs lifting.
 */
export function liftIntoAggregate(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  expressions: readonly Expression[],
): { plan: LogicalPlan; expressions: Expression[]; output: ReturnType<typeof outputOf> } | undefined {
  if (child.kind !== "aggregate") return undefined;
  const hiddenGroupings = new Map<string, string>();
  for (const g of child.groupings) if (g.kind === "alias") hiddenGroupings.set(displayOf(g.child), g.name);
  const lifter = new AggregateLifter(analyzer, analyzer.scopeOf(child.child), analyzer.scopeOf(child), hiddenGroupings);
  const rewritten = expressions.map((e) => lifter.lift(e));
  if (lifter.lifted.length === 0 && !lifter.regrouped) return undefined;
  const plan: LogicalPlan = { ...child, aggregates: [...child.aggregates, ...lifter.lifted] };
  return { plan, expressions: rewritten, output: outputOf(child) };
}
