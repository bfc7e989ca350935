/**
 * Functions that compute new arrays: sort_array, array_distinct, array_union / array_intersect / array_except,
 * flatten, slice, array_remove, array_join, arrays_zip and concat over arrays. Element order follows Spark:
 * set operations keep first occurrences in input order, and NULL counts as one value.
 */

import { SparkRuntimeException } from "../../errors/index.js";
import { commonType, implicitCast, widerType } from "../analyzer/type-coercion.js";
import type { Scalar } from "../columnar/column-vector.js";
import { keyOf, orderOf } from "../columnar/nested-order.js";
import { sparkError, unresolvedRoutine } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayParts, arrayType } from "../types/nested-types.js";
import { dataDiffTypes, unexpectedInput } from "./collection-errors.js";
import { call, type ScalarFunction } from "./function-types.js";
import { rowKernel } from "./nested-kernel-helpers.js";
import { stringFunctions } from "./strings.js";

const shown = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

function requireArray(display: string, args: readonly Expr[], index = 0): Expr {
  const arg = args[index] as Expr;
  if (arg.type.kind.case !== "array") throw unexpectedInput(display, index, arg, '"ARRAY"');
  return arg;
}

const elementOf = (e: Expr): T.DataType => arrayParts(e.type).element;

function distinct(values: readonly Scalar[]): Scalar[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v === null ? "\u0000null" : keyOf(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const has = (values: readonly Scalar[]) => {
  const keys = new Set(values.map((v) => (v === null ? "\u0000null" : keyOf(v))));
  return (v: Scalar) => keys.has(v === null ? "\u0000null" : keyOf(v));
};

const sortArray: ScalarFunction = {
  resolve: (args, ctx) => {
    const withOrder: Expr[] =
      args.length === 1 ? [...args, { kind: "literal", value: true, type: T.BOOLEAN, nullable: false }] : [...args];
    const display = shown("sort_array", withOrder);
    const array = requireArray(display, withOrder);
    const ascending = withOrder[1] as Expr;
    if (ascending.kind !== "literal" || ascending.type.kind.case !== "boolean") {
      throw unexpectedInput(display, 1, ascending, '"BOOLEAN"');
    }
    return call("sort_array", [array, ascending], array.type, display, ctx, array.nullable);
  },
  kernel: (args, c) => {
    const compare = orderOf(elementOf(c.args[0] as Expr));
    const ascending = (c.args[1] as { value: Scalar }).value === true;
    return rowKernel(args.slice(0, 1), c.type, ([a]) => {
      const sorted = [...(a as readonly Scalar[])].sort((x, y) =>
        x === null ? (y === null ? 0 : -1) : y === null ? 1 : compare(x, y),
      );
      return ascending ? sorted : sorted.reverse();
    });
  },
};

const arrayDistinct: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("array_distinct", args);
    const array = requireArray(display, args);
    return call("array_distinct", [array], array.type, display, ctx);
  },
  kernel: (args, c) => rowKernel(args, c.type, ([a]) => distinct(a as readonly Scalar[])),
};

/** Two arrays brought to one array type (wider elements; containsNull by the caller's rule). */
function twoArrays(
  name: string,
  args: readonly Expr[],
): { left: Expr; right: Expr; element: T.DataType; display: string } {
  const display = shown(name, args);
  const left = requireArray(display, args, 0);
  const right = requireArray(display, args, 1);
  const element = widerType(elementOf(left), elementOf(right));
  if (element === null) throw dataDiffTypes(display, name, [left.type, right.type]);
  const cast = (e: Expr) => implicitCast(e, arrayType(element, arrayParts(e.type).containsNull));
  return { left: cast(left), right: cast(right), element, display };
}

function setOperation(
  name: string,
  containsNull: (l: boolean, r: boolean) => boolean,
  combine: (l: readonly Scalar[], r: readonly Scalar[]) => Scalar[],
): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const { left, right, element, display } = twoArrays(name, args);
      const nulls = containsNull(arrayParts(left.type).containsNull, arrayParts(right.type).containsNull);
      return call(name, [left, right], arrayType(element, nulls), display, ctx);
    },
    kernel: (args, c) => rowKernel(args, c.type, ([l, r]) => combine(l as readonly Scalar[], r as readonly Scalar[])),
  };
}

const flatten: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("flatten", args);
    const array = requireArray(display, args);
    const inner = elementOf(array);
    if (inner.kind.case !== "array") throw unexpectedInput(display, 0, array, '"ARRAY" of "ARRAY"');
    return call("flatten", [array], inner, display, ctx, array.nullable || arrayParts(array.type).containsNull);
  },
  kernel: (args, c) =>
    rowKernel(args, c.type, ([a]) => {
      const outer = a as readonly (readonly Scalar[] | null)[];
      return outer.includes(null) ? null : outer.flatMap((inner) => inner as readonly Scalar[]);
    }),
};

function sliceError(parameter: string, message: string) {
  return sparkError(SparkRuntimeException, `INVALID_PARAMETER_VALUE.${parameter}`, "22023", message, {
    parameter: `\`${parameter.toLowerCase()}\``,
    functionName: "`slice`",
  });
}

