import { describe, expect, it } from "vitest";
import type { ParquetScanSource } from "../io/parquet-scan.js";
import type { AttributeRef, Expr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { pruneColumns } from "./column-pruning.js";

const attr = (exprId: number, name: string): AttributeRef => ({
  kind: "attr",
  exprId,
  name,
  type: T.LONG,
  nullable: true,
  qualifier: [],
});

/** A scan of a table whose attribute ids start at `firstId` (files are never read by the rule). */
function scan(names: readonly string[], firstId: number): Extract<LogicalPlan, { kind: "fileScan" }> {
  const source: ParquetScanSource = {
    format: "parquet",
    fields: names.map((name) => ({ name, type: T.LONG, nullable: true })),
    numDataFields: names.length,
    files: [],
    layout: { columns: [], values: new Map() },
    timeZone: "UTC",
  };
  return {
    kind: "fileScan",
    source,
    columns: names.map((_, i) => i),
    output: names.map((n, i) => attr(firstId + i, n)),
  };
}

const call = (name: string, ...args: Expr[]): Expr => ({
  kind: "call",
  name,
  args,
  type: T.BOOLEAN,
  nullable: true,
  display: name,
  ansi: true,
});
const lit = (value: number): Expr => ({ kind: "literal", value, type: T.INT, nullable: false });

/** Every scan in the plan, as the field names it still reads. */
function scanned(plan: LogicalPlan): string[][] {
  const out: string[][] = [];
  const walk = (p: LogicalPlan): void => {
    if (p.kind === "fileScan") out.push(p.columns.map((c) => p.source.fields[c]?.name ?? "?"));
    if ("child" in p) walk(p.child);
    if (p.kind === "join" || p.kind === "setOp") [p.left, p.right].forEach(walk);
    if (p.kind === "union") p.inputs.forEach(walk);
  };
  walk(plan);
  return out;
}

describe("column pruning", () => {
  const t = scan(["a", "b", "c", "d"], 1);
  const [a, b, c, d] = t.output as [AttributeRef, AttributeRef, AttributeRef, AttributeRef];

  it("narrows a scan to what a projection and a filter below it read, keeping the query's output", () => {
    const plan: LogicalPlan = {
      kind: "project",
      exprs: [b],
      child: { kind: "filter", condition: call("less_than", c, lit(5)), child: t },
    };
    const pruned = pruneColumns(plan);
    expect(scanned(pruned)).toEqual([["b", "c"]]);
    expect(outputOf(pruned)).toEqual(outputOf(plan));
  });

  it("keeps every column when the filter is the root (its output is the whole row)", () => {
    const plan: LogicalPlan = { kind: "filter", condition: call("isnotnull", a), child: t };
    expect(pruneColumns(plan)).toBe(plan);
  });

  it("reads no column for a global count, and only grouping and aggregated columns otherwise", () => {
    const count: LogicalPlan = { kind: "aggregate", groupings: [], aggregates: [], child: t };
    expect(scanned(pruneColumns(count))).toEqual([[]]);
    const sum: Expr = {
      kind: "aggregate",
      name: "sum",
      args: [d],
      distinct: false,
      type: T.LONG,
      nullable: true,
      display: "sum(d)",
      ansi: true,
    } as Expr;
    const grouped: LogicalPlan = {
      kind: "aggregate",
      groupings: [a],
      aggregates: [
        a,
        { kind: "alias", child: sum, name: "s", exprId: 99, type: T.LONG, nullable: true } as Expr as AttributeRef,
      ],
      child: t,
    };
    expect(scanned(pruneColumns(grouped))).toEqual([["a", "d"]]);
  });

  it("prunes both sides of a join to the output read above plus the join condition, and narrows the join's output", () => {
    const u = scan(["x", "y", "z"], 11);
    const [x, y] = u.output as [AttributeRef, AttributeRef];
    const join: LogicalPlan = {
      kind: "join",
      left: t,
      right: u,
      joinType: "inner",
      condition: call("equal", a, x),
      output: [...t.output, ...u.output],
    };
    const plan: LogicalPlan = { kind: "project", exprs: [b, y], child: join };
    const pruned = pruneColumns(plan);
    expect(scanned(pruned)).toEqual([
      ["a", "b"],
      ["x", "y"],
    ]);
    const prunedJoin = (pruned as Extract<LogicalPlan, { kind: "project" }>).child;
    expect(outputOf(prunedJoin).map((o) => o.name)).toEqual(["a", "b", "x", "y"]);
  });

  it("keeps whole rows under operators whose result depends on every column (distinct, union)", () => {
    const distinct: LogicalPlan = {
      kind: "project",
      exprs: [a],
      child: { kind: "deduplicate", keys: [a, b, c, d], child: t },
    };
    expect(scanned(pruneColumns(distinct))).toEqual([["a", "b", "c", "d"]]);
    const u = scan(["p", "q", "r", "s"], 21);
    const union: LogicalPlan = {
      kind: "project",
      exprs: [a],
      child: { kind: "union", inputs: [t, u], output: t.output },
    };
    expect(scanned(pruneColumns(union))).toEqual([
      ["a", "b", "c", "d"],
      ["p", "q", "r", "s"],
    ]);
  });

  it("sees through sort keys and aliases of a subquery", () => {
    const aliased: LogicalPlan = {
      kind: "subqueryAlias",
      alias: "v",
      child: t,
      output: t.output.map((o) => ({ ...o, qualifier: ["v"] })),
    };
    const plan: LogicalPlan = {
      kind: "project",
      exprs: [a],
      child: { kind: "sort", global: true, orders: [{ expr: c, ascending: true, nullsFirst: true }], child: aliased },
    };
    expect(scanned(pruneColumns(plan))).toEqual([["a", "c"]]);
  });
});
