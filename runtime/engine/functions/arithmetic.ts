/**
 * + - * / % and unary minus with Spark's result types (int/int → double for `/`) and ANSI overflow and
 * divide-by-zero errors. Integer kernels check overflow per row; longs go through BigInt64Array.
 */

import { implicitCast, widerType } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { compactDecimalColumn, exactDoublesOf } from "../columnar/compact-decimals.js";
import { arithmeticOverflow, dataTypeMismatch, divideByZero } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Call, Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { decimalOp, decimalShapeOf, outOfRange, pow10, resultShape } from "./decimal-math.js";
import { type ExactOp, exactDecimalArithmetic, exactFactors, exactLimit } from "./exact-decimal-arithmetic.js";
import { call, type Kernel, type ResolveContext, type ScalarFunction } from "./function-types.js";
import { isIntervalType, negateInterval, resolveIntervalArithmetic } from "./interval-arithmetic.js";
import { mapValues, mergeValidity, zipValues } from "./kernel-helpers.js";

type Op = "add" | "subtract" | "multiply" | "divide" | "remainder";
const SYMBOL: Record<Op, string> = { add: "+", subtract: "-", multiply: "*", divide: "/", remainder: "%" };
const TRY_NAME: Record<Op, string> = {
  add: "try_add",
  subtract: "try_subtract",
  multiply: "try_multiply",
  divide: "try_divide",
  remainder: "try_remainder",
};
const BOUNDS: Partial<Record<string, [number, number, string]>> = {
  byte: [-128, 127, "tinyint"],
  short: [-32768, 32767, "smallint"],
  integer: [-2147483648, 2147483647, "integer"],
};

function resolveBinary(op: Op) {
  return (args: readonly Expr[], ctx: ResolveContext): Expr => {
    const [left, right] = args as [Expr, Expr];
    const display = `(${displayOf(left)} ${SYMBOL[op]} ${displayOf(right)})`;
    const withIntervals = resolveIntervalArithmetic(op, left, right, ctx);
    if (withIntervals !== undefined) return withIntervals;
    if ((op === "add" || op === "subtract") && left.type.kind.case === "date")
      return dateArithmetic(op, left, right, ctx);
    const bothNumericLike = [left, right].every((a) => T.isNumeric(a.type) || T.isNullType(a.type));
    if (!bothNumericLike) {
      const different = !T.sameType(left.type, right.type);
      throw different
        ? dataTypeMismatch(
            "BINARY_OP_DIFF_TYPES",
            `"${display}"`,
            `operand types ${T.sqlTypeName(left.type)} and ${T.sqlTypeName(right.type)} do not match.`,
            { left: T.sqlTypeName(left.type), right: T.sqlTypeName(right.type) },
          )
        : dataTypeMismatch("BINARY_OP_WRONG_TYPE", `"${display}"`, `${T.sqlTypeName(left.type)} is not numeric.`, {
            inputType: '"NUMERIC"',
            actualDataType: T.sqlTypeName(left.type),
          });
    }
    const anyDecimal = left.type.kind.case === "decimal" || right.type.kind.case === "decimal";
    const anyFractional = T.isFractional(left.type) || T.isFractional(right.type);
    if (anyDecimal && !anyFractional) return decimalArithmetic(op, left, right, display, ctx);
    let type = op === "divide" ? T.DOUBLE : (widerType(left.type, right.type) ?? T.DOUBLE);
    if (T.isNullType(type)) type = op === "divide" ? T.DOUBLE : T.NULL;
    if (type.kind.case === "null") type = T.DOUBLE;
    const nullable = left.nullable || right.nullable || op === "divide" || op === "remainder" || !ctx.ansi;
    return call(op, [implicitCast(left, type), implicitCast(right, type)], type, display, ctx, nullable);
  };
}

/** DECIMAL (or DECIMAL with an integer) arithmetic: both sides become decimals, the result follows Spark's rules. */
function decimalArithmetic(op: Op, left: Expr, right: Expr, display: string, ctx: ResolveContext): Expr {
  const literalOf = (e: Expr) =>
    e.kind === "literal" && (typeof e.value === "number" || typeof e.value === "bigint") ? e.value : undefined;
  const shapeOf = (e: Expr) =>
    T.isNullType(e.type) ? { precision: 1, scale: 0 } : decimalShapeOf(e.type, literalOf(e));
  const ls = shapeOf(left);
  const rs = shapeOf(right);
  const out = resultShape(op, ls, rs);
  const args = [
    implicitCast(left, T.decimalType(ls.precision, ls.scale)),
    implicitCast(right, T.decimalType(rs.precision, rs.scale)),
  ];
  // Under ANSI an overflow raises instead of giving NULL, so only division and remainder stay nullable.
  const nullable = !ctx.ansi || op === "divide" || op === "remainder" || left.nullable || right.nullable;
  return call(op, args, T.decimalType(out.precision, out.scale), display, ctx, nullable);
}

