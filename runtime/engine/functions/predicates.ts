/**
 * Comparisons and boolean logic with SQL's three-valued NULL semantics: `=`, `<`, `<=>`, AND, OR, NOT,
 * IS [NOT] NULL, IN and isnan. AND/OR are also evaluated lazily by the evaluator (so ANSI errors on the right
 * side only fire for rows that need it, as in Spark).
 */
import { commonType, comparisonType, implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { equalityOf, orderOf } from "../columnar/nested-order.js";
import { dataTypeMismatch } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { equalsStructurally } from "../types/nested-types.js";
import { compareNumbers, equalStrings, inConstants } from "./comparison-kernels.js";
import { call, type Kernel, type ResolveContext, type ScalarFunction } from "./function-types.js";
import { mapValues, valuesOf, zipValues } from "./kernel-helpers.js";

type Comparison = "equal" | "less_than" | "less_than_or_equal" | "greater_than" | "greater_than_or_equal";
const SYMBOL: Record<Comparison | "equal_null_safe", string> = {
  equal: "=",
  less_than: "<",
  less_than_or_equal: "<=",
  greater_than: ">",
  greater_than_or_equal: ">=",
  equal_null_safe: "<=>",
};

function coerceComparison(name: Comparison | "equal_null_safe", args: readonly Expr[]): [Expr, Expr, string] {
  const [left, right] = args as [Expr, Expr];
  const display = `(${displayOf(left)} ${SYMBOL[name]} ${displayOf(right)})`;
  const type = comparisonType(left.type, right.type);
  if (type === null) {
    throw dataTypeMismatch(
      "BINARY_OP_DIFF_TYPES",
      `"${display}"`,
      `${T.sqlTypeName(left.type)} cannot be compared with ${T.sqlTypeName(right.type)}.`,
      { left: T.sqlTypeName(left.type), right: T.sqlTypeName(right.type) },
    );
  }
  return [implicitCast(left, type), implicitCast(right, type), display];
}

function comparison(name: Comparison): ScalarFunction {
  const test: (order: number) => boolean = {
    equal: (o: number) => o === 0,
    less_than: (o: number) => o < 0,
    less_than_or_equal: (o: number) => o <= 0,
    greater_than: (o: number) => o > 0,
    greater_than_or_equal: (o: number) => o >= 0,
  }[name];
  return {
    resolve: (args, ctx) => {
      const [left, right, display] = coerceComparison(name, args);
      return call(name, [left, right], T.BOOLEAN, display, ctx);
    },
    kernel: ([a, b]) => {
      const left = a as ColumnVector;
      const fast =
        compareNumbers(name, left, b as ColumnVector) ??
        (name === "equal" ? equalStrings(left, b as ColumnVector) : undefined);
      if (fast !== undefined) return fast;
      if (name === "equal") {
        const eq = equalityOf(left.type);
        return zipValues(left, b as ColumnVector, T.BOOLEAN, (x, y) => (eq(x, y) ? 1 : 0));
      }
      const compare = orderOf(left.type);
      return zipValues(left, b as ColumnVector, T.BOOLEAN, (x, y) => (test(compare(x, y)) ? 1 : 0));
    },
  };
}

const equalNullSafe: ScalarFunction = {
  resolve: (args, ctx) => {
    const [left, right, display] = coerceComparison("equal_null_safe", args);
    return call("equal_null_safe", [left, right], T.BOOLEAN, display, ctx, false);
  },
  kernel: ([a, b]) => {
    const left = a as ColumnVector;
    const right = b as ColumnVector;
    const eq = equalityOf(left.type);
    const out = new Uint8Array(left.length);
    const x = valuesOf<unknown>(left);
    const y = valuesOf<unknown>(right);
    for (let i = 0; i < left.length; i++) {
      const lv = left.validity === null || left.validity[i] === 1;
      const rv = right.validity === null || right.validity[i] === 1;
      out[i] = lv && rv ? (eq(x[i], y[i]) ? 1 : 0) : lv === rv ? 1 : 0;
    }
    return { type: T.BOOLEAN, length: left.length, data: out, validity: null };
  },
};

function requireBoolean(expr: Expr, display: string): Expr {
  if (T.isNullType(expr.type)) return implicitCast(expr, T.BOOLEAN);
  if (expr.type.kind.case !== "boolean") {
    throw dataTypeMismatch("BINARY_OP_WRONG_TYPE", `"${display}"`, `${T.sqlTypeName(expr.type)} is not BOOLEAN.`, {
      inputType: '"BOOLEAN"',
      actualDataType: T.sqlTypeName(expr.type),
    });
  }
  return expr;
}

/** Three-valued AND/OR over full columns: FALSE AND NULL = FALSE, TRUE OR NULL = TRUE. */
export const andOrKernel =
  (isAnd: boolean): Kernel =>
  ([a, b]) => {
    const left = a as ColumnVector;
    const right = b as ColumnVector;
    const n = left.length;
    const x = left.data as Uint8Array;
    const y = right.data as Uint8Array;
    const out = new Uint8Array(n);
    let validity: Uint8Array | null = null;
    const dominant = isAnd ? 0 : 1;
    if (left.validity === null && right.validity === null) {
      if (isAnd) for (let i = 0; i < n; i++) out[i] = (x[i] as number) & (y[i] as number);
      else for (let i = 0; i < n; i++) out[i] = (x[i] as number) | (y[i] as number);
      return { type: T.BOOLEAN, length: n, data: out, validity };
    }
    for (let i = 0; i < n; i++) {
      const lv = left.validity === null || left.validity[i] === 1;
      const rv = right.validity === null || right.validity[i] === 1;
      if ((lv && x[i] === dominant) || (rv && y[i] === dominant)) out[i] = dominant;
      else if (lv && rv) out[i] = 1 - dominant;
      else {
        validity ??= new Uint8Array(n).fill(1);
        validity[i] = 0;
      }
    }
    return { type: T.BOOLEAN, length: n, data: out, validity };
  };

function logical(name: "and" | "or"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [left, right] = args as [Expr, Expr];
      const display = `(${displayOf(left)} ${name.toUpperCase()} ${displayOf(right)})`;
      return call(name, [requireBoolean(left, display), requireBoolean(right, display)], T.BOOLEAN, display, ctx);
    },
    kernel: andOrKernel(name === "and"),
  };
}

