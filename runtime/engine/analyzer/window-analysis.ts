/**
 * Window expressions (`f(...) OVER (PARTITION BY .. ORDER BY .. frame)`) in a select list or withColumns.
 * Each one is resolved into a Window plan node below the projection, which then reads its result as a column:
 * windows with the same PARTITION BY / ORDER BY share a node, and nodes stack in order of first use.
 */
import { create } from "@bufbuild/protobuf";
import {
  type Expression,
  Expression_SortOrder_NullOrdering,
  Expression_SortOrder_SortDirection,
  type Expression_Window,
  type Expression_Window_WindowFrame_FrameBoundary,
  Expression_Window_WindowFrame_FrameType,
  ExpressionSchema,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { AttributeRef, Expr, Literal, NamedExpr, SortKey } from "../logical/expressions.js";
import { transformUp } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import type { FrameBound, WindowColumn, WindowFrame, WindowFunction } from "../logical/window-functions.js";
import * as T from "../types/data-types.js";
import type { Scope } from "./name-resolution.js";
import { containsExpression, replaceExpressions } from "./proto-rewrite.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { implicitCast } from "./type-coercion.js";

/** Whether any of the expressions holds a window expression, however deep. */
export const containsWindow = (value: unknown): boolean =>
  containsExpression(value, (e) => e.exprType.case === "window");

/** The plan with Window nodes under a projection, and how to resolve the projection's expressions over it. */
export interface WindowedInput {
  readonly plan: LogicalPlan;
  /** The expressions with each window replaced by a reference to its result column. */
  readonly expressions: Expression[];
  /** Scope for those expressions: the child's columns and the window results. */
  readonly scope: Scope;
  /** Scope without the window results (where `*` expands). */
  readonly childScope: Scope;
  /** Gives window result references their display names back. */
  restore<E extends Expr>(expr: E): E;
}

interface ResolvedWindow {
  readonly column: WindowColumn;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortKey[];
}

export function extractWindows(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  expressions: readonly Expression[],
): WindowedInput {
  const childScope = analyzer.scopeOf(child);
  const windows: ResolvedWindow[] = [];
  const placeholders: AttributeRef[] = [];
  const rewritten = expressions.map((expression) => {
    return replaceExpressions(expression, (e) => {
      if (e.exprType.case !== "window") return undefined;
      const resolved = resolveWindow(analyzer, e.exprType.value, childScope);
      windows.push(resolved);
      const name = `__window_${resolved.column.attr.exprId}`;
      placeholders.push({ ...resolved.column.attr, name });
      return create(ExpressionSchema, {
        exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: name } },
      });
    });
  });
  let plan = child;
  const groups = new Map<string, ResolvedWindow[]>();
  for (const w of windows) {
    const key = JSON.stringify([w.partitionBy, w.orderBy], (_, v) => (typeof v === "bigint" ? `${v}n` : v));
    const group = groups.get(key) ?? [];
    group.push(w);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const [first] = group as [ResolvedWindow];
    plan = {
      kind: "window",
      child: plan,
      partitionBy: first.partitionBy,
      orderBy: first.orderBy,
      columns: group.map((w) => w.column),
    };
  }
  const real = new Map(windows.map((w) => [w.column.attr.exprId, w.column.attr]));
  return {
    plan,
    expressions: rewritten,
    scope: analyzer.exprs.scope([...outputOf(child), ...placeholders], [child]),
    childScope,
    restore: <E extends Expr>(expr: E): E =>
      transformUp(expr, (e) => (e.kind === "attr" && real.has(e.exprId) ? (real.get(e.exprId) as Expr) : e)) as E,
  };
}

/** A select list over `child` holding window expressions: Window nodes, then the projection. */
export function projectWithWindows(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  expressions: readonly Expression[],
): LogicalPlan {
  const windowed = extractWindows(analyzer, child, expressions);
  const exprs: NamedExpr[] = windowed.expressions.flatMap((e) =>
    analyzer.exprs
      .resolveNamed([e], e.exprType.case === "unresolvedStar" ? windowed.childScope : windowed.scope)
      .map((named) => windowed.restore(named)),
  );
  return { kind: "project", child: windowed.plan, exprs };
}

