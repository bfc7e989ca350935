/**
 * try_add, try_subtract, try_multiply, try_divide, try_mod: the operator's types and answers, but NULL where the
 * operator would raise (overflow, division by zero, a decimal out of range), whatever the ANSI setting.
 */
import { ArithmeticException } from "../../errors/index.js";
import { columnFromScalars, getScalar, type Scalar, sliceColumn } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import { arithmeticFunctions } from "./arithmetic.js";
import type { Kernel, ScalarFunction } from "./function-types.js";

type Operator = "add" | "subtract" | "multiply" | "divide" | "remainder";

/**
 * Runs `kernel` in ANSI mode over the whole batch; only when some row raises an arithmetic error is the batch
 * redone row by row, each failing row becoming NULL. The common error-free batch pays nothing extra.
 */
export function nullOnArithmeticError(kernel: Kernel): Kernel {
  return (args, c, ctx) => {
    const strict = { ...c, ansi: true };
    try {
      return kernel(args, strict, ctx);
    } catch (error) {
      if (!(error instanceof ArithmeticException)) throw error;
    }
    const length = args[0]?.length ?? 0;
    const out: Scalar[] = [];
    for (let row = 0; row < length; row++) {
      const slices = args.map((a) => sliceColumn(a, row, row + 1));
      try {
        out.push(getScalar(kernel(slices, strict, ctx), 0));
      } catch (error) {
        if (!(error instanceof ArithmeticException)) throw error;
        out.push(null);
      }
    }
    return columnFromScalars(c.type, out);
  };
}

function tryOperator(name: string, operator: Operator): ScalarFunction {
  const base = arithmeticFunctions[operator] as ScalarFunction;
  return {
    resolve: (args, ctx) => {
      const resolved = base.resolve(args, { ...ctx, ansi: true }, operator);
      const display = `${name}(${args.map((a: Expr) => displayOf(a)).join(", ")})`;
      if (resolved.kind !== "call") return resolved;
      // `date + n` resolves to date_add, which cannot overflow: it keeps its own kernel.
      const kernelName = resolved.name === operator ? name : resolved.name;
      return { ...resolved, name: kernelName, display, nullable: true };
    },
    kernel: nullOnArithmeticError(base.kernel as Kernel),
  };
}

const operatorOf: Record<string, Operator> = {
  try_add: "add",
  try_subtract: "subtract",
  try_multiply: "multiply",
  try_divide: "divide",
  try_mod: "remainder",
};

export const tryArithmeticFunctions: Record<string, ScalarFunction> = Object.fromEntries(
  Object.entries(operatorOf).map(([name, operator]) => [name, tryOperator(name, operator)]),
);
