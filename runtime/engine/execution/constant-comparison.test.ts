import { describe, expect, it } from "vitest";
import { type Batch, type ColumnVector, columnFromScalars, type Scalar } from "../columnar/column-vector.js";
import { compactDecimalColumn } from "../columnar/compact-decimals.js";
import type { EvalContext } from "../functions/function-types.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { selectWithConstant } from "./constant-comparison.js";
import { evaluate } from "./expression-evaluator.js";
import { selectRows } from "./row-selection.js";

const ctx: EvalContext = { timeZone: "UTC" };
const MONEY = T.decimalType(15, 2);
const OPERATORS = ["equal", "less_than", "less_than_or_equal", "greater_than", "greater_than_or_equal"];

const input = (ordinal: number, type: T.DataType): Expr => ({
  kind: "input",
  ordinal,
  name: `c${ordinal}`,
  type,
  nullable: true,
});
const literal = (value: Scalar, type: T.DataType): Expr => ({ kind: "literal", value, type, nullable: value === null });
const toDouble = (child: Expr): Expr => ({
  kind: "cast",
  child,
  type: T.DOUBLE,
  nullable: true,
  mode: "ansi",
  implicit: true,
});
const compare = (name: string, left: Expr, right: Expr): Expr => ({
  kind: "call",
  name,
  args: [left, right],
  type: T.BOOLEAN,
  nullable: true,
  display: name,
  ansi: true,
});

const N = 400;
const batch: Batch = {
  columns: [
    columnFromScalars(
      T.DATE,
      Array.from({ length: N }, (_, i) => 8000 + ((i * 37) % 500)),
    ),
    columnFromScalars(
      T.DOUBLE,
      Array.from({ length: N }, (_, i) => (i % 13 === 0 ? Number.NaN : i % 17 === 0 ? -0 : ((i * 7) % 50) - 25.5)),
    ),
    compactDecimalColumn(
      MONEY,
      Float64Array.from({ length: N }, (_, i) => ((i * 31) % 1000) - 300),
      null,
    ),
    columnFromScalars(
      T.INT,
      Array.from({ length: N }, (_, i) => (i % 5 === 0 ? null : i % 40)),
    ),
  ],
  numRows: N,
};

/** The rows the general kernels select: TRUE only. */
function generalSelection(condition: Expr, rows: Int32Array): number[] {
  const mask: ColumnVector = evaluate(condition, batch, ctx);
  const flags = mask.data as Uint8Array;
  return [...rows].filter((r) => flags[r] === 1 && (mask.validity === null || mask.validity[r] === 1));
}

const everyThird = Int32Array.from({ length: Math.ceil(N / 3) }, (_, i) => i * 3);

describe("column-versus-constant selection", () => {
  const cases: [string, Expr, Expr][] = [
    ["a date column", input(0, T.DATE), literal(8250, T.DATE)],
    ["a double column with NaN and -0.0", input(1, T.DOUBLE), literal(0, T.DOUBLE)],
    ["a double column against a negative constant", input(1, T.DOUBLE), literal(-4.5, T.DOUBLE)],
    ["a decimal column against its own type's constant", input(2, MONEY), literal(150n, MONEY)],
    ["a decimal column cast to double", toDouble(input(2, MONEY)), literal(0.07, T.DOUBLE)],
  ];
  for (const [what, column, constant] of cases) {
    it(`selects the rows the general comparison kernels make TRUE: ${what}, either side, all or some rows`, () => {
      for (const name of OPERATORS) {
        for (const condition of [compare(name, column, constant), compare(name, constant, column)]) {
          for (const rows of [null, everyThird]) {
            const fast = selectWithConstant(condition, batch, rows);
            expect(fast).toBeDefined();
            const all = Int32Array.from({ length: N }, (_, i) => i);
            expect([...(fast as Int32Array)]).toEqual(generalSelection(condition, rows ?? all));
          }
        }
      }
    });
  }

  it("leaves columns with NULLs, NULL constants and NaN constants to the general path", () => {
    expect(selectWithConstant(compare("less_than", input(3, T.INT), literal(10, T.INT)), batch, null)).toBeUndefined();
    expect(
      selectWithConstant(compare("less_than", input(0, T.DATE), literal(null, T.DATE)), batch, null),
    ).toBeUndefined();
    expect(
      selectWithConstant(compare("equal", input(1, T.DOUBLE), literal(Number.NaN, T.DOUBLE)), batch, null),
    ).toBeUndefined();
  });

  it("gives the same filter result through selectRows for a nested AND tree mixing fast and general conjuncts", () => {
    const and = (left: Expr, right: Expr): Expr => ({ ...compare("and", left, right) });
    const condition = and(
      and(
        compare("greater_than_or_equal", input(0, T.DATE), literal(8100, T.DATE)),
        compare("less_than", input(3, T.INT), literal(30, T.INT)),
      ),
      and(
        compare("greater_than_or_equal", toDouble(input(2, MONEY)), literal(-1.5, T.DOUBLE)),
        compare("less_than_or_equal", input(1, T.DOUBLE), literal(10, T.DOUBLE)),
      ),
    );
    const all = Int32Array.from({ length: N }, (_, i) => i);
    expect([...selectRows(condition, batch, ctx)]).toEqual(generalSelection(condition, all));
  });
});
