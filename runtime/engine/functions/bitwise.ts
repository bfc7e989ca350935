/**
 * Bitwise operators (`&`, `|`, `^`, `~`), bit_count, bit_get/getbit and the shifts, with Java's semantics:
 * int shifts use the count mod 32 and long shifts mod 64; bit_count sign-extends to 64 bits first.
 */

import { SparkRuntimeException } from "../../errors/index.js";
import { commonType, implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { dataTypeMismatch, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, zipValues } from "./kernel-helpers.js";

function requireIntegral(display: string, child: Expr, paramIndex = "first"): void {
  if (T.isIntegral(child.type) || T.isNullType(child.type)) return;
  throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, "a bitwise operation needs an integral input.", {
    paramIndex,
    requiredType: '"INTEGRAL"',
    inputSql: `"${displayOf(child)}"`,
    inputType: T.sqlTypeName(child.type),
  });
}

const isLong = (column: ColumnVector): boolean => column.type.kind.case === "long";

function binaryOperator(symbol: "&" | "|" | "^", op: (a: bigint, b: bigint) => bigint): ScalarFunction {
  return {
    resolve: (args, ctx, name) => {
      const [left, right] = args as [Expr, Expr];
      const display = `(${displayOf(left)} ${symbol} ${displayOf(right)})`;
      requireIntegral(display, left);
      requireIntegral(display, right, "second");
      const common = commonType([left.type, right.type]);
      const type = common === null || T.isNullType(common) ? T.INT : common;
      return call(name, [implicitCast(left, type), implicitCast(right, type)], type, display, ctx);
    },
    kernel: ([a, b], c) => {
      if (isLong(a as ColumnVector))
        return zipValues<bigint, bigint, bigint>(a as ColumnVector, b as ColumnVector, c.type, op);
      // Narrow values fit a double exactly; typed-array stores wrap them back to the column's width.
      return zipValues<number, number, number>(a as ColumnVector, b as ColumnVector, c.type, (x, y) =>
        Number(op(BigInt(x), BigInt(y))),
      );
    },
  };
}

const bitwiseNot: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    const display = `~${displayOf(child)}`;
    requireIntegral(display, child);
    const type = T.isNullType(child.type) ? T.INT : child.type;
    return call("~", [implicitCast(child, type)], type, display, ctx);
  },
  kernel: ([a], c) =>
    isLong(a as ColumnVector)
      ? mapValues<bigint, bigint>(a as ColumnVector, c.type, (x) => ~x)
      : mapValues<number, number>(a as ColumnVector, c.type, (x) => ~x),
};

function popCount64(x: bigint): number {
  let v = BigInt.asUintN(64, x);
  let count = 0;
  while (v !== 0n) {
    v &= v - 1n;
    count++;
  }
  return count;
}

function popCount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const bitCount: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    const display = `bit_count(${displayOf(child)})`;
    if (child.type.kind.case !== "boolean") requireIntegral(display, child);
    return call("bit_count", [child], T.INT, display, ctx);
  },
  kernel: ([a]) => {
    const column = a as ColumnVector;
    if (isLong(column)) return mapValues<bigint, number>(column, T.INT, popCount64);
    if (column.type.kind.case === "boolean") return mapValues<number, number>(column, T.INT, (x) => x);
    // Narrow negatives are sign-extended to 64 bits, so the upper 32 bits are all ones.
    return mapValues<number, number>(column, T.INT, (x) => popCount32(x) + (x < 0 ? 32 : 0));
  },
};

function bitPositionOutOfRange(name: string, pos: number, width: number) {
  return sparkError(
    SparkRuntimeException,
    "INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE",
    "22023",
    `The value of parameter(s) \`pos\` in \`${name}\` is invalid: expects an integer value in [0, ${width}), but got ${pos}.`,
    { parameter: "`pos`", functionName: `\`${name}\``, upper: String(width), invalidValue: String(pos) },
  );
}

const BIT_WIDTH: Record<string, number> = { byte: 8, short: 16, integer: 32, long: 64 };

const bitGet: ScalarFunction = {
  resolve: (args, ctx, name) => {
    const [child, pos] = args as [Expr, Expr];
    const display = `${name}(${displayOf(child)}, ${displayOf(pos)})`;
    requireIntegral(display, child);
    const type = T.isNullType(child.type) ? T.LONG : child.type;
    return call(name, [implicitCast(child, type), implicitCast(pos, T.INT)], T.BYTE, display, ctx);
  },
  kernel: ([a, p], c) => {
    const column = a as ColumnVector;
    const width = BIT_WIDTH[column.type.kind.case as string] ?? 64;
    const check = (pos: number): void => {
      if (pos < 0 || pos >= width) throw bitPositionOutOfRange(c.name, pos, width);
    };
    if (isLong(column))
      return zipValues<bigint, number, number>(column, p as ColumnVector, T.BYTE, (x, pos) => {
        check(pos);
        return Number((x >> BigInt(pos)) & 1n);
      });
    return zipValues<number, number, number>(column, p as ColumnVector, T.BYTE, (x, pos) => {
      check(pos);
      return (x >> pos) & 1;
    });
  },
};

type Shift = "shiftleft" | "shiftright" | "shiftrightunsigned";

function shift(kind: Shift): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child, count] = args as [Expr, Expr];
      const display = `${kind}(${displayOf(child)}, ${displayOf(count)})`;
      requireIntegral(display, child);
      const type = child.type.kind.case === "long" ? T.LONG : T.INT;
      return call(kind, [implicitCast(child, type), implicitCast(count, T.INT)], type, display, ctx);
    },
    kernel: ([a, n], c) => {
      if (c.type.kind.case === "long") {
        return zipValues<bigint, number, bigint>(a as ColumnVector, n as ColumnVector, T.LONG, (x, bits) => {
          const by = BigInt(bits & 63);
          if (kind === "shiftleft") return BigInt.asIntN(64, x << by);
          if (kind === "shiftright") return x >> by;
          return BigInt.asIntN(64, BigInt.asUintN(64, x) >> by);
        });
      }
      return zipValues<number, number, number>(a as ColumnVector, n as ColumnVector, T.INT, (x, bits) => {
        if (kind === "shiftleft") return x << bits;
        if (kind === "shiftright") return x >> bits;
        return (x >>> bits) | 0;
      });
    },
  };
}

export const bitwiseFunctions: Record<string, ScalarFunction> = {
  "&": binaryOperator("&", (a, b) => a & b),
  "|": binaryOperator("|", (a, b) => a | b),
  "^": binaryOperator("^", (a, b) => a ^ b),
  "~": bitwiseNot,
  bit_count: bitCount,
  bit_get: bitGet,
  getbit: bitGet,
  shiftleft: shift("shiftleft"),
  shiftright: shift("shiftright"),
  shiftrightunsigned: shift("shiftrightunsigned"),
};
