/**
 * The double-based DECIMAL paths (compact columns, exact arithmetic, exact sums) must give exactly what the
 * BigInt paths give: each case computes its expectation with BigInts and compares to the last digit.
 */
import { describe, expect, it } from "vitest";
import { arrowIpcToBatch, batchToArrowIpc } from "../columnar/arrow-io.js";
import {
  type Batch,
  type ColumnVector,
  columnFromScalars,
  concatColumns,
  getScalar,
  type Scalar,
  sliceColumn,
  takeRows,
} from "../columnar/column-vector.js";
import { compactDecimalColumn, compactDecimalsOf } from "../columnar/compact-decimals.js";
import { castColumn } from "../functions/cast-kernel.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import type { Expr } from "../logical/expressions.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import { hashColumns } from "../shuffle/murmur3.js";
import * as T from "../types/data-types.js";
import { evaluate } from "./expression-evaluator.js";
import { hashAggregate } from "./hash-aggregate.js";

const ctx = { timeZone: "UTC" };
const MONEY = T.decimalType(15, 2);
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
const valuesOf = (column: ColumnVector): Scalar[] =>
  Array.from({ length: column.length }, (_, r) => getScalar(column, r));

/** A compact money column and the same values as an ordinary bigint column (every 7th row NULL). */
function moneyColumns(n: number, seed: number, scale = 1): [ColumnVector, ColumnVector] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  const unscaled = Array.from({ length: n }, (_, i) =>
    i % 7 === 3 ? null : ((next() % 2_000_001) - 1_000_000) * scale,
  );
  const values = new Float64Array(n);
  const validity = new Uint8Array(n);
  unscaled.forEach((v, i) => {
    if (v !== null) {
      values[i] = v;
      validity[i] = 1;
    }
  });
  return [
    compactDecimalColumn(MONEY, values, validity),
    columnFromScalars(
      MONEY,
      unscaled.map((v) => (v === null ? null : BigInt(v))),
    ),
  ];
}

describe("compact decimal columns", () => {
  it("read as the same bigints, and keep their form through gathers, slices and concatenation", () => {
    const [compact, plain] = moneyColumns(50, 1);
    expect(valuesOf(compact)).toEqual(valuesOf(plain));
    const indices = Int32Array.from([4, -1, 3, 0, 49]);
    const taken = takeRows(compact, indices);
    expect(compactDecimalsOf(taken)).toBeDefined();
    expect(valuesOf(taken)).toEqual(valuesOf(takeRows(plain, indices)));
    const sliced = sliceColumn(compact, 10, 20);
    expect(compactDecimalsOf(sliced)).toBeDefined();
    expect(valuesOf(sliced)).toEqual(valuesOf(sliceColumn(plain, 10, 20)));
    const joined = concatColumns(MONEY, [taken, sliced]);
    expect(compactDecimalsOf(joined)).toBeDefined();
    expect(valuesOf(joined)).toEqual([...valuesOf(taken), ...valuesOf(sliced)]);
    expect(valuesOf(concatColumns(MONEY, [taken, plain]))).toEqual([...valuesOf(taken), ...valuesOf(plain)]);
  });

  it("hash like the bigint columns (Spark's hash of a decimal(15,2) is the long hash of its unscaled value)", () => {
    const [compact, plain] = moneyColumns(200, 2);
    expect(hashColumns([compact], 200)).toEqual(hashColumns([plain], 200));
  });

  it("compare, widen and convert to double like the bigint columns", () => {
    const [compact, plain] = moneyColumns(300, 3);
    const [otherCompact, otherPlain] = moneyColumns(300, 4);
    const run = (expr: Expr, a: ColumnVector, b: ColumnVector) =>
      valuesOf(evaluate(expr, { columns: [a, b], numRows: 300 }, ctx));
    for (const op of ["<", "<=", "==", ">", ">="]) {
      const expr = fn(op, input(0, MONEY), input(1, MONEY));
      const expected = plainCompare(op, valuesOf(plain), valuesOf(otherPlain));
      expect(run(expr, compact, otherCompact)).toEqual(expected);
    }
    const wide = T.decimalType(20, 6);
    expect(valuesOf(castColumn(compact, wide, "ansi", ctx))).toEqual(
      valuesOf(plain).map((v) => (v === null ? null : (v as bigint) * 10_000n)),
    );
    expect(valuesOf(castColumn(compact, T.DOUBLE, "ansi", ctx))).toEqual(
      valuesOf(plain).map((v) => (v === null ? null : Number(`${v}e-2`))),
    );
  });

  it("cross the Arrow hand-off as Decimal128 and come back compact, negatives, NULLs and ±2^53 included", () => {
    const edge = 2 ** 53 - 1;
    const values = [0, -1, 1, edge, -edge, -(2 ** 53), 4294967296, -4294967297, 123456789012345, 0];
    const validity = Uint8Array.from(values, (_, i) => (i === 9 ? 0 : 1));
    const compact = compactDecimalColumn(T.decimalType(38, 4), Float64Array.from(values), validity);
    const wide = columnFromScalars(T.decimalType(38, 4), [10n ** 30n, -(10n ** 30n) + 7n, null]);
    const fields = [{ name: "d", type: T.decimalType(38, 4), nullable: true }];
    for (const column of [compact, wide]) {
      const ipc = batchToArrowIpc({ columns: [column], numRows: column.length }, fields, "UTC");
      const back = arrowIpcToBatch(ipc).batch.columns[0] as ColumnVector;
      expect(valuesOf(back)).toEqual(valuesOf(column));
      expect(compactDecimalsOf(back) !== undefined).toBe(column === compact);
    }
  });

  it("raise Spark's out-of-range error when a cast narrows the precision below a value", () => {
    const big = compactDecimalColumn(MONEY, Float64Array.from([1, 123456]), null);
    expect(() => castColumn(big, T.decimalType(5, 2), "ansi", ctx)).toThrow(/NUMERIC_VALUE_OUT_OF_RANGE/);
    expect(valuesOf(castColumn(big, T.decimalType(5, 2), "try", ctx))).toEqual([1n, null]);
  });
});