const RANKING_DISPLAY: Record<string, string> = {
  row_number: "row_number()",
  rank: "RANK()",
  dense_rank: "DENSE_RANK()",
  percent_rank: "PERCENT_RANK()",
  cume_dist: "cume_dist()",
};

const ROWS_TO_CURRENT: WindowFrame = {
  type: "rows",
  lower: { kind: "unbounded" },
  upper: { kind: "current" },
};

function literalValue(analyzer: RelationAnalyzer, e: Expression | undefined, scope: Scope): Literal | undefined {
  if (e === undefined) return undefined;
  const resolved = analyzer.exprs.resolve(e, scope);
  if (resolved.kind !== "literal") {
    throw sparkError(
      AnalysisException,
      "NON_FOLDABLE_ARGUMENT",
      "42K08",
      "A window function option must be a literal.",
    );
  }
  return resolved;
}

const asNumber = (l: Literal | undefined, fallback: number): number =>
  l === undefined || l.value === null ? fallback : Number(l.value);

function resolveWindow(analyzer: RelationAnalyzer, w: Expression_Window, scope: Scope): ResolvedWindow {
  const fnExpr = w.windowFunction;
  if (fnExpr === undefined) throw new AnalysisException("A window expression without a function.");
  const partitionBy = w.partitionSpec.map((p) => analyzer.exprs.resolve(p, scope));
  const orderBy: SortKey[] = w.orderSpec.map((o) => {
    if (!o.child) throw new AnalysisException("A sort order without an expression.");
    return {
      expr: analyzer.exprs.resolve(o.child, scope),
      ascending: o.direction !== Expression_SortOrder_SortDirection.DESCENDING,
      nullsFirst:
        o.nullOrdering === Expression_SortOrder_NullOrdering.SORT_NULLS_FIRST ||
        (o.nullOrdering === Expression_SortOrder_NullOrdering.SORT_NULLS_UNSPECIFIED &&
          o.direction !== Expression_SortOrder_SortDirection.DESCENDING),
    };
  });
  const userFrame = frameOf(analyzer, w, scope, orderBy.length > 0);
  const { fn, frame, display, type, nullable } = windowFunction(analyzer, fnExpr, scope, userFrame, orderBy);
  checkRangeFrame(frame, orderBy);
  const name = `${display} OVER (${specDisplay(partitionBy, orderBy, frame)})`;
  const attr = analyzer.attribute(name, type, nullable);
  return { column: { attr, fn, frame }, partitionBy, orderBy };
}

function frameOf(analyzer: RelationAnalyzer, w: Expression_Window, scope: Scope, ordered: boolean): WindowFrame {
  const spec = w.frameSpec;
  if (spec === undefined || spec.frameType === Expression_Window_WindowFrame_FrameType.UNDEFINED) {
    return ordered
      ? { type: "range", lower: { kind: "unbounded" }, upper: { kind: "current" } }
      : { type: "rows", lower: { kind: "unbounded" }, upper: { kind: "unbounded" } };
  }
  const bound = (b: Expression_Window_WindowFrame_FrameBoundary | undefined): FrameBound => {
    const boundary = b?.boundary;
    if (boundary === undefined || boundary.case === undefined || boundary.case === "currentRow")
      return { kind: "current" };
    if (boundary.case === "unbounded") return { kind: "unbounded" };
    const e = boundary.value.exprType;
    if (e.case === "unresolvedFunction" && e.value.functionName === "negative" && e.value.arguments.length === 1) {
      const value = -asNumber(literalValue(analyzer, e.value.arguments[0], scope), 0);
      return { kind: "offset", value, preceding: true };
    }
    return { kind: "offset", value: asNumber(literalValue(analyzer, boundary.value, scope), 0) };
  };
  const type = spec.frameType === Expression_Window_WindowFrame_FrameType.RANGE ? "range" : "rows";
  return { type, lower: bound(spec.lower), upper: bound(spec.upper) };
}

interface FunctionParts {
  readonly fn: WindowFunction;
  readonly frame: WindowFrame;
  readonly display: string;
  readonly type: T.DataType;
  readonly nullable: boolean;
}

