/** NULL and NaN replacement helpers: nanvl, nvl2, nullifzero, zeroifnull, equal_null. */
import { commonType, implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { dataTypeMismatch } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { coalesceCall, nullifCall } from "./conditional.js";
import { call, type ScalarFunction } from "./function-types.js";
import { predicateFunctions } from "./predicates.js";

const ZERO: Literal = { kind: "literal", value: 0, type: T.INT, nullable: false };

/** nanvl(a, b): b where a is NaN, else a; both sides as doubles (floats stay floats). */
const nanvl: ScalarFunction = {
  resolve: (args, ctx) => {
    const [left, right] = args as [Expr, Expr];
    const display = `nanvl(${displayOf(left)}, ${displayOf(right)})`;
    const type = left.type.kind.case === "float" && right.type.kind.case === "float" ? T.FLOAT : T.DOUBLE;
    for (const [index, side] of [left, right].entries()) {
      if (!T.isNumeric(side.type) && !T.isNullType(side.type)) {
        throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, "nanvl needs numeric inputs.", {
          paramIndex: index === 0 ? "first" : "second",
          requiredType: '("DOUBLE" or "FLOAT")',
          inputSql: `"${displayOf(side)}"`,
          inputType: T.sqlTypeName(side.type),
        });
      }
    }
    return call("nanvl", [implicitCast(left, type), implicitCast(right, type)], type, display, ctx);
  },
  kernel: ([a, b], c) => {
    const left = a as ColumnVector;
    const right = b as ColumnVector;
    const n = left.length;
    const out = (left.data as Float64Array).slice();
    const validity = left.validity === null ? new Uint8Array(n).fill(1) : left.validity.slice();
    const replacement = right.data as Float64Array;
    for (let i = 0; i < n; i++) {
      if (validity[i] === 1 && Number.isNaN(out[i] as number)) {
        out[i] = replacement[i] as number;
        validity[i] = right.validity === null ? 1 : (right.validity[i] as number);
      }
    }
    return { type: c.type, length: n, data: out, validity };
  },
};

/** nvl2(a, b, c): b where a is not NULL, else c. */
const nvl2: ScalarFunction = {
  resolve: (args, ctx) => {
    const [test, yes, no] = args as [Expr, Expr, Expr];
    const display = `nvl2(${displayOf(test)}, ${displayOf(yes)}, ${displayOf(no)})`;
    const type = commonType([yes.type, no.type]);
    if (type === null) {
      throw dataTypeMismatch("DATA_DIFF_TYPES", `"${display}"`, "nvl2's value arguments must share one type.", {
        functionName: "`nvl2`",
        dataType: `[${[yes, no].map((v) => T.sqlTypeName(v.type)).join(", ")}]`,
      });
    }
    return call(
      "nvl2",
      [test, implicitCast(yes, type), implicitCast(no, type)],
      type,
      display,
      ctx,
      yes.nullable || no.nullable,
    );
  },
  kernel: ([a, b, c], expr) => {
    const test = a as ColumnVector;
    const yes = b as ColumnVector;
    const no = c as ColumnVector;
    const n = test.length;
    const data = (yes.data as unknown as { slice(): unknown[] }).slice();
    const validity = new Uint8Array(n);
    const noValues = no.data as unknown as ArrayLike<unknown>;
    for (let i = 0; i < n; i++) {
      const present = test.validity === null || test.validity[i] === 1;
      if (present) validity[i] = yes.validity === null ? 1 : (yes.validity[i] as number);
      else {
        data[i] = noValues[i];
        validity[i] = no.validity === null ? 1 : (no.validity[i] as number);
      }
    }
    return { type: expr.type, length: n, data: data as unknown as ColumnVector["data"], validity };
  },
};

const nullifzero: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    return nullifCall(child, ZERO, ctx, `nullifzero(${displayOf(child)})`);
  },
};

const zeroifnull: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    const zero = T.isNumeric(child.type) ? implicitCast(ZERO, child.type) : ZERO;
    return coalesceCall([child, zero], ctx, `zeroifnull(${displayOf(child)})`);
  },
};

/** equal_null(a, b) is `a <=> b` under its own name. */
const equalNull: ScalarFunction = {
  resolve: (args, ctx) => {
    const [left, right] = args as [Expr, Expr];
    const resolved = (predicateFunctions.equal_null_safe as ScalarFunction).resolve(args, ctx, "equal_null_safe");
    return resolved.kind === "call"
      ? { ...resolved, display: `equal_null(${displayOf(left)}, ${displayOf(right)})` }
      : resolved;
  },
};

export const nullHandlingFunctions: Record<string, ScalarFunction> = {
  nanvl,
  nvl2,
  nullifzero,
  zeroifnull,
  equal_null: equalNull,
};