function plainCompare(op: string, a: Scalar[], b: Scalar[]): Scalar[] {
  return a.map((x, i) => {
    const y = b[i];
    if (x === null || y === null || y === undefined) return null;
    const [p, q] = [x as bigint, y as bigint];
    return { "<": p < q, "<=": p <= q, "==": p === q, ">": p > q, ">=": p >= q }[op] as boolean;
  });
}

describe("exact decimal aggregation", () => {
  const sumSpec = (arg: Expr, name: "sum" | "avg" = "sum"): AggregateSpec => ({
    name,
    distinct: false,
    args: [arg],
    inputType: arg.type,
    resultType:
      name === "sum"
        ? T.decimalType(Math.min(38, T.decimalParts(arg.type).precision + 10), T.decimalParts(arg.type).scale)
        : T.decimalType(Math.min(38, T.decimalParts(arg.type).precision + 4), T.decimalParts(arg.type).scale + 4),
    ansi: true,
  });

  /** sum(a * (1 - b)) and avg(a) grouped by row % 3, computed by the engine over `columns`. */
  function aggregate(columns: ColumnVector[], n: number): Scalar[][] {
    const key = T.INT;
    const keyColumn = columnFromScalars(
      key,
      Array.from({ length: n }, (_, i) => i % 3),
    );
    const batch: Batch = { columns: [keyColumn, ...columns], numRows: n };
    const revenue = fn("*", input(1, MONEY), fn("-", lit(1, T.INT), input(2, MONEY)));
    const specs = [sumSpec(revenue), sumSpec(input(1, MONEY), "avg"), sumSpec(input(1, MONEY))];
    const out = hashAggregate("complete", [batch], [input(0, key)], specs, ctx);
    return Array.from({ length: out.numRows }, (_, r) => out.columns.map((c) => getScalar(c, r))).sort(
      (p, q) => (p[0] as number) - (q[0] as number),
    );
  }

  /** The same aggregates computed here with BigInts. */
  function expected(a: Scalar[], b: Scalar[]): Scalar[][] {
    return [0, 1, 2].map((k) => {
      let revenue: bigint | null = null;
      let sum: bigint | null = null;
      let count = 0n;
      a.forEach((x, i) => {
        if (i % 3 !== k || x === null) return;
        sum = (sum ?? 0n) + (x as bigint);
        count++;
        const y = b[i];
        if (y !== null && y !== undefined) revenue = (revenue ?? 0n) + (x as bigint) * (100n - (y as bigint));
      });
      const avg = sum === null ? null : divideHalfUp((sum as bigint) * 10_000n, count);
      return [k, revenue, avg, sum];
    });
  }

  const divideHalfUp = (n: bigint, d: bigint): bigint => {
    const q = (n < 0n ? -n : n) / d;
    const r = (n < 0n ? -n : n) % d;
    const rounded = r * 2n >= d ? q + 1n : q;
    return n < 0n ? -rounded : rounded;
  };

  it("gives the BigInt answers for compact and bigint inputs alike", () => {
    const [a, aPlain] = moneyColumns(3000, 5);
    const [b, bPlain] = moneyColumns(3000, 6);
    const want = expected(valuesOf(aPlain), valuesOf(bPlain));
    expect(aggregate([a, b], 3000)).toEqual(want);
    expect(aggregate([aPlain, bPlain], 3000)).toEqual(want);
  });

  it("stays exact when products and sums pass 2^53 (falls back or carries into BigInts)", () => {
    // Unscaled values up to 10^14: products reach 10^20 (the BigInt path), sums pass 2^53 (the carry).
    const [a, aPlain] = moneyColumns(3000, 7, 100_000_000);
    const [b, bPlain] = moneyColumns(3000, 8);
    const want = expected(valuesOf(aPlain), valuesOf(bPlain));
    expect(aggregate([a, b], 3000)).toEqual(want);
    expect(aggregate([aPlain, bPlain], 3000)).toEqual(want);
  });

  it("computes constant operands on either side, and subexpressions shared between aggregates, as BigInts do", () => {
    const n = 3000;
    const [a, aPlain] = moneyColumns(n, 9);
    const [b, bPlain] = moneyColumns(n, 10);
    const keyColumn = columnFromScalars(
      T.INT,
      Array.from({ length: n }, (_, i) => i % 3),
    );
    const oneMinusB = fn("-", lit(1, T.INT), input(2, MONEY));
    const args = [
      fn("*", input(1, MONEY), oneMinusB),
      oneMinusB,
      fn("-", input(2, MONEY), lit(2, T.INT)),
      fn("*", lit(3, T.INT), input(1, MONEY)),
      fn("+", input(1, MONEY), lit(5n, T.decimalType(1, 1))),
    ];
    // Unscaled at each result's scale: 4, 2, 2, 2, 2.
    const perRow: ((x: bigint, y: bigint) => bigint | null)[] = [
      (x, y) => x * (100n - y),
      (_x, y) => 100n - y,
      (_x, y) => y - 200n,
      (x) => 3n * x,
      (x) => x + 50n,
    ];
    const av = valuesOf(aPlain);
    const bv = valuesOf(bPlain);
    const want = [0, 1, 2].map((k) => [
      k,
      ...perRow.map((f, which) => {
        let total: bigint | null = null;
        for (let i = k; i < n; i += 3) {
          const x = av[i] as bigint | null;
          const y = bv[i] as bigint | null;
          const needsX = which !== 1 && which !== 2;
          const needsY = which <= 2;
          if ((needsX && x === null) || (needsY && y === null)) continue;
          total = (total ?? 0n) + (f(x ?? 0n, y ?? 0n) as bigint);
        }
        return total;
      }),
    ]);
    for (const columns of [
      [a, b],
      [aPlain, bPlain],
    ]) {
      const batch: Batch = { columns: [keyColumn, ...columns], numRows: n };
      const out = hashAggregate(
        "complete",
        [batch],
        [input(0, T.INT)],
        args.map((arg) => sumSpec(arg)),
        ctx,
      );
      const got = Array.from({ length: out.numRows }, (_, r) => out.columns.map((c) => getScalar(c, r))).sort(
        (p, q) => (p[0] as number) - (q[0] as number),
      );
      expect(got).toEqual(want);
    }
  });
});