function windowFunction(
  analyzer: RelationAnalyzer,
  fnExpr: Expression,
  scope: Scope,
  userFrame: WindowFrame,
  orderBy: readonly SortKey[],
): FunctionParts {
  const call = fnExpr.exprType.case === "unresolvedFunction" ? fnExpr.exprType.value : undefined;
  const name = call?.functionName.toLowerCase() ?? "";
  const args = call?.arguments ?? [];
  const needsOrder = (): void => {
    if (orderBy.length > 0) return;
    // Spark still raises this one under a legacy error class, without a SQL state.
    const wf = `${name}()`;
    throw new AnalysisException(`Window function ${wf} requires window to be ordered, please add ORDER BY clause.`, {
      errorClass: "_LEGACY_ERROR_TEMP_1037",
      messageParameters: { wf },
    });
  };

  const ranking = RANKING_DISPLAY[name];
  if (ranking !== undefined) {
    needsOrder();
    const frame: WindowFrame = name === "cume_dist" ? { ...ROWS_TO_CURRENT, type: "range" } : ROWS_TO_CURRENT;
    const isFraction = name === "percent_rank" || name === "cume_dist";
    return {
      fn: { kind: "ranking", name: name as "rank" },
      frame,
      display: ranking,
      type: isFraction ? T.DOUBLE : T.INT,
      nullable: false,
    };
  }
  if (name === "ntile") {
    needsOrder();
    const buckets = literalValue(analyzer, args[0], scope);
    const n = asNumber(buckets, 1);
    if (!Number.isInteger(n) || n <= 0) {
      throw sparkError(
        AnalysisException,
        "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
        "42K09",
        `ntile needs a positive number of buckets, got ${n}.`,
      );
    }
    const shown = buckets === undefined ? "1" : displayOf(buckets);
    return {
      fn: { kind: "ntile", buckets: n },
      frame: ROWS_TO_CURRENT,
      display: `ntile(${shown})`,
      type: T.INT,
      nullable: false,
    };
  }
  if (name === "lag" || name === "lead") {
    needsOrder();
    const [inputArg, offsetArg, defaultArg, ignoreArg] = args;
    if (inputArg === undefined) throw new AnalysisException(`${name} needs an input column.`);
    const input = analyzer.exprs.resolve(inputArg, scope);
    const given = asNumber(literalValue(analyzer, offsetArg, scope), 1);
    const rawDefault = defaultArg === undefined ? undefined : analyzer.exprs.resolve(defaultArg, scope);
    const fallback: Expr =
      rawDefault === undefined || T.isNullType(rawDefault.type)
        ? { kind: "literal", value: null, type: input.type, nullable: true }
        : T.sameType(rawDefault.type, input.type)
          ? rawDefault
          : implicitCast(rawDefault, input.type);
    const ignoreNulls = literalValue(analyzer, ignoreArg, scope)?.value === true;
    const offset = name === "lag" ? -given : given;
    const shownDefault = rawDefault === undefined ? "NULL" : displayOf(rawDefault);
    return {
      fn: { kind: "offset", input, offset, fallback, ignoreNulls },
      frame: { type: "rows", lower: { kind: "offset", value: offset }, upper: { kind: "offset", value: offset } },
      display: `${name}(${displayOf(input)}, ${given}, ${shownDefault})${ignoreNulls ? " IGNORE NULLS" : ""}`,
      type: input.type,
      nullable: true,
    };
  }
  if (name === "nth_value") {
    const [inputArg, nArg, ignoreArg] = args;
    if (inputArg === undefined) throw new AnalysisException("nth_value needs an input column.");
    const input = analyzer.exprs.resolve(inputArg, scope);
    const n = asNumber(literalValue(analyzer, nArg, scope), 1);
    if (!Number.isInteger(n) || n <= 0) {
      throw sparkError(
        AnalysisException,
        "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
        "42K09",
        `nth_value needs a positive offset, got ${n}.`,
      );
    }
    const ignoreNulls = literalValue(analyzer, ignoreArg, scope)?.value === true;
    return {
      fn: { kind: "nthValue", input, n, ignoreNulls },
      frame: userFrame,
      display: `nth_value(${displayOf(input)}, ${n})${ignoreNulls ? " ignore nulls" : ""}`,
      type: input.type,
      nullable: true,
    };
  }
  if (name === "first" || name === "last" || name === "first_value" || name === "last_value") {
    const [inputArg, ignoreArg] = args;
    if (inputArg === undefined) throw new AnalysisException(`${name} needs an input column.`);
    const input = analyzer.exprs.resolve(inputArg, scope);
    const ignoreNulls = literalValue(analyzer, ignoreArg, scope)?.value === true;
    const isLast = name.startsWith("last");
    return {
      fn: { kind: "nthValue", input, n: isLast ? 0 : 1, ignoreNulls },
      frame: userFrame,
      display: `${name}(${displayOf(input)})`,
      type: input.type,
      nullable: true,
    };
  }
  const resolved = analyzer.exprs.resolve(fnExpr, scope, true);
  if (resolved.kind !== "aggregate") {
    throw sparkError(
      AnalysisException,
      "UNSUPPORTED_EXPR_FOR_WINDOW",
      "42P20",
      `${displayOf(resolved)} is not a window function or an aggregate.`,
      { sqlExpr: `"${displayOf(resolved)}"` },
    );
  }
  return {
    fn: { kind: "aggregate", call: resolved },
    frame: userFrame,
    display: resolved.display,
    type: resolved.type,
    nullable: resolved.nullable,
  };
}

