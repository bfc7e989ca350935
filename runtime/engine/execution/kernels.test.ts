import { describe, expect, it } from "vitest";
import { type Batch, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { evaluate } from "./expression-evaluator.js";
import { hashAggregate } from "./hash-aggregate.js";
import { hashJoin } from "./join-kernels.js";
import { selectRows } from "./row-selection.js";
import { sortBatch } from "./sort-kernel.js";

const ctx = { timeZone: "UTC" };
const input = (ordinal: number, type: T.DataType): Expr => ({
  kind: "input",
  ordinal,
  type,
  nullable: true,
  name: `c${ordinal}`,
});
const lit = (value: Scalar, type: T.DataType): Expr => ({ kind: "literal", value, type, nullable: value === null });
const fn = (name: string, ...args: Expr[]): Expr => {
  const found = lookupScalarFunction(name);
  if (!found) throw new Error(name);
  return found.fn.resolve(args, { ansi: true }, name);
};
const rows = (batch: Batch): Scalar[][] =>
  Array.from({ length: batch.numRows }, (_, r) => batch.columns.map((c) => getScalar(c, r)));

describe("expression evaluation", () => {
  const batch: Batch = { columns: [columnFromScalars(T.INT, [4, 0, null, -2])], numRows: 4 };

  it("short-circuits AND so a guarded division never divides by zero", () => {
    const guarded = fn(
      "and",
      fn("not", fn("==", input(0, T.INT), lit(0, T.INT))),
      fn(">", fn("/", lit(8, T.INT), input(0, T.INT)), lit(1, T.INT)),
    );
    expect(rows({ columns: [evaluate(guarded, batch, ctx)], numRows: 4 }).flat()).toEqual([true, false, null, false]);
    expect(() => evaluate(fn("/", lit(8, T.INT), input(0, T.INT)), batch, ctx)).toThrow(/DIVIDE_BY_ZERO/);
  });

  it("evaluates CASE WHEN branches only on the rows that take them", () => {
    const expr = fn(
      "when",
      fn("==", input(0, T.INT), lit(0, T.INT)),
      lit(-1, T.INT),
      fn("%", lit(10, T.INT), input(0, T.INT)),
    );
    expect(rows({ columns: [evaluate(expr, batch, ctx)], numRows: 4 }).flat()).toEqual([2, -1, null, 0]);
  });

  it("uses SQL three-valued logic for IN with NULLs", () => {
    const expr = fn("in", input(0, T.INT), lit(4, T.INT), lit(null, T.INT));
    expect(rows({ columns: [evaluate(expr, batch, ctx)], numRows: 4 }).flat()).toEqual([true, null, null, null]);
  });
});

describe("comparison kernels", () => {
  const column = (expr: Expr, b: Batch) => rows({ columns: [evaluate(expr, b, ctx)], numRows: b.numRows }).flat();

  it("compares numbers against constants and columns, with Spark's NaN and NULL rules", () => {
    const doubles: Batch = {
      columns: [columnFromScalars(T.DOUBLE, [1.5, Number.NaN, null, -0]), columnFromScalars(T.DOUBLE, [2, 1, 3, 0])],
      numRows: 4,
    };
    expect(column(fn("<", input(0, T.DOUBLE), lit(2, T.DOUBLE)), doubles)).toEqual([true, false, null, true]);
    expect(column(fn(">", input(0, T.DOUBLE), input(1, T.DOUBLE)), doubles)).toEqual([false, true, null, false]);
    expect(column(fn("==", input(0, T.DOUBLE), lit(Number.NaN, T.DOUBLE)), doubles)).toEqual([
      false,
      true,
      null,
      false,
    ]);
    const ints: Batch = { columns: [columnFromScalars(T.INT, [3, null, 5])], numRows: 3 };
    expect(column(fn(">=", input(0, T.INT), lit(5, T.INT)), ints)).toEqual([false, null, true]);
    expect(column(fn("==", input(0, T.INT), lit(null, T.INT)), ints)).toEqual([null, null, null]);
  });

  it("tests strings for equality and membership in constant lists", () => {
    const strings: Batch = { columns: [columnFromScalars(T.STRING, ["MAIL", null, "AIR", "SHIP"])], numRows: 4 };
    expect(column(fn("==", input(0, T.STRING), lit("AIR", T.STRING)), strings)).toEqual([false, null, true, false]);
    const isin = fn("in", input(0, T.STRING), lit("MAIL", T.STRING), lit("SHIP", T.STRING));
    expect(column(isin, strings)).toEqual([true, null, false, true]);
    const withNull = fn("in", input(0, T.STRING), lit("MAIL", T.STRING), lit(null, T.STRING));
    expect(column(withNull, strings)).toEqual([true, null, null, null]);
  });
});

describe("operators", () => {
  it("partial + final aggregation equals complete aggregation", () => {
    const keys = [input(0, T.STRING)];
    const specs = [
      {
        name: "sum" as const,
        distinct: false,
        args: [input(1, T.INT)],
        inputType: T.INT,
        resultType: T.LONG,
        ansi: true,
      },
      {
        name: "avg" as const,
        distinct: false,
        args: [input(1, T.INT)],
        inputType: T.INT,
        resultType: T.DOUBLE,
        ansi: true,
      },
      {
        name: "count" as const,
        distinct: false,
        args: [input(1, T.INT)],
        inputType: T.INT,
        resultType: T.LONG,
        ansi: true,
      },
    ];
    const part = (k: (string | null)[], v: (number | null)[]): Batch => ({
      columns: [columnFromScalars(T.STRING, k), columnFromScalars(T.INT, v)],
      numRows: k.length,
    });
    const a = part(["x", "y", null], [1, null, 3]);
    const b = part(["x", "x"], [10, 20]);
    const partials = [hashAggregate("partial", [a], keys, specs, ctx), hashAggregate("partial", [b], keys, specs, ctx)];
    const merged = hashAggregate("final", partials, keys, specs, ctx);
    const complete = hashAggregate("complete", [a, b], keys, specs, ctx);
    const sorted = (r: Scalar[][]) => r.sort((p, q) => String(p[0]).localeCompare(String(q[0])));
    expect(sorted(rows(merged))).toEqual(sorted(rows(complete)));
    expect(sorted(rows(complete))).toContainEqual(["x", 31n, 31 / 3, 3n]);
    expect(rows(hashAggregate("final", [], [], specs, ctx))).toEqual([[null, null, 0n]]);
  });

  it("hash join handles duplicates, NULL keys and every outer side", () => {
    const left: Batch = { columns: [columnFromScalars(T.LONG, [1n, 2n, 2n, null])], numRows: 4 };
    const right: Batch = { columns: [columnFromScalars(T.LONG, [2n, 3n, null])], numRows: 3 };
    const run = (type: Parameters<typeof hashJoin>[0]) =>
      rows(hashJoin(type, left, right, left.columns, right.columns, null, ctx));
    expect(run("inner")).toEqual([
      [2n, 2n],
      [2n, 2n],
    ]);
    expect(run("left_anti")).toEqual([[1n], [null]]);
    expect(run("left_semi")).toEqual([[2n], [2n]]);
    expect(run("full_outer")).toHaveLength(2 + 2 + 2);
    expect(run("right_outer")).toContainEqual([null, 3n]);
  });

  it("selects a filter's rows evaluating each AND operand where Spark would", () => {
    const batch: Batch = { columns: [columnFromScalars(T.INT, [4, 0, null, -2])], numRows: 4 };
    const guarded = fn(
      "and",
      fn("not", fn("==", input(0, T.INT), lit(0, T.INT))),
      fn(">", fn("/", lit(8, T.INT), input(0, T.INT)), lit(1, T.INT)),
    );
    expect([...selectRows(guarded, batch, ctx)]).toEqual([0]);
    const chain = fn("and", guarded, fn("<", input(0, T.INT), lit(10, T.INT)));
    expect([...selectRows(chain, batch, ctx)]).toEqual([0]);
    // A NULL left operand does not decide AND, so the right one still runs there (and raises, as in Spark).
    const pairs: Batch = { columns: [columnFromScalars(T.INT, [null]), columnFromScalars(T.INT, [0])], numRows: 1 };
    const unguarded = fn(
      "and",
      fn(">", input(0, T.INT), lit(1, T.INT)),
      fn(">", fn("/", lit(8, T.INT), input(1, T.INT)), lit(1, T.INT)),
    );
    expect(() => selectRows(unguarded, pairs, ctx)).toThrow(/DIVIDE_BY_ZERO/);
  });

  it("hash join gives the same rows in the same order whichever side it builds on", () => {
    // Left smaller than right: inner and semi/anti joins build on the left; the order must stay left-row major.
    const small: Batch = {
      columns: [columnFromScalars(T.INT, [3, 1, null, 3]), columnFromScalars(T.STRING, ["a", "b", "c", "d"])],
      numRows: 4,
    };
    const large: Batch = {
      columns: [
        columnFromScalars(T.INT, [1, 3, 5, 3, null, 1, 7]),
        columnFromScalars(T.STRING, ["p", "q", "r", "s", "t", "u", "v"]),
      ],
      numRows: 7,
    };
    const join = (type: Parameters<typeof hashJoin>[0], l: Batch, r: Batch) =>
      rows(hashJoin(type, l, r, [l.columns[0] as never], [r.columns[0] as never], null, ctx));
    expect(join("inner", small, large)).toEqual([
      [3, "a", 3, "q"],
      [3, "a", 3, "s"],
      [1, "b", 1, "p"],
      [1, "b", 1, "u"],
      [3, "d", 3, "q"],
      [3, "d", 3, "s"],
    ]);
    expect(join("left_semi", small, large)).toEqual([
      [3, "a"],
      [1, "b"],
      [3, "d"],
    ]);
    expect(join("left_anti", small, large)).toEqual([[null, "c"]]);
    const swapped = join("inner", large, small);
    expect(swapped.map((r) => [r[1], r[3]])).toEqual([
      ["p", "b"],
      ["q", "a"],
      ["q", "d"],
      ["s", "a"],
      ["s", "d"],
      ["u", "b"],
    ]);
  });

  it("sorts with per-key direction and NULL placement", () => {
    const batch: Batch = { columns: [columnFromScalars(T.DOUBLE, [2, null, Number.NaN, -1])], numRows: 4 };
    const asc = sortBatch(batch, [{ expr: input(0, T.DOUBLE), ascending: true, nullsFirst: true }], ctx);
    expect(rows(asc).flat()).toEqual([null, -1, 2, Number.NaN]);

    const desc = sortBatch(batch, [{ expr: input(0, T.DOUBLE), ascending: false, nullsFirst: false }], ctx);
    expect(rows(desc).flat()).toEqual([Number.NaN, 2, -1, null]);
  });
});
