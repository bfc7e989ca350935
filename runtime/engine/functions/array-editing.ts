/**
 * array_insert, array_repeat, get and arrays_overlap: arrays edited, built by repetition, read without errors
 * and compared for a common element (with Spark's three-valued answer when NULL elements leave it open).
 */
import { implicitCast, widerType } from "../analyzer/type-coercion.js";
import type { Scalar } from "../columnar/column-vector.js";
import { keyOf } from "../columnar/nested-order.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayParts, arrayType } from "../types/nested-types.js";
import { dataDiffTypes, indexOfZero, unexpectedInput } from "./collection-errors.js";
import { call, type ScalarFunction } from "./function-types.js";
import { rowKernel } from "./nested-kernel-helpers.js";

const shown = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

function requireArray(display: string, args: readonly Expr[], index: number): Expr {
  const arg = args[index] as Expr;
  if (arg.type.kind.case !== "array") throw unexpectedInput(display, index, arg, '"ARRAY"');
  return arg;
}

/** An integer argument (smaller integral types widen to INT, as Spark's implicit cast does). */
function requireInt(display: string, args: readonly Expr[], index: number): Expr {
  const arg = args[index] as Expr;
  if (arg.type.kind.case === "integer") return arg;
  if (T.isNullType(arg.type) || arg.type.kind.case === "byte" || arg.type.kind.case === "short") {
    return implicitCast(arg, T.INT);
  }
  throw unexpectedInput(display, index, arg, '"INT"');
}

/** Positions count from 1; a negative one counts from the end (-1 appends); gaps fill with NULLs. */
function insertAt(list: readonly Scalar[], position: number, item: Scalar): Scalar[] {
  if (position === 0) throw indexOfZero();
  if (position > 0) {
    const index = position - 1;
    if (index <= list.length) return [...list.slice(0, index), item, ...list.slice(index)];
    return [...list, ...new Array<Scalar>(index - list.length).fill(null), item];
  }
  if (-position > list.length) return [item, ...new Array<Scalar>(-position - list.length - 1).fill(null), ...list];
  const index = list.length + position + 1;
  return [...list.slice(0, index), item, ...list.slice(index)];
}

const arrayInsert: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("array_insert", args);
    const array = requireArray(display, args, 0);
    const position = requireInt(display, args, 1);
    const item = args[2] as Expr;
    const element = widerType(arrayParts(array.type).element, item.type);
    if (element === null) throw dataDiffTypes(display, "array_insert", [array.type, item.type]);
    const type = arrayType(element, true);
    const castArgs = [implicitCast(array, arrayType(element, arrayParts(array.type).containsNull)), position];
    return call(
      "array_insert",
      [...castArgs, implicitCast(item, element)],
      type,
      display,
      ctx,
      array.nullable || position.nullable,
    );
  },
  kernel: (args, c) =>
    // The item may be NULL; a NULL array or position makes the row NULL.
    rowKernel(
      args,
      c.type,
      ([list, position, item]) =>
        list === null || position === null
          ? null
          : insertAt(list as readonly Scalar[], position as number, item ?? null),
      false,
    ),
};

const arrayRepeat: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("array_repeat", args);
    const [element] = args as [Expr];
    const count = requireInt(display, args, 1);
    const type = arrayType(element.type, element.nullable);
    return call("array_repeat", [element, count], type, display, ctx, count.nullable);
  },
  kernel: (args, c) =>
    rowKernel(
      args,
      c.type,
      ([element, count]) =>
        count === null ? null : new Array<Scalar>(Math.max(0, count as number)).fill(element ?? null),
      false,
    ),
};

/** get(array, index): 0-based, NULL (never an error) outside the array. */
const get: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("get", args);
    const array = requireArray(display, args, 0);
    const index = requireInt(display, args, 1);
    return call("get", [array, index], arrayParts(array.type).element, display, ctx, true);
  },
  kernel: (args, c) => rowKernel(args, c.type, ([list, index]) => (list as readonly Scalar[])[index as number] ?? null),
};

const arraysOverlap: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("arrays_overlap", args);
    const left = requireArray(display, args, 0);
    const right = requireArray(display, args, 1);
    const element = widerType(arrayParts(left.type).element, arrayParts(right.type).element);
    if (element === null) throw dataDiffTypes(display, "arrays_overlap", [left.type, right.type]);
    const cast = (e: Expr) => implicitCast(e, arrayType(element, arrayParts(e.type).containsNull));
    const nullable =
      left.nullable || right.nullable || arrayParts(left.type).containsNull || arrayParts(right.type).containsNull;
    return call("arrays_overlap", [cast(left), cast(right)], T.BOOLEAN, display, ctx, nullable);
  },
  kernel: (args, c) =>
    rowKernel(args, c.type, ([l, r]) => {
      const [left, right] = [l as readonly Scalar[], r as readonly Scalar[]];
      const keys = new Set(left.flatMap((v) => (v === null ? [] : [keyOf(v)])));
      if (right.some((v) => v !== null && keys.has(keyOf(v)))) return true;
      // No common element: unknown when a NULL on either side could have matched something on the other.
      const open = left.length > 0 && right.length > 0 && (left.includes(null) || right.includes(null));
      return open ? null : false;
    }),
};

export const arrayEditingFunctions: Record<string, ScalarFunction> = {
  array_insert: arrayInsert,
  array_repeat: arrayRepeat,
  get,
  arrays_overlap: arraysOverlap,
};