const slice: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("slice", args);
    const array = requireArray(display, args);
    const bounds = args.slice(1).map((a, i) => {
      if (!T.isIntegral(a.type) && !T.isNullType(a.type)) throw unexpectedInput(display, i + 1, a, '"INT"');
      return implicitCast(a, T.INT);
    });
    return call("slice", [array, ...bounds], array.type, display, ctx);
  },
  kernel: (args, c) =>
    rowKernel(args, c.type, ([a, s, n]) => {
      const array = a as readonly Scalar[];
      const start = s as number;
      const length = n as number;
      if (start === 0) throw sliceError("START", "Expects a positive or a negative value for `start`, but got 0.");
      if (length < 0) throw sliceError("LENGTH", `Expects \`length\` greater than or equal to 0, but got ${length}.`);
      const from = start > 0 ? start - 1 : array.length + start;
      if (from < 0 || from >= array.length) return [];
      return array.slice(from, from + length);
    }),
};

const arrayRemove: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("array_remove", args);
    const array = requireArray(display, args);
    const value = args[1] as Expr;
    const element = widerType(elementOf(array), value.type);
    if (element === null) throw unexpectedInput(display, 1, value, T.sqlTypeName(elementOf(array)));
    const cast = implicitCast(array, arrayType(element, arrayParts(array.type).containsNull));
    return call("array_remove", [cast, implicitCast(value, element)], cast.type, display, ctx);
  },
  kernel: (args, c) =>
    rowKernel(args, c.type, ([a, v]) => {
      const target = keyOf(v ?? null);
      return (a as readonly Scalar[]).filter((x) => x === null || keyOf(x) !== target);
    }),
};

const arrayJoin: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("array_join", args);
    const array = requireArray(display, args);
    const stringArray = implicitCast(array, arrayType(T.STRING, arrayParts(array.type).containsNull));
    const rest = args.slice(1).map((a) => implicitCast(a, T.STRING));
    return call("array_join", [stringArray, ...rest], T.STRING, display, ctx);
  },
  kernel: (args, c) =>
    rowKernel(args, c.type, ([a, delimiter, replacement]) => {
      const parts = (a as readonly Scalar[]).flatMap((x) =>
        x !== null ? [x as string] : replacement !== undefined ? [replacement as string] : [],
      );
      return parts.join(delimiter as string);
    }),
};

const arraysZip: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("arrays_zip", args);
    for (let i = 0; i < args.length; i++) requireArray(display, args, i);
    const fields = args.map((a, i) => ({
      name: a.kind === "attr" || a.kind === "alias" ? a.name : String(i),
      type: elementOf(a),
      nullable: true,
    }));
    return call("arrays_zip", args, arrayType(T.structType(fields), false), display, ctx);
  },
  kernel: (args, c) =>
    rowKernel(args, c.type, (arrays) => {
      const lists = arrays as (readonly Scalar[])[];
      const length = Math.max(0, ...lists.map((l) => l.length));
      return Array.from({ length }, (_, i) => lists.map((l) => l[i] ?? null));
    }),
};

const stringConcat = stringFunctions.concat as ScalarFunction;

/** `concat` joins arrays when every argument is an array, else it is the string concat. */
const concat: ScalarFunction = {
  resolve: (args, ctx, name) => {
    if (args.length === 0 || !args.every((a) => a.type.kind.case === "array" || T.isNullType(a.type))) {
      return stringConcat.resolve(args, ctx, name);
    }
    const display = shown("concat", args);
    const type = commonType(args.map((a) => a.type));
    if (type === null)
      throw dataDiffTypes(
        display,
        "concat",
        args.map((a) => a.type),
      );
    return call(
      "concat_arrays",
      args.map((a) => implicitCast(a, type)),
      type,
      display,
      ctx,
    );
  },
  kernel: (args, c, ctx) => {
    if (stringConcat.kernel === undefined) throw unresolvedRoutine("concat");
    return stringConcat.kernel(args, c, ctx);
  },
};

const concatArrays: ScalarFunction = {
  resolve: (_args, _ctx, name) => {
    // Built by concat only; the name is not callable from SQL.
    throw unresolvedRoutine(name);
  },
  kernel: (args, c) => rowKernel(args, c.type, (arrays) => (arrays as (readonly Scalar[])[]).flat()),
};

export const arrayFunctions: Record<string, ScalarFunction> = {
  sort_array: sortArray,
  array_distinct: arrayDistinct,
  array_union: setOperation(
    "array_union",
    (l, r) => l || r,
    (l, r) => distinct([...l, ...r]),
  ),
  array_intersect: setOperation(
    "array_intersect",
    (l, r) => l && r,
    (l, r) => distinct(l.filter(has(r))),
  ),
  array_except: setOperation(
    "array_except",
    (l) => l,
    (l, r) => {
      const inRight = has(r);
      return distinct(l.filter((v) => !inRight(v)));
    },
  ),
  flatten,
  slice,
  array_remove: arrayRemove,
  array_join: arrayJoin,
  arrays_zip: arraysZip,
  concat,
  concat_arrays: concatArrays,
};
