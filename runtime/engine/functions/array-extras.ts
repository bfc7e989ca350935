/** Smaller array builtins: array_size, array_compact, array_append, array_prepend, array_max and array_min. */
import { implicitCast, widerType } from "../analyzer/type-coercion.js";
import type { Scalar } from "../columnar/column-vector.js";
import { orderOf } from "../columnar/nested-order.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayParts, arrayType } from "../types/nested-types.js";
import { unexpectedInput } from "./collection-errors.js";
import { call, type ScalarFunction } from "./function-types.js";
import { rowKernel } from "./nested-kernel-helpers.js";

const shown = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

function arrayArg(name: string, args: readonly Expr[]): { array: Expr; display: string } {
  const display = shown(name, args);
  const array = args[0] as Expr;
  if (array.type.kind.case !== "array") throw unexpectedInput(display, 0, array, '"ARRAY"');
  return { array, display };
}

const arraySize: ScalarFunction = {
  resolve: (args, ctx) => {
    const { array, display } = arrayArg("array_size", args);
    return call("array_size", [array], T.INT, display, ctx);
  },
  kernel: (args, c) => rowKernel(args, c.type, ([a]) => (a as readonly Scalar[]).length),
};

const arrayCompact: ScalarFunction = {
  resolve: (args, ctx) => {
    const { array, display } = arrayArg("array_compact", args);
    return call("array_compact", [array], arrayType(arrayParts(array.type).element, false), display, ctx);
  },
  kernel: (args, c) => rowKernel(args, c.type, ([a]) => (a as readonly Scalar[]).filter((v) => v !== null)),
};

/** array_append / array_prepend: a NULL value is added as a NULL element; only a NULL array gives NULL. */
function addElement(name: string, atEnd: boolean): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const { array, display } = arrayArg(name, args);
      const value = args[1] as Expr;
      const { element, containsNull } = arrayParts(array.type);
      const wider = widerType(element, value.type);
      if (wider === null) throw unexpectedInput(display, 1, value, T.sqlTypeName(element));
      const type = arrayType(wider, containsNull || value.nullable);
      const cast = [implicitCast(array, arrayType(wider, containsNull)), implicitCast(value, wider)];
      return call(name, cast, type, display, ctx, array.nullable);
    },
    kernel: (args, c) =>
      rowKernel(
        args,
        c.type,
        ([a, v]) => {
          if (a === null) return null;
          const array = a as readonly Scalar[];
          return atEnd ? [...array, v ?? null] : [v ?? null, ...array];
        },
        false,
      ),
  };
}

function extreme(name: string, isMax: boolean): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const { array, display } = arrayArg(name, args);
      return call(name, [array], arrayParts(array.type).element, display, ctx, true);
    },
    kernel: (args, c) => {
      const compare = orderOf(c.type);
      return rowKernel(args, c.type, ([a]) => {
        let best: Scalar = null;
        for (const v of a as readonly Scalar[]) {
          if (v === null) continue;
          if (best === null || (isMax ? compare(v, best) > 0 : compare(v, best) < 0)) best = v;
        }
        return best;
      });
    },
  };
}

export const arrayExtras: Record<string, ScalarFunction> = {
  array_size: arraySize,
  array_compact: arrayCompact,
  array_append: addElement("array_append", true),
  array_prepend: addElement("array_prepend", false),
  array_max: extreme("array_max", true),
  array_min: extreme("array_min", false),
};
