/** greatest / least (NULLs skipped, NULL only when every argument is NULL) and sign-like math helpers. */
import { commonType, implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { comparatorFor } from "../columnar/value-order.js";
import { dataTypeMismatch } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues } from "./kernel-helpers.js";

function extreme(name: "greatest" | "least"): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const display = `${name}(${args.map(displayOf).join(", ")})`;
      const type = commonType(args.map((a) => a.type));
      if (type === null) {
        throw dataTypeMismatch("DATA_DIFF_TYPES", `"${display}"`, `${name} needs arguments of one type.`, {
          functionName: `\`${name}\``,
          dataType: `[${args.map((a) => T.sqlTypeName(a.type)).join(", ")}]`,
        });
      }
      return call(
        name,
        args.map((a) => implicitCast(a, type)),
        type,
        display,
        ctx,
        args.every((a) => a.nullable),
      );
    },
    kernel: (args, c) => {
      const n = args[0]?.length ?? 0;
      const compare = comparatorFor(c.type);
      const best: unknown[] = new Array(n).fill(undefined);
      for (const column of args) {
        const values = column.data as unknown as ArrayLike<unknown>;
        for (let i = 0; i < n; i++) {
          if (column.validity !== null && column.validity[i] === 0) continue;
          const current = best[i];
          const order = current === undefined ? 1 : compare(values[i], current);
          if (current === undefined || (name === "greatest" ? order > 0 : order < 0)) best[i] = values[i];
        }
      }
      const first = args[0] as ColumnVector;
      const data = (first.data as unknown as { slice(): unknown[] }).slice();
      const validity = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        if (best[i] !== undefined) {
          data[i] = best[i];
          validity[i] = 1;
        }
      }
      return { type: c.type, length: n, data: data as unknown as ColumnVector["data"], validity };
    },
  };
}

function doubleOf(name: string, f: (x: number) => number | null, displayName = name): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      return call(name, [implicitCast(child, T.DOUBLE)], T.DOUBLE, `${displayName}(${displayOf(child)})`, ctx, true);
    },
    kernel: ([a]) => mapValues<number, number>(a as ColumnVector, T.DOUBLE, f),
  };
}

/** log(x) is the natural logarithm; log(base, x) any base; NULL for non-positive input, as in Spark. */
const log: ScalarFunction = {
  resolve: (args, ctx) => {
    // SQL's one-argument log is log(e, x) and Spark prints it so (pyspark's F.log(x) sends ln instead).
    const display =
      args.length === 1 ? `LOG(E(), ${displayOf(args[0] as Expr)})` : `LOG(${args.map(displayOf).join(", ")})`;
    const [base, x] =
      args.length === 1
        ? [{ kind: "literal", value: Math.E, type: T.DOUBLE, nullable: false } as Expr, args[0] as Expr]
        : (args as [Expr, Expr]);
    return call("log", [implicitCast(base, T.DOUBLE), implicitCast(x, T.DOUBLE)], T.DOUBLE, display, ctx, true);
  },
  kernel: ([b, x]) => {
    const base = b as ColumnVector;
    const value = x as ColumnVector;
    return mapValues<number, number>(value, T.DOUBLE, (v, i) => {
      const bv = (base.data as Float64Array)[i] as number;
      if (v <= 0 || bv <= 0 || (base.validity !== null && base.validity[i] === 0)) return null;
      return bv === Math.E ? Math.log(v) : Math.log(v) / Math.log(bv);
    });
  },
};

export const comparisonFunctions: Record<string, ScalarFunction> = {
  greatest: extreme("greatest"),
  least: extreme("least"),
  signum: doubleOf("signum", (x) => Math.sign(x), "SIGNUM"),
  sign: doubleOf("sign", (x) => Math.sign(x), "sign"),
  log10: doubleOf("log10", (x) => (x <= 0 ? null : Math.log10(x)), "LOG10"),
  // Spark computes log2 as ln(x) / ln(2); Math.log2 can differ in the last bit.
  log2: doubleOf("log2", (x) => (x <= 0 ? null : Math.log(x) / Math.LN2), "LOG2"),
  log,
};