const not: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    const display = `(NOT ${displayOf(child)})`;
    return call("not", [requireBoolean(child, display)], T.BOOLEAN, display, ctx);
  },
  kernel: ([a]) => mapValues<number, number>(a as ColumnVector, T.BOOLEAN, (x) => 1 - x),
};

function nullTest(isNull: boolean): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      const display = `(${displayOf(child)} IS ${isNull ? "" : "NOT "}NULL)`;
      return call(isNull ? "isnull" : "isnotnull", [child], T.BOOLEAN, display, ctx, false);
    },
    kernel: ([a]) => {
      const column = a as ColumnVector;
      const out = new Uint8Array(column.length).fill(isNull ? 0 : 1);
      if (column.validity !== null)
        for (let i = 0; i < column.length; i++) out[i] = (column.validity[i] === 1) !== isNull ? 1 : 0;
      return { type: T.BOOLEAN, length: column.length, data: out, validity: null };
    },
  };
}

/** `x IN (a, b, …)`: TRUE on a match, NULL when no match but x or a list value is NULL, else FALSE. */
const inList: ScalarFunction = {
  resolve: (args, ctx) => {
    const [value, ...list] = args as [Expr, ...Expr[]];
    const display = `(${displayOf(value)} IN (${list.map(displayOf).join(", ")}))`;
    // Row values meet by position: `(a, b) IN ((1, 2))` compares struct<a,b> with struct<col1,col2>, as Spark does.
    const type =
      commonType([value.type, ...list.map((e) => e.type)]) ??
      (list.every((e) => equalsStructurally(e.type, value.type)) ? value.type : null);
    if (type === null) {
      throw dataTypeMismatch("DATA_DIFF_TYPES", `"${display}"`, "IN needs values of one type.", {
        functionName: "`in`",
        dataType: `[${[value, ...list].map((e) => T.sqlTypeName(e.type)).join(", ")}]`,
      });
    }
    return call(
      "in",
      [value, ...list].map((e) => implicitCast(e, type)),
      T.BOOLEAN,
      display,
      ctx,
    );
  },
  kernel: ([value, ...list]) => {
    const column = value as ColumnVector;
    const fast = inConstants(column, list as ColumnVector[]);
    if (fast !== undefined) return fast;
    const eq = equalityOf(column.type);
    const n = column.length;
    const out = new Uint8Array(n);
    let validity: Uint8Array | null = null;
    const x = valuesOf<unknown>(column);
    for (let i = 0; i < n; i++) {
      if (column.validity !== null && column.validity[i] === 0) {
        validity ??= new Uint8Array(n).fill(1);
        validity[i] = 0;
        continue;
      }
      let sawNull = false;
      for (const candidate of list as ColumnVector[]) {
        if (candidate.validity !== null && candidate.validity[i] === 0) sawNull = true;
        else if (eq(x[i], valuesOf<unknown>(candidate)[i])) {
          out[i] = 1;
          break;
        }
      }
      if (out[i] === 0 && sawNull) {
        validity ??= new Uint8Array(n).fill(1);
        validity[i] = 0;
      }
    }
    return { type: T.BOOLEAN, length: n, data: out, validity };
  },
};

const isnan: ScalarFunction = {
  resolve: (args, ctx: ResolveContext) => {
    const [child] = args as [Expr];
    const input = T.isFractional(child.type) ? child : implicitCast(child, T.DOUBLE);
    return call("isnan", [input], T.BOOLEAN, `isnan(${displayOf(child)})`, ctx, false);
  },
  kernel: ([a]) => {
    const column = a as ColumnVector;
    const out = new Uint8Array(column.length);
    const x = column.data as Float64Array;
    for (let i = 0; i < column.length; i++)
      out[i] = (column.validity === null || column.validity[i] === 1) && Number.isNaN(x[i]) ? 1 : 0;
    return { type: T.BOOLEAN, length: column.length, data: out, validity: null };
  },
};

export const predicateFunctions: Record<string, ScalarFunction> = {
  equal: comparison("equal"),
  less_than: comparison("less_than"),
  less_than_or_equal: comparison("less_than_or_equal"),
  greater_than: comparison("greater_than"),
  greater_than_or_equal: comparison("greater_than_or_equal"),
  equal_null_safe: equalNullSafe,
  and: logical("and"),
  or: logical("or"),
  not,
  isnull: nullTest(true),
  isnotnull: nullTest(false),
  in: inList,
  isnan,
};

export const predicateAliases: Record<string, string> = {
  "==": "equal",
  "=": "equal",
  "<": "less_than",
  "<=": "less_than_or_equal",
  ">": "greater_than",
  ">=": "greater_than_or_equal",
  "<=>": "equal_null_safe",
  "!": "not",
  isNull: "isnull",
  isNotNull: "isnotnull",
  isNaN: "isnan",
};
