/**
 * CASE WHEN and its friends. `when`, `if`, `nvl`, `ifnull`, `nullif` rewrite into CASE WHEN / COALESCE so the
 * evaluator has one lazy path for them (branch values are computed only for the rows that take the branch).
 */
import { commonType, implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { dataTypeMismatch } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { CaseWhen, Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ResolveContext, type ScalarFunction } from "./function-types.js";

function unify(what: string, display: string, values: readonly Expr[]): T.DataType {
  const type = commonType(values.map((v) => v.type));
  if (type === null) {
    throw dataTypeMismatch("DATA_DIFF_TYPES", `"${display}"`, `the ${what} values must share one type.`, {
      functionName: `\`${what}\``,
      dataType: `[${values.map((v) => T.sqlTypeName(v.type)).join(", ")}]`,
    });
  }
  return type;
}

export function caseWhen(branches: readonly { when: Expr; result: Expr }[], otherwise: Expr | null): CaseWhen {
  const draft: CaseWhen = { kind: "caseWhen", branches, otherwise, type: T.NULL, nullable: true };
  const display = displayOf(draft);
  for (const b of branches) {
    if (b.when.type.kind.case !== "boolean" && !T.isNullType(b.when.type)) {
      throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, "WHEN conditions must be BOOLEAN.", {
        paramIndex: "first",
        requiredType: '"BOOLEAN"',
        inputSql: `"${displayOf(b.when)}"`,
        inputType: T.sqlTypeName(b.when.type),
      });
    }
  }
  const values = [...branches.map((b) => b.result), ...(otherwise ? [otherwise] : [])];
  const type = unify("CASE", display, values);
  return {
    kind: "caseWhen",
    branches: branches.map((b) => ({ when: implicitCast(b.when, T.BOOLEAN), result: implicitCast(b.result, type) })),
    otherwise: otherwise ? implicitCast(otherwise, type) : null,
    type,
    nullable: otherwise === null || values.some((v) => v.nullable),
  };
}

/** `when(c1, v1, c2, v2, …[, else])` as PySpark sends it. */
const when: ScalarFunction = {
  resolve: (args) => {
    const branches: { when: Expr; result: Expr }[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) branches.push({ when: args[i] as Expr, result: args[i + 1] as Expr });
    const otherwise = args.length % 2 === 1 ? (args[args.length - 1] as Expr) : null;
    return caseWhen(branches, otherwise);
  },
};

const ifFunction: ScalarFunction = {
  resolve: (args) => {
    const [condition, yes, no] = args as [Expr, Expr, Expr];
    return caseWhen([{ when: condition, result: yes }], no);
  },
};

export function coalesceCall(args: readonly Expr[], ctx: ResolveContext, display: string): Expr {
  const type = unify("coalesce", display, args);
  return call(
    "coalesce",
    args.map((a) => implicitCast(a, type)),
    type,
    display,
    ctx,
    args.every((a) => a.nullable),
  );
}

const coalesce: ScalarFunction = {
  resolve: (args, ctx) => coalesceCall(args, ctx, `coalesce(${args.map(displayOf).join(", ")})`),
  kernel: (args, c) => {
    const first = args[0] as ColumnVector;
    const n = first.length;
    const out = args.length === 1 ? first : null;
    if (out) return out;
    const data = (first.data as unknown as { slice(): unknown[] }).slice();
    const validity = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      for (const column of args) {
        if (column.validity === null || column.validity[i] === 1) {
          data[i] = (column.data as unknown as ArrayLike<unknown>)[i];
          validity[i] = 1;
          break;
        }
      }
    }
    return { type: c.type, length: n, data: data as unknown as ColumnVector["data"], validity };
  },
};

const nvl: ScalarFunction = {
  resolve: (args, ctx, name) => coalesceCall(args, ctx, `${name}(${args.map(displayOf).join(", ")})`),
};

/**
 * nullif(a, b): `a`, or NULL where a = b. The comparison rides along as a second argument so the column keeps
 * Spark's name `nullif(a, b)`; nullifzero(a) is nullif(a, 0).
 */
export function nullifCall(left: Expr, right: Expr, ctx: ResolveContext, display: string): Expr {
  const type = unify("nullif", display, [left, right]);
  const equal = call("equal", [implicitCast(left, type), implicitCast(right, type)], T.BOOLEAN, "", ctx);
  return call("nullif", [left, equal], left.type, display, ctx, true);
}

const nullif: ScalarFunction = {
  resolve: (args, ctx) => {
    const [left, right] = args as [Expr, Expr];
    return nullifCall(left, right, ctx, `nullif(${displayOf(left)}, ${displayOf(right)})`);
  },
  kernel: ([value, equal]) => {
    const column = value as ColumnVector;
    const test = equal as ColumnVector;
    const flags = test.data as Uint8Array;
    const validity = column.validity === null ? new Uint8Array(column.length).fill(1) : column.validity.slice();
    for (let i = 0; i < column.length; i++) {
      if (flags[i] === 1 && (test.validity === null || test.validity[i] === 1)) validity[i] = 0;
    }
    return { ...column, validity };
  },
};

export const conditionalFunctions: Record<string, ScalarFunction> = {
  when,
  if: ifFunction,
  iff: ifFunction,
  coalesce,
  nvl,
  ifnull: nvl,
  nullif,
};