function decimalKernel(op: Op): Kernel {
  return ([a, b], c) => {
    const left = a as ColumnVector;
    const right = b as ColumnVector;
    const sa = T.decimalParts(left.type).scale;
    const sb = T.decimalParts(right.type).scale;
    const out = T.decimalParts(c.type);
    const limit = pow10(out.precision);
    const checked = (r: bigint): bigint | null => {
      if (r < limit && r > -limit) return r;
      if (c.ansi) throw outOfRange(r, out);
      return null;
    };
    if (op === "add" || op === "subtract" || op === "multiply") {
      const compact = compactResult(op, left, right, c.type);
      if (compact !== undefined) return compact;
    }
    const exact = exactDecimalOp(op, sa, sb, out.scale);
    if (exact !== null) return zipValues<bigint, bigint, bigint>(left, right, c.type, (x, y) => checked(exact(x, y)));
    return zipValues<bigint, bigint, bigint>(left, right, c.type, (x, y) => {
      if ((op === "divide" || op === "remainder") && y === 0n) {
        if (c.ansi) throw divideByZero();
        return null;
      }
      return checked(decimalOp(op, x, sa, y, sb, out));
    });
  };
}

/** + - * over operands exact as doubles, giving a compact column; undefined when that path does not apply. */
function compactResult(
  op: ExactOp,
  left: ColumnVector,
  right: ColumnVector,
  type: T.DataType,
): ColumnVector | undefined {
  const factors = exactFactors(
    op,
    T.decimalParts(left.type).scale,
    T.decimalParts(right.type).scale,
    T.decimalParts(type).scale,
  );
  if (factors === undefined) return undefined;
  const x = exactDoublesOf(left);
  const y = x === undefined ? undefined : exactDoublesOf(right);
  if (x === undefined || y === undefined) return undefined;
  const validity = mergeValidity([left, right], left.length);
  const values = exactDecimalArithmetic(op, x, y, validity, factors, exactLimit(type));
  return values === null ? undefined : compactDecimalColumn(type, values, validity);
}

/**
 * The per-row function of + - * when the result scale drops no digit (the usual case): chosen once per batch,
 * with the rescaling factors computed up front, instead of a per-row switch and rounding division.
 */
function exactDecimalOp(op: Op, sa: number, sb: number, scale: number): ((x: bigint, y: bigint) => bigint) | null {
  if ((op === "add" || op === "subtract") && scale >= sa && scale >= sb) {
    const fa = pow10(scale - sa);
    const fb = pow10(scale - sb);
    if (op === "add") return fa === 1n && fb === 1n ? (x, y) => x + y : (x, y) => x * fa + y * fb;
    return fa === 1n && fb === 1n ? (x, y) => x - y : (x, y) => x * fa - y * fb;
  }
  if (op === "multiply" && scale >= sa + sb) {
    const f = pow10(scale - sa - sb);
    return f === 1n ? (x, y) => x * y : (x, y) => x * y * f;
  }
  return null;
}

/** `date + n` and `date - n` mean date_add/date_sub; any other right side is a type error, as in Spark. */
function dateArithmetic(op: "add" | "subtract", left: Expr, right: Expr, ctx: ResolveContext): Expr {
  const integral = T.isIntegral(right.type) && right.type.kind.case !== "long";
  if (!integral && !T.isNullType(right.type)) {
    const fn = op === "add" ? "date_add" : "date_sub";
    throw dataTypeMismatch(
      "UNEXPECTED_INPUT_TYPE",
      `"${fn}(${displayOf(left)}, ${displayOf(right)})"`,
      `the second argument of ${fn} must be an integer.`,
      {
        paramIndex: "second",
        requiredType: '("INT" or "SMALLINT" or "TINYINT")',
        inputSql: `"${displayOf(right)}"`,
        inputType: T.sqlTypeName(right.type),
      },
    );
  }
  // Spark's analyzer turns the operator into the function, and the column is named after the function.
  const fn = op === "add" ? "date_add" : "date_sub";
  return call(fn, [left, implicitCast(right, T.INT)], T.DATE, `${fn}(${displayOf(left)}, ${displayOf(right)})`, ctx);
}

function overflow(op: Op, typeName: string): Error {
  return arithmeticOverflow(
    `${typeName} overflow`,
    ` Use '${TRY_NAME[op]}' to tolerate overflow and return NULL instead.`,
  );
}