function boundDisplay(bound: FrameBound, isLower: boolean): string {
  switch (bound.kind) {
    case "unbounded":
      return isLower ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING";
    case "current":
      return "CURRENT ROW";
    case "offset":
      // Spark prints a client-made offset as `<n> FOLLOWING`, the sign included (`-1 FOLLOWING` is one before).
      return bound.preceding ? `${-bound.value} PRECEDING` : `${bound.value} FOLLOWING`;
  }
}

/** Spark's text for a window specification, as it appears in the column name. */
function specDisplay(partitionBy: readonly Expr[], orderBy: readonly SortKey[], frame: WindowFrame): string {
  const parts: string[] = [];
  if (partitionBy.length > 0) parts.push(`PARTITION BY ${partitionBy.map(displayOf).join(", ")}`);
  if (orderBy.length > 0) {
    const keys = orderBy.map(
      (o) => `${displayOf(o.expr)} ${o.ascending ? "ASC" : "DESC"} NULLS ${o.nullsFirst ? "FIRST" : "LAST"}`,
    );
    parts.push(`ORDER BY ${keys.join(", ")}`);
  }
  parts.push(
    `${frame.type === "rows" ? "ROWS" : "RANGE"} BETWEEN ${boundDisplay(frame.lower, true)} AND ${boundDisplay(frame.upper, false)}`,
  );
  return parts.join(" ");
}

/** A RANGE frame with value bounds measures distances on its one numeric (or date) order key. */
function checkRangeFrame(frame: WindowFrame, orderBy: readonly SortKey[]): void {
  if (frame.type !== "range" || (frame.lower.kind !== "offset" && frame.upper.kind !== "offset")) return;
  const spec = `(${specDisplay([], orderBy, frame)})`;
  const mismatch = (subClass: string, text: string) =>
    sparkError(AnalysisException, `DATATYPE_MISMATCH.${subClass}`, "42K09", `Cannot resolve ${spec}: ${text}`, {
      sqlExpr: `"${spec}"`,
    });
  if (orderBy.length === 0)
    throw mismatch("RANGE_FRAME_WITHOUT_ORDER", "a range window frame with value boundaries needs an ORDER BY.");
  if (orderBy.length > 1)
    throw mismatch("RANGE_FRAME_MULTI_ORDER", "a range window frame with value boundaries needs one ORDER BY key.");
  const keyType = (orderBy[0] as SortKey).expr.type;
  if (!T.isNumeric(keyType) && keyType.kind.case !== "date") {
    throw mismatch(
      "SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE",
      `the order key of a range frame with value boundaries must be numeric, not ${T.sqlTypeName(keyType)}.`,
    );
  }
}
