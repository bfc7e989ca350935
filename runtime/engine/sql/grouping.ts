/**
 * GROUP BY in all its forms: plain expressions, ROLLUP(..), CUBE(..), GROUPING SETS(..), the trailing
 * `WITH ROLLUP` / `WITH CUBE`, and mixtures of these. A lone ROLLUP or CUBE keeps its own group type (as
 * `df.rollup` / `df.cube` do); a mixture is expanded into the grouping sets it denotes.
 */
import { equals } from "@bufbuild/protobuf";
import { type Expression, ExpressionSchema } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { Aggregate_GroupType } from "../../../generated/proto/spark/connect/relations_pb.js";
import { parseExpression } from "./expression-parser.js";
import type { ParserState } from "./parser-state.js";

export interface GroupingSpec {
  readonly groupType: Aggregate_GroupType;
  readonly groupingExpressions: Expression[];
  /** Only for GROUPING_SETS: each set's expressions. */
  readonly groupingSets: Expression[][];
}

type GroupingItem =
  | { readonly kind: "plain"; readonly expr: Expression }
  | { readonly kind: "rollup" | "cube"; readonly exprs: Expression[] }
  | { readonly kind: "sets"; readonly sets: Expression[][] };

export function parseGroupBy(state: ParserState): GroupingSpec {
  const { stream } = state;
  const items = stream.commaList(() => parseGroupingItem(state));
  const trailing = stream.isKeyword("WITH") ? stream.isKeyword("ROLLUP", 1) || stream.isKeyword("CUBE", 1) : false;
  if (trailing) {
    stream.next();
    const kind = stream.matchAnyKeyword("ROLLUP", "CUBE") === "ROLLUP" ? "rollup" : "cube";
    if (items.some((item) => item.kind !== "plain")) throw stream.error(stream.previous());
    return toSpec([{ kind, exprs: items.flatMap((item) => (item.kind === "plain" ? [item.expr] : [])) }]);
  }
  return toSpec(items);
}

function parseGroupingItem(state: ParserState): GroupingItem {
  const { stream } = state;
  if ((stream.isKeyword("ROLLUP") || stream.isKeyword("CUBE")) && stream.isOp("(", 1)) {
    const kind = stream.next().text.toUpperCase() === "ROLLUP" ? "rollup" : "cube";
    return { kind, exprs: stream.parenthesizedList(() => parseExpression(state)) };
  }
  if (stream.matchKeywords("GROUPING", "SETS")) {
    return { kind: "sets", sets: stream.parenthesizedList(() => parseGroupingSet(state)) };
  }
  return { kind: "plain", expr: parseExpression(state) };
}

/** `(a, b)`, `()` or a single expression. */
function parseGroupingSet(state: ParserState): Expression[] {
  const { stream } = state;
  if (stream.isOp("(")) {
    const saved = stream.position;
    stream.next();
    if (stream.matchOp(")")) return [];
    const exprs = stream.commaList(() => parseExpression(state));
    if (stream.matchOp(")")) return exprs;
    stream.reset(saved);
  }
  return [parseExpression(state)];
}

function toSpec(items: readonly GroupingItem[]): GroupingSpec {
  if (items.every((item) => item.kind === "plain")) {
    return {
      groupType: Aggregate_GroupType.GROUPBY,
      groupingExpressions: items.map((item) => item.expr),
      groupingSets: [],
    };
  }
  const only = items.length === 1 ? items[0]! : undefined;
  if (only?.kind === "rollup" || only?.kind === "cube") {
    const groupType = only.kind === "rollup" ? Aggregate_GroupType.ROLLUP : Aggregate_GroupType.CUBE;
    return { groupType, groupingExpressions: only.exprs, groupingSets: [] };
  }
  // The cartesian product of each item's sets, concatenated: `a, ROLLUP(b)` is ((a, b), (a)).
  let sets: Expression[][] = [[]];
  for (const item of items) {
    const choices = setsOf(item);
    sets = sets.flatMap((prefix) => choices.map((choice) => [...prefix, ...choice]));
  }
  return {
    groupType: Aggregate_GroupType.GROUPING_SETS,
    groupingExpressions: distinctExpressions(sets.flat()),
    groupingSets: sets,
  };
}

function setsOf(item: GroupingItem): Expression[][] {
  switch (item.kind) {
    case "plain":
      return [[item.expr]];
    case "sets":
      return item.sets;
    case "rollup":
      return item.exprs.map((_, i) => item.exprs.slice(0, item.exprs.length - i)).concat([[]]);
    case "cube": {
      const subsets: Expression[][] = [];
      const n = item.exprs.length;
      // Largest sets first, in the order Spark lists them.
      for (let mask = (1 << n) - 1; mask >= 0; mask--) {
        subsets.push(item.exprs.filter((_, i) => (mask & (1 << (n - 1 - i))) !== 0));
      }
      return subsets;
    }
  }
}

function distinctExpressions(exprs: readonly Expression[]): Expression[] {
  const out: Expression[] = [];
  for (const expr of exprs) if (!out.some((seen) => equals(ExpressionSchema, seen, expr))) out.push(expr);
  return out;
}