function integralKernel(op: Op): Kernel {
  return ([a, b], c) => {
    const bounds = BOUNDS[T.typeName(c.type)] as [number, number, string];
    const [min, max, label] = bounds;
    const bits = c.type.kind.case === "byte" ? 8 : c.type.kind.case === "short" ? 16 : 32;
    return zipValues<number, number, number>(a as ColumnVector, b as ColumnVector, c.type, (x, y) => {
      let r: number;
      switch (op) {
        case "add":
          r = x + y;
          break;
        case "subtract":
          r = x - y;
          break;
        case "multiply":
          r = x * y;
          if (!Number.isSafeInteger(r)) r = Number(BigInt(x) * BigInt(y));
          break;
        default:
          if (y === 0) {
            if (c.ansi) throw divideByZero();
            return null;
          }
          r = x % y;
      }
      if (r < min || r > max) {
        if (c.ansi) throw overflow(op, label);
        return Number(BigInt.asIntN(bits, BigInt(r)));
      }
      return r;
    });
  };
}

function longKernel(op: Op): Kernel {
  return ([a, b], c) =>
    zipValues<bigint, bigint, bigint>(a as ColumnVector, b as ColumnVector, c.type, (x, y) => {
      let r: bigint;
      switch (op) {
        case "add":
          r = x + y;
          break;
        case "subtract":
          r = x - y;
          break;
        case "multiply":
          r = x * y;
          break;
        default:
          if (y === 0n) {
            if (c.ansi) throw divideByZero();
            return null;
          }
          r = x % y;
      }
      const wrapped = BigInt.asIntN(64, r);
      if (wrapped !== r && c.ansi) throw overflow(op, "long");
      return wrapped;
    });
}

function fractionalKernel(op: Op): Kernel {
  return ([a, b], c) => {
    const single = c.type.kind.case === "float";
    return zipValues<number, number, number>(a as ColumnVector, b as ColumnVector, c.type, (x, y) => {
      let r: number;
      switch (op) {
        case "add":
          r = x + y;
          break;
        case "subtract":
          r = x - y;
          break;
        case "multiply":
          r = x * y;
          break;
        case "divide":
        case "remainder":
          if (y === 0) {
            if (c.ansi) throw divideByZero();
            return null;
          }
          r = op === "divide" ? x / y : x % y;
      }
      return single ? Math.fround(r) : r;
    });
  };
}

function arithmeticKernel(op: Op): Kernel {
  const integral = integralKernel(op);
  const long = longKernel(op);
  const fractional = fractionalKernel(op);
  const decimal = decimalKernel(op);
  return (args, c: Call, ctx) => {
    if (c.type.kind.case === "decimal") return decimal(args, c, ctx);
    if (c.type.kind.case === "long") return long(args, c, ctx);
    if (c.type.kind.case === "double" || c.type.kind.case === "float") return fractional(args, c, ctx);
    return integral(args, c, ctx);
  };
}

const negative: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    if (isIntervalType(child.type)) return negateInterval(child, ctx);
    if (!T.isNumeric(child.type)) {
      throw dataTypeMismatch(
        "UNEXPECTED_INPUT_TYPE",
        `"negative(${displayOf(child)})"`,
        "negation needs a numeric input.",
        {
          paramIndex: "first",
          requiredType: '"NUMERIC"',
          inputSql: `"${displayOf(child)}"`,
          inputType: T.sqlTypeName(child.type),
        },
      );
    }
    return call("negative", [child], child.type, `negative(${displayOf(child)})`, ctx);
  },
  kernel: ([a], c) => {
    if (c.type.kind.case === "long") {
      return mapValues<bigint, bigint>(a as ColumnVector, c.type, (x) => {
        if (x === -(2n ** 63n) && c.ansi) throw overflow("subtract", "long");
        return BigInt.asIntN(64, -x);
      });
    }
    const bounds = BOUNDS[T.typeName(c.type)];
    return mapValues<number, number>(a as ColumnVector, c.type, (x) => {
      if (bounds !== undefined && -x > bounds[1]) {
        if (c.ansi) throw overflow("subtract", bounds[2]);
        return x;
      }
      return -x;
    });
  },
};

const ops: Op[] = ["add", "subtract", "multiply", "divide", "remainder"];

export const arithmeticFunctions: Record<string, ScalarFunction> = {
  ...Object.fromEntries(ops.map((op) => [op, { resolve: resolveBinary(op), kernel: arithmeticKernel(op) }])),
  negative,
};

/** Front-end spellings of the operators (PySpark sends symbols, SQL sends names). */
export const arithmeticAliases: Record<string, string> = {
  "+": "add",
  "-": "subtract",
  "*": "multiply",
  "/": "divide",
  "%": "remainder",
  mod: "remainder",
};
